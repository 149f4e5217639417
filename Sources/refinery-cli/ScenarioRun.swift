import RefineryModel

/// Everything one run computes for a scenario. The JSON report, the text report and the key
/// results (for `sweep` and `compare`) are all views of it, so a part added to the run (the
/// campaign schedule, the valuation) appears in every command by adding a field here, its
/// section in ``Report`` and its metrics in ``KeyResults``.
struct ScenarioRun: Sendable {
    /// The effective scenario (after `--set` overrides).
    var scenario: Scenario
    var options: RunOptions
    var throughput: ThroughputReport
    /// The valuation, when the scenario has economics and ownership.
    var valuation: (model: CashFlowModel, result: Valuation)?

    /// Runs the model end to end. Pure apart from the solver's log (with `--verbose`).
    static func perform(_ scenario: Scenario, options: RunOptions = RunOptions()) throws -> ScenarioRun {
        let throughput = ThroughputModel(scenario: scenario).evaluate()
        var valuation: (model: CashFlowModel, result: Valuation)?
        if scenario.economics != nil && scenario.ownership != nil {
            let model = try ValuationRun.model(scenario, throughput: throughput)
            valuation = (model, model.valuation())
        }
        return ScenarioRun(scenario: scenario, options: options, throughput: throughput, valuation: valuation)
    }

    /// The exit status the run calls for: success, or `noSolution` (2) when a part that solves
    /// an optimization model found none (the report is still written and says so).
    var status: ExitStatus { .success }
}
