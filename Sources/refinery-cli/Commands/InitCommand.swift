import Foundation
import RefineryModel

/// `refinery-cli init FILE`: writes a complete scenario to start from, an embedded one with
/// every figure's `basis`, checked before it is written.
enum InitCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "init",
        summary: "Write a complete scenario to start from, with every figure's basis.",
        options: [
            .value("from", "NAME", help: "The embedded scenario to copy: \(Scenario.embeddedNames.joined(separator: ", ")) (default senou-base)."),
            .flag("force", help: "Replace FILE if it exists (atomically: a temporary file beside it is renamed over it); without it, an existing FILE is refused and left as it is (exit 73)."),
        ],
        positionals: [PositionalSpec(name: "FILE", optional: false, help: "The scenario file to write ('-': standard output).")],
        discussion: """
            Writes every section of the scenario (horizon, intake, plant, economics, ownership),
            each figure with the source or assumption it rests on in its "basis", exactly as
            data/scenarios holds it; the file validates as written. Edit it, then check it:
              refinery-cli init my-refinery.json --from regional-hub-200t
              refinery-cli validate my-refinery.json && refinery-cli run my-refinery.json
            The format: 'refinery-cli schema scenario' and the DocC page DataFormat.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let name = arguments.value("from") ?? Scenario.defaultName
        guard Scenario.embeddedNames.contains(name) else {
            let nearest = ArgumentParser.closest(to: name, among: Scenario.embeddedNames).map { " (did you mean '\($0)'?)" } ?? ""
            throw UsageError(message: "option '--from': '\(name)' is not an embedded scenario\(nearest); available: \(Scenario.embeddedNames.joined(separator: ", "))", usage: spec.usage)
        }
        let path = arguments.positionals[0]
        if path.isEmpty { throw UsageError(message: "give a file name, or '-' for standard output", usage: spec.usage) }
        let output = try CommandError.mapping { () throws(StudyError) -> String in
            do throws(ScenarioError) {
                let text = try ScenarioLoader.embeddedText(named: name)
                let output = text.hasSuffix("\n") ? text : text + "\n"
                // Checked as written: the very bytes go through the loader a user's file goes through.
                _ = try ScenarioLoader.load(data: Data(output.utf8))
                return output
            } catch {
                throw .scenario(error)
            }
        }
        if path == "-" {
            try console.write(output)
        } else {
            try OutputFile.write(output, to: path, replacing: arguments.has("force"))
            console.error("Wrote \(path) (the embedded scenario \(name)); check it with: refinery-cli validate \(path)\n")
        }
        return .success
    }
}
