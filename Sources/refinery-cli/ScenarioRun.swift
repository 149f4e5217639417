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

    /// Runs the model end to end. Pure apart from the solver's log (with `--verbose`).
    static func perform(_ scenario: Scenario, options: RunOptions = RunOptions()) throws -> ScenarioRun {
        let throughput = ThroughputModel(scenario: scenario).evaluate()
        return ScenarioRun(scenario: scenario, options: options, throughput: throughput)
    }

    /// The exit status the run calls for: success, or `noSolution` (2) when a part that solves
    /// an optimization model found none (the report is still written and says so).
    var status: ExitStatus { .success }
}
