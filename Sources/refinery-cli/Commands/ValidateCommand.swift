import RefineryModel

/// `refinery-cli validate`: every problem of a scenario file, with its JSON path.
enum ValidateCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "validate",
        summary: "Check a scenario file and list every problem with its JSON path.",
        usage: "refinery-cli validate SCENARIO.json [--set PATH=VALUE]... [--output FILE]",
        options: [ScenarioInput.setOption, Output.option],
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: false, help: "The scenario file to check.")],
        discussion: """
            Exits 0 when the file is valid, 65 when it has problems (listed on stderr), 66 when it
            cannot be read. With --set, checks the file as changed by the overrides.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let scenario = try ScenarioInput.load(path: arguments.positionals[0], embeddedName: nil, overrides: ScenarioInput.overrides(arguments))
        try Output.emit("\(arguments.positionals[0]): valid scenario '\(scenario.name)' (\(scenario.intake.sources.count) sources, \(scenario.intake.lots.count) lots, \(scenario.plant.stages.count) stages, \(scenario.plant.routes.count) routes)\n", arguments, console: console)
        return .success
    }
}
