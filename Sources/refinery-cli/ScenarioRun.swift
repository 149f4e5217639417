import RefineryModel

/// Everything one run computes for a scenario. The JSON report, the text report and the key
/// results (for `sweep` and `compare`) are all views of it, so a part added to the run appears
/// in every command by adding a field here, its section in ``Report`` and its metrics in
/// ``KeyResults``.
struct ScenarioRun: Sendable {
    /// The effective scenario (after `--set` overrides).
    var scenario: Scenario
    var options: RunOptions
    var throughput: ThroughputReport
    /// The campaign schedule of the peak year, or why there is none.
    var campaign: Campaign
    /// The valuation, when the scenario has economics and ownership.
    var valuation: (model: CashFlowModel, result: Valuation)?

    /// The run's schedule part: a year's campaign in daily buckets, for the year of peak gold
    /// intake (the most loaded year), optimized for work in process.
    enum Campaign: Sendable {
        case scheduled(RefineryScheduleReport, options: SolverOptions)
        /// Not scheduled: `--no-schedule`, or the scenario cannot be turned into a schedule
        /// (the reason names the problems).
        case skipped(reason: String)

        var report: RefineryScheduleReport? {
            if case let .scheduled(report, _) = self { return report } else { return nil }
        }

        /// Why the scenario could not be scheduled, when that is why the campaign was skipped
        /// (not `--no-schedule` or an intake without gold): `run` says it on stderr too.
        var failure: String? {
            if case let .skipped(reason) = self, reason.hasPrefix(Campaign.cannotSchedule) { return reason }
            return nil
        }

        static let cannotSchedule = "the scenario cannot be scheduled: "
    }

    /// Runs the model end to end. Pure apart from the solver's log (with `--verbose`).
    static func perform(_ scenario: Scenario, options: RunOptions = RunOptions()) throws -> ScenarioRun {
        let throughput: ThroughputReport
        do { throughput = try ThroughputModel(scenario: scenario).evaluate() } catch {
            throw CommandError.invalidData(error.problems.map(\.description))
        }
        var valuation: (model: CashFlowModel, result: Valuation)?
        if scenario.economics != nil && scenario.ownership != nil {
            let model = try ValuationRun.model(scenario, throughput: throughput)
            valuation = (model, model.valuation())
        }
        let campaign = try schedule(scenario, throughput: throughput, options: options)
        return ScenarioRun(scenario: scenario, options: options, throughput: throughput, campaign: campaign, valuation: valuation)
    }

    /// The solver settings of a run's campaign: the recommended ones, but stopping at a 1% gap
    /// (enough for a year's summary, and the greedy start usually meets it, so the interior-point
    /// certificate ends the solve without branch-and-cut), within `--time-limit` (default 10 s).
    static func campaignOptions(_ options: RunOptions) -> SolverOptions {
        var solver = RefineryScheduler.recommendedOptions(for: .campaign)
        solver.relativeGap = 0.01
        solver.timeLimit = options.timeLimit ?? 10
        solver.log = options.verbose ? .standardError : .off
        return solver
    }

    static func schedule(_ scenario: Scenario, throughput: ThroughputReport, options: RunOptions) throws -> Campaign {
        guard options.schedule else { return .skipped(reason: "not requested (--no-schedule)") }
        guard let peak = throughput.peakIntakeYear, peak.intake.goldKg > 0 else {
            return .skipped(reason: "no gold comes in during the horizon")
        }
        let solver = campaignOptions(options)
        do {
            var report = try RefineryScheduler.schedule(scenario, request: .campaign(year: peak.year), options: solver)
            if !options.timings { report.timings = nil }
            return .scheduled(report, options: solver)
        } catch let error as SchedulingError {
            switch error {
            case let .invalidRequest(problems), let .invalidNetwork(problems):
                return .skipped(reason: Campaign.cannotSchedule + problems.map(\.description).joined(separator: "; "))
            case let .solver(error):
                throw CommandError.failure("the campaign schedule: \(error.description)")
            }
        }
    }

    /// The exit status the run calls for: success; `failure` (1) when the independent check
    /// rejects the schedule (a bug, reported on stderr); `noSolution` (2) when the campaign is
    /// infeasible or the time limit passed before any schedule was found (the report is still
    /// written and says so).
    var status: ExitStatus { campaign.report?.exitStatus ?? .success }

    /// What to say on stderr about a non-zero status.
    var statusMessage: String? {
        guard let report = campaign.report else { return nil }
        if !report.violations.isEmpty { return "the schedule check found \(report.violations.count) violation(s) in the campaign schedule" }
        switch report.status {
        case .optimal, .feasible: return nil
        case .infeasible: return "no campaign schedule meets every due date (the report explains which lots block)"
        case .noSolution: return "no campaign schedule was found within the time limit"
        }
    }
}
