import RefineryModel

/// `refinery-cli validate`: every problem of a scenario file, with its JSON path.
enum ValidateCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "validate",
        summary: "Check a scenario file and list every problem with its JSON path.",
        options: ScenarioInput.options + [Output.option] + RunOptions.shared,
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: true, help: ScenarioInput.positionalHelp)],
        discussion: """
            Exits 0 when the scenario is valid, 65 when it has problems (listed on stderr), 66 when
            it cannot be read. With --set, checks the scenario as changed by the overrides. The
            solver options are accepted, as by every command that reads a scenario, and unused.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let scenario = try ScenarioInput.load(arguments)
        let label = arguments.positionals.first ?? "\(arguments.value("scenario") ?? Scenario.defaultName) (embedded)"
        try Output.emit("\(label): valid scenario '\(scenario.name)' (\(scenario.intake.sources.count) sources, \(scenario.intake.lots.count) lots, \(scenario.plant.stages.count) stages, \(scenario.plant.routes.count) routes)\n", arguments, console: console)
        return .success
    }
}
