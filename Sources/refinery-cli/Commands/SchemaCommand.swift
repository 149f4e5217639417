import RefineryModel

/// `refinery-cli schema`: prints the JSON Schema of the scenario format or of an output.
enum SchemaCommand {
    static let command = Command(spec: spec, run: run)

    static let names = JSONSchemas.Name.allCases.map(\.rawValue)

    static let spec = CommandSpec(
        name: "schema",
        summary: "Print the JSON Schema of the scenario format or of a command's JSON output.",
        options: [Output.option],
        positionals: [PositionalSpec(name: "NAME", optional: false, help: """
            scenario (the input format), report or run (run --format json), value, schedule (a detailed window or a campaign), \
            compare, sweep (one JSON line), or plant-state (the input of schedule --state).
            """)],
        discussion: """
            JSON Schema draft 2020-12. Every output carries schemaVersion, and its schema's $id
            ends with the same version (https://refinery-model.example/schema/NAME/VERSION).
            Validate outputs with any JSON Schema tool, e.g.
            refinery-cli schema value > value.schema.json && python3 -m jsonschema ...
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let requested = arguments.positionals[0]
        guard let name = JSONSchemas.Name(lookingUp: requested) else {
            let candidates = names + ["run"]
            let best = candidates.map { ($0, ArgumentParser.editDistance($0, requested)) }.min { $0.1 < $1.1 }
            var message = "unknown schema '\(requested)'"
            if let (guess, distance) = best, distance <= max(2, requested.count / 3) { message += " (did you mean '\(guess)'?)" }
            throw UsageError(message: message + "; available: " + names.joined(separator: ", ") + " (run is report)", usage: spec.usage)
        }
        let text = name.text
        try Output.emit(text.hasSuffix("\n") ? text : text + "\n", arguments, console: console)
        return .success
    }
}
