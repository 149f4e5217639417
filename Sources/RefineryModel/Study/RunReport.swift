/// The versioned JSON report that `refinery-cli run --format json` prints and other tools read:
/// the effective scenario and every section of a run. Deterministic: the same input gives
/// byte-identical output (sorted keys, no timestamps), so ``json()`` of a library run equals the
/// CLI's output for the same scenario and options.
public struct RunReport: Codable, Sendable {
    /// The version of the report format (`schemaVersion` in the JSON; `refinery-cli schema report`).
    /// Version 2: turnarounds in days everywhere, holders' flows with their years, value-added
    /// totals without a `year`.
    public static let schemaVersion = 2

    /// ``schemaVersion``.
    public var schemaVersion = RunReport.schemaVersion
    /// What wrote the report.
    public var tool = ReportTool()
    /// The effective scenario (after overrides).
    public var scenario: Scenario
    /// The throughput model's years and findings (and lots, when asked for).
    public var throughput: ThroughputReport
    /// The campaign schedule of the peak year; absent when not requested or when the
    /// scenario cannot be scheduled (`notes` says why).
    public var schedule: ScheduleSection? = nil
    /// What the solver proved about the campaign schedule; absent with the schedule.
    public var solver: SolverSection? = nil
    /// Headline figures and yearly cash flows; absent when the scenario has no economics.
    public var valuation: ValuationSection? = nil
    /// The holder table; absent when the scenario has no economics or ownership.
    public var ownership: [HolderResult]? = nil
    /// Value added and national capture; absent when the scenario has no economics.
    public var valueAdded: ValueAddedReport? = nil
    /// What the state gets by instrument, government take, AETR and the doré-export
    /// counterfactual; absent when the scenario has no economics.
    public var fiscal: FiscalView? = nil
    /// The scheduled year's gold in process from the campaign schedule against the throughput
    /// model's, and the project NPV with it; absent without a valuation or a schedule.
    public var workingCapitalFromSchedule: ScheduledWorkingCapital? = nil
    /// What the run left out and why (e.g. the schedule was skipped).
    public var notes: [String] = []

    /// A report with the scenario and throughput sections only.
    public init(scenario: Scenario, throughput: ThroughputReport) {
        self.scenario = scenario
        self.throughput = throughput
    }

    /// The report as JSON text, exactly as `refinery-cli run --format json` prints it.
    public func json() throws -> String { try ReportJSON.encode(self) }
}

extension RunReport {
    /// The report of a run (each part of the run fills its section). The lists of lots and of
    /// batches (thousands of entries a year) are left out unless asked for, as in the CLI
    /// (`--include-lots`, `--include-batches`).
    public init(run: ScenarioRun, includeBatches: Bool = false, includeLots: Bool = false) {
        self.init(scenario: run.scenario, throughput: run.throughput)
        if !includeLots { throughput.lots = [] }
        switch run.campaign {
        case let .scheduled(report, options):
            schedule = ScheduleSection(report, includeBatches: includeBatches, includeLots: includeLots)
            solver = SolverSection(report, options: options)
        case let .skipped(reason):
            notes.append("campaign schedule skipped: \(reason)")
        }
        notes += run.scenario.economics?.rangeWideningNotes ?? []
        if let valuation = run.valuation {
            self.valuation = ValuationSection(valuation.result)
            ownership = valuation.result.holders
            valueAdded = valuation.result.valueAdded
            fiscal = valuation.result.fiscal
        }
        workingCapitalFromSchedule = run.scheduledWorkingCapital
    }
}
