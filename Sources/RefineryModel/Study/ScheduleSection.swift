/// The `schedule` section of a run's report: the campaign schedule of the peak year, as
/// `refinery-cli schedule --horizon campaign --format json` reports it, without the solver
/// figures (in ``SolverSection``) and, unless asked for, without the batch and lot lists (about
/// 2,000 batches and 1,500 lots a year).
public struct ScheduleSection: Codable, Sendable {
    /// The request the schedule answers (a campaign of the peak year).
    public var request: RefineryScheduleRequest
    /// The plant year scheduled.
    public var year: Int
    /// The first day of the window, YYYY-MM-DD.
    public var startDate: String
    /// Periods (days) in the window.
    public var periods: Int
    /// Whether a schedule was found and proven.
    public var status: STNScheduleResult.Status
    /// The headline figures; absent when no schedule was found.
    public var summary: RefineryScheduleReport.Summary?
    /// Each stage's batches, hours and utilization.
    public var stages: [RefineryScheduleReport.StageUse]
    /// Refined gold and gold in process per month.
    public var months: [RefineryScheduleReport.Interval]
    /// Gold received = refined + in process + in by-products + lost.
    public var goldBalance: RefineryScheduleReport.GoldBalance?
    /// What the independent check rejects (empty for a valid schedule).
    public var violations: [ScheduleChecker.Violation]
    /// Which lots block, when no schedule meets every due date.
    public var explanation: InfeasibilityExplanation?
    /// What the schedule left out or assumed.
    public var notes: [String]
    /// Every batch, when asked for (`--include-batches`).
    public var batches: [RefineryScheduleReport.Batch]?
    /// Every lot's outcome, when asked for (`--include-lots`).
    public var lots: [RefineryScheduleReport.Lot]?
    /// The lots left for next year, grouped by why (a saturated stage, arrival too late for
    /// the lead time, the schedule); empty when every lot is refined.
    public var leftOver: [RefineryScheduleReport.LeftOverGroup]
    /// Every lot left for next year and why, when asked for (`--include-lots`).
    public var leftOverLots: [RefineryScheduleReport.LeftOverLot]?

    /// The section of a schedule report, with or without its batches and lots.
    public init(_ report: RefineryScheduleReport, includeBatches: Bool, includeLots: Bool) {
        request = report.request
        year = report.year
        startDate = report.startDate
        periods = report.periods
        status = report.status
        summary = report.summary
        stages = report.stages
        months = report.intervals
        goldBalance = report.goldBalance
        violations = report.violations
        explanation = report.explanation
        notes = report.notes
        batches = includeBatches ? report.batches : nil
        lots = includeLots ? report.lots : nil
        leftOver = report.leftOverGroups
        leftOverLots = includeLots ? report.leftOver : nil
    }
}
