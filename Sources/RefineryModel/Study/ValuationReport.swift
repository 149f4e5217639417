/// The JSON of `refinery-cli value --format json`: versioned and deterministic like
/// ``RunReport``, with the holder table, value added, tornado and the Monte Carlo's percentiles.
public struct ValuationReport: Codable, Sendable {
    /// ``RunReport/schemaVersion-type.property``: the reports share their version.
    public var schemaVersion = RunReport.schemaVersion
    /// What wrote the report.
    public var tool = ReportTool()
    /// The scenario's name.
    public var scenario: String
    /// Headline figures and yearly cash flows.
    public var valuation: ValuationSection
    /// What each holder puts in and takes out.
    public var ownership: [HolderResult]
    /// Value added and national capture, by year and in total.
    public var valueAdded: ValueAddedReport
    /// What the state gets by instrument, government take, AETR and the doré-export
    /// counterfactual (absent only when the valuation did not compute it).
    public var fiscal: FiscalView?
    /// One-at-a-time sensitivity.
    public var tornado: Tornado
    /// The Monte Carlo's percentiles (without the draws themselves); absent with zero draws.
    public var monteCarlo: MonteCarlo?
    /// What the run changed and why, e.g. an uncertainty range widened to include a base value
    /// set on the command line (``RangeWidening``); absent when there is nothing to say.
    public var notes: [String]?

    /// The report of a valuation, its tornado and Monte Carlo.
    public init(valuation: Valuation, tornado: Tornado, monteCarlo: MonteCarlo?) {
        scenario = valuation.scenario
        self.valuation = ValuationSection(valuation)
        ownership = valuation.holders
        valueAdded = valuation.valueAdded
        fiscal = valuation.fiscal
        self.tornado = tornado
        // The draws themselves stay out of the report; their percentiles are in it.
        self.monteCarlo = monteCarlo.map { summary in
            var summary = summary
            summary.npvs = []
            summary.captures = []
            summary.stateNetCashNpvs = []
            summary.governmentTakes = []
            summary.netGainsToMali = []
            return summary
        }
    }

    /// The report of a valuation run.
    public init(_ run: ValuationRun) {
        self.init(valuation: run.valuation, tornado: run.tornado, monteCarlo: run.monteCarlo)
        let widenings = run.model.economics.rangeWideningNotes
        notes = widenings.isEmpty ? nil : widenings
    }

    /// The report as JSON text, exactly as `refinery-cli value --format json` prints it.
    public func json() throws -> String { try ReportJSON.encode(self) }
}
