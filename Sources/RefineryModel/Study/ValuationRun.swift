/// The valuation of a scenario with its sensitivity: what `refinery-cli value` computes. The
/// JSON report is ``ValuationReport``; the parts stay available for text and further analysis.
///
/// ```swift
/// let value = try ValuationRun.perform(try ScenarioLoader.embedded(named: "senou-base"))
/// let json = try ValuationReport(value).json() // what `refinery-cli value --format json` prints
/// ```
public struct ValuationRun: Sendable {
    /// The cash-flow model (years, volumes, terms).
    public var model: CashFlowModel
    /// The headline figures, yearly cash flows, holders and value added.
    public var valuation: Valuation
    /// One-at-a-time sensitivity of NPV and national capture to each uncertain input.
    public var tornado: Tornado
    /// The seeded Monte Carlo over the scenario's uncertainties; nil with zero draws.
    public var monteCarlo: MonteCarlo?

    /// The defaults of `refinery-cli value`: 10,000 Monte Carlo draws.
    public static let defaultDraws = 10_000

    /// A valuation run from its parts.
    public init(model: CashFlowModel, valuation: Valuation, tornado: Tornado, monteCarlo: MonteCarlo?) {
        self.model = model
        self.valuation = valuation
        self.tornado = tornado
        self.monteCarlo = monteCarlo
    }

    /// Values `scenario` (which must have economics and ownership), with a tornado and, when
    /// `draws` is positive, a Monte Carlo of `draws` draws from `seed` (the same seed gives the
    /// same results on any machine). `progress`, when given, is told the Monte Carlo's draws
    /// done and their total as they run (see ``MonteCarlo/init(model:draws:seed:workers:progress:)``).
    public static func perform(_ scenario: Scenario, draws: Int = defaultDraws, seed: UInt64 = 1,
                               progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(StudyError) -> ValuationRun {
        let model = try model(scenario)
        let run = ValuationRun(model: model, valuation: model.valuation(), tornado: Tornado(model: model),
                               monteCarlo: draws > 0 ? MonteCarlo(model: model, draws: draws, seed: seed, progress: progress) : nil)
        do { try FiniteNumbers.check(ValuationReport(run), report: "the valuation report") } catch { throw .nonFinite(error) }
        return run
    }

    /// The cash-flow model of `scenario`, from the throughput model's volumes (computed here
    /// unless given).
    public static func model(_ scenario: Scenario, throughput: ThroughputReport? = nil) throws(StudyError) -> CashFlowModel {
        do {
            if let throughput { return try CashFlowModel(scenario: scenario, throughput: throughput) }
            return try CashFlowModel(scenario: scenario)
        } catch {
            throw .valuation(error)
        }
    }
}
