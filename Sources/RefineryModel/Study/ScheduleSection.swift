import RefineryModel

/// The `schedule` section of a run's report: the campaign schedule of the peak year, as
/// `refinery-cli schedule --horizon campaign --format json` reports it, without the solver
/// figures (in ``SolverSection``) and, unless asked for, without the batch and lot lists (about
/// 2,000 batches and 1,500 lots a year).
struct ScheduleSection: Encodable {
    var request: RefineryScheduleRequest
    var year: Int
    var startDate: String
    var periods: Int
    var status: STNScheduleResult.Status
    var summary: RefineryScheduleReport.Summary?
    var stages: [RefineryScheduleReport.StageUse]
    /// Refined gold and gold in process per month.
    var months: [RefineryScheduleReport.Interval]
    var goldBalance: RefineryScheduleReport.GoldBalance?
    var violations: [ScheduleChecker.Violation]
    var explanation: InfeasibilityExplanation?
    var notes: [String]
    /// With `--include-batches`.
    var batches: [RefineryScheduleReport.Batch]?
    /// With `--include-lots`.
    var lots: [RefineryScheduleReport.Lot]?

    init(_ report: RefineryScheduleReport, includeBatches: Bool, includeLots: Bool) {
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
    }
}

/// The `solver` section of a run's report: what GLPK proved about the run's optimization
/// model (the campaign schedule).
struct SolverSection: Encodable {
    /// Which model: "campaign schedule".
    var model: String
    var status: STNScheduleResult.Status
    var termination: TerminationReason
    var objective: Double?
    var bestBound: Double?
    /// Relative gap between objective and bound; 0 when proven optimal.
    var gap: Double?
    /// The gap and time limit the solve was asked to meet.
    var gapTarget: Double?
    var timeLimitSeconds: Double?
    /// `interiorPointCertificate` (the greedy start proven within the gap by the relaxation's
    /// interior-point bound) or `branchAndCut`.
    var method: String
    var size: ModelSize
    var branchAndBoundNodes: Int
    /// Seconds to build and to solve, with `--timings` only (they vary from run to run).
    var buildSeconds: Double?
    var solveSeconds: Double?

    init(_ report: RefineryScheduleReport, options: SolverOptions, model: String = "campaign schedule") {
        self.model = model
        status = report.status
        termination = report.termination
        objective = report.objective
        bestBound = report.bestBound
        gap = report.gap
        gapTarget = options.relativeGap
        timeLimitSeconds = options.timeLimit
        method = report.startCertified ? "interiorPointCertificate" : "branchAndCut"
        size = report.model
        branchAndBoundNodes = report.branchAndBoundNodes
        buildSeconds = report.timings?.buildSeconds
        solveSeconds = report.timings?.solveSeconds
    }
}
