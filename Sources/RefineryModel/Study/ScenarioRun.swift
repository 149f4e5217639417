/// Everything one run computes for a scenario: throughput, the campaign schedule of the peak
/// year and the valuation. The JSON report (``RunReport``), the CLI's text report and the key
/// results (for ``Sweep`` and ``Comparison``) are all views of it, so a part added to the run
/// appears everywhere by adding a field here, its section in ``RunReport`` and its metrics in
/// ``KeyResults``.
///
/// ```swift
/// let run = try ScenarioRun.perform(try ScenarioLoader.embedded(named: "senou-base"))
/// let json = try RunReport(run: run).json() // what `refinery-cli run --format json` prints
/// ```
public struct ScenarioRun: Sendable {
    /// The effective scenario (after any overrides).
    public var scenario: Scenario
    /// The options the run was made with.
    public var options: RunOptions
    /// The throughput model's years, lots and findings.
    public var throughput: ThroughputReport
    /// The campaign schedule of the peak year, or why there is none.
    public var campaign: Campaign
    /// The valuation, when the scenario has economics and ownership.
    public var valuation: ValuationResult?

    /// The scheduled year's working capital read off the campaign schedule, and the project NPV
    /// with it (nil without a valuation or a scheduled campaign).
    public var scheduledWorkingCapital: ScheduledWorkingCapital? {
        guard let model = valuation?.model, let report = campaign.report else { return nil }
        return ScheduledWorkingCapital(model: model, schedule: report)
    }

    /// The valuation part of a run: the cash-flow model and what it gives.
    public struct ValuationResult: Sendable {
        /// The model (years, volumes, terms), for sensitivity runs and text reports.
        public var model: CashFlowModel
        /// The headline figures, yearly cash flows, holders and value added.
        public var result: Valuation

        /// A valuation part from its model and result.
        public init(model: CashFlowModel, result: Valuation) {
            self.model = model
            self.result = result
        }
    }

    /// The run's schedule part: a year's campaign in daily buckets, for the year of peak gold
    /// intake (the most loaded year), optimized for work in process.
    public enum Campaign: Sendable {
        /// The schedule, with the solver settings it was made with.
        case scheduled(RefineryScheduleReport, options: SolverOptions)
        /// Not scheduled: not requested (``RunOptions/schedule``), or the scenario cannot be
        /// turned into a schedule (the reason names the problems).
        case skipped(reason: String)

        /// The schedule report, when there is one.
        public var report: RefineryScheduleReport? {
            if case let .scheduled(report, _) = self { return report } else { return nil }
        }

        /// Why the scenario could not be scheduled, when that is why the campaign was skipped
        /// (not ``RunOptions/schedule`` off or an intake without gold): the CLI says it on
        /// stderr too, so a skipped campaign is never silent.
        public var failure: String? {
            if case let .skipped(reason) = self, reason.hasPrefix(Campaign.cannotSchedule) { return reason }
            return nil
        }

        /// The start of a skip reason that names the scenario's problems.
        static let cannotSchedule = "the scenario cannot be scheduled: "
    }

    /// Why a run's campaign falls short, although the run has a report: the CLI's exit status
    /// is non-zero for each.
    public enum CampaignProblem: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The independent check rejects the schedule (a bug in the model or solver).
        case violations(count: Int)
        /// No campaign schedule meets every due date (the report explains which lots block).
        case infeasible
        /// The time limit passed before any schedule was found.
        case noSolution

        /// What to tell people about it.
        public var description: String {
            switch self {
            case let .violations(count): return "the schedule check found \(count) violation(s) in the campaign schedule"
            case .infeasible: return "no campaign schedule meets every due date (the report explains which lots block)"
            case .noSolution: return "no campaign schedule was found within the time limit"
            }
        }
    }

    /// A run from its parts (``perform(_:options:)`` makes them).
    public init(scenario: Scenario, options: RunOptions, throughput: ThroughputReport, campaign: Campaign, valuation: ValuationResult?) {
        self.scenario = scenario
        self.options = options
        self.throughput = throughput
        self.campaign = campaign
        self.valuation = valuation
    }

    /// Runs the model end to end. Pure apart from the solver's log (``RunOptions/verbose``).
    public static func perform(_ scenario: Scenario, options: RunOptions = RunOptions()) throws(StudyError) -> ScenarioRun {
        let throughput: ThroughputReport
        do { throughput = try ThroughputModel(scenario: scenario).evaluate() } catch { throw .scenario(error) }
        var valuation: ValuationResult?
        if scenario.economics != nil && scenario.ownership != nil {
            let model = try ValuationRun.model(scenario, throughput: throughput)
            valuation = ValuationResult(model: model, result: model.valuation())
        }
        let campaign = try schedule(scenario, throughput: throughput, options: options)
        let run = ScenarioRun(scenario: scenario, options: options, throughput: throughput, campaign: campaign, valuation: valuation)
        // Every format (JSON, text, CSV, key results) is a view of the run: checked once here.
        do { try FiniteNumbers.check(RunReport(run: run), report: "the run report") } catch { throw .nonFinite(error) }
        return run
    }

    /// The solver settings of a run's campaign: the recommended ones, but stopping at a 1% gap
    /// (enough for a year's summary, and the greedy start usually meets it, so the interior-point
    /// certificate ends the solve without branch-and-cut), within the time limit (default 10 s).
    public static func campaignOptions(_ options: RunOptions) -> SolverOptions {
        var solver = RefineryScheduler.recommendedOptions(for: .campaign)
        solver.relativeGap = 0.01
        solver.timeLimit = options.timeLimit ?? 10
        solver.log = options.verbose ? .standardError : .off
        return solver
    }

    /// The campaign part of a run: the peak year scheduled, or why it is skipped.
    public static func schedule(_ scenario: Scenario, throughput: ThroughputReport, options: RunOptions) throws(StudyError) -> Campaign {
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
            case .solver:
                throw .campaign(error)
            }
        } catch {
            throw .other("the campaign schedule: \(error)")
        }
    }

    /// Why the campaign falls short, or nil when it has a checked schedule or was skipped.
    public var campaignProblem: CampaignProblem? {
        guard let report = campaign.report else { return nil }
        if !report.violations.isEmpty { return .violations(count: report.violations.count) }
        switch report.status {
        case .optimal, .feasible: return nil
        case .infeasible: return .infeasible
        case .noSolution: return .noSolution
        }
    }
}
