/// The working capital of the scheduled year read off the campaign schedule instead of the
/// throughput model: how much gold the schedule keeps in the plant on average, against the
/// throughput model's flow × residence time, and what the project NPV becomes with the
/// schedule's figure for that year.
///
/// The valuation itself stays on the throughput model, which covers every year and does not
/// depend on whether (or how well) one year was scheduled: `run` and `value` give the same
/// headline. This is the check of that choice, in the run report (`workingCapitalFromSchedule`
/// in its JSON). Gold in process drives the insurance on the plant's inventory and the working
/// capital and gold loan on the gold the refinery owns (``Conventions/ownedGoldWorkingCapital``).
public struct ScheduledWorkingCapital: Codable, Sendable, Equatable {
    /// The scheduled (peak) year.
    public var year: Int
    /// The schedule's mean gold in the plant over the year, kg
    /// (``RefineryScheduleReport/Summary/averageGoldInProcessKg``).
    public var scheduleGoldInProcessKg: Double
    /// The throughput model's average gold in process that year, kg
    /// (``ProcessVolumes/averageGoldInProcessKg``).
    public var throughputGoldInProcessKg: Double
    /// The project NPV with the schedule's gold in process for that year, USD.
    public var projectNPVUsd: Double
    /// ``projectNPVUsd`` less the valuation's project NPV, USD.
    public var projectNPVChangeUsd: Double

    /// The check for `model`'s valuation against `schedule` (a campaign of one of the model's
    /// horizon years), or nil when the schedule has no summary or covers another period.
    public init?(model: CashFlowModel, schedule: RefineryScheduleReport) {
        guard schedule.request.kind == .campaign, let summary = schedule.summary, let year = schedule.request.year,
              let h = model.volumes.firstIndex(where: { $0.year == year }), summary.averageGoldInProcessKg.isFinite else { return nil }
        var volumes = model.volumes
        volumes[h].averageGoldInProcessKg = max(0, summary.averageGoldInProcessKg)
        guard let scheduled = try? CashFlowModel(scenario: model.scenario, volumes: volumes) else { return nil }
        self.year = year
        scheduleGoldInProcessKg = volumes[h].averageGoldInProcessKg
        throughputGoldInProcessKg = model.volumes[h].averageGoldInProcessKg
        projectNPVUsd = scheduled.projectNPV()
        projectNPVChangeUsd = projectNPVUsd - model.projectNPV()
    }
}
