import RefineryModel

/// `refinery-cli schema`: prints the JSON Schemas of the scenario and report formats.
enum SchemaCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "schema",
        summary: "Print the JSON Schema of the scenario or report format.",
        options: [Output.option],
        positionals: [PositionalSpec(name: "NAME", optional: false, help: "scenario (the input format) or report (run --format json).")],
        discussion: """
            JSON Schema draft 2020-12. The report schema describes the report's current version
            (schemaVersion 1); validate outputs with any JSON Schema tool, e.g.
            refinery-cli schema report > report.schema.json && python3 -m jsonschema ...
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let text: String
        switch arguments.positionals[0] {
        case "scenario": text = JSONSchemas.scenarioText
        case "report": text = JSONSchemas.reportText
        case let other: throw UsageError(message: "unknown schema '\(other)'; available: scenario, report", usage: spec.usage)
        }
        try Output.emit(text.hasSuffix("\n") ? text : text + "\n", arguments, console: console)
        return .success
    }
}
