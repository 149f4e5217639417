import Foundation
import RefineryModel

/// Reads the scenario a command works on: a file, an embedded scenario by name, or the default,
/// with any `--set PATH=VALUE` overrides applied before it is checked.
enum ScenarioInput {
    static let setOption = OptionSpec.value(
        "set", "PATH=VALUE", repeatable: true,
        help: "Override a scenario field before it is checked, e.g. --set 'plant.stages[id=miller].units=2' (repeatable). VALUE is JSON when it parses as JSON, else a string.")

    static let options: [OptionSpec] = [
        .value("scenario", "NAME", help: "Use an embedded scenario: \(Scenario.embeddedNames.joined(separator: ", ")).")
    ] + [setOption]

    /// The `--set` options of `arguments` (a malformed one is a usage error, exit 64).
    static func overrides(_ arguments: ParsedArguments, option: String = "set") throws(UsageError) -> [ScenarioOverride] {
        var overrides: [ScenarioOverride] = []
        for assignment in arguments.all(option) {
            do {
                overrides.append(try ScenarioOverride(parsing: assignment))
            } catch {
                throw UsageError(message: "option '--\(option)': '\(error.path)' \(error.message)")
            }
        }
        return overrides
    }

    /// The scenario of a command: its first positional (a file), else `--scenario`, else the default; with `--set`.
    static func load(_ arguments: ParsedArguments) throws -> Scenario {
        try load(path: arguments.positionals.first, embeddedName: arguments.value("scenario"), overrides: overrides(arguments))
    }

    /// `overrides` has no default on purpose: a command that offers `--set` must pass them (or call `load(_:)`).
    static func load(path: String?, embeddedName: String?, overrides: [ScenarioOverride]) throws -> Scenario {
        let document = try self.document(path: path, embeddedName: embeddedName)
        return try load(document, overrides: overrides)
    }

    /// The parsed but unchecked JSON of a scenario file (`-`: standard input) or embedded scenario.
    static func document(path: String?, embeddedName: String?) throws -> JSONValue {
        if path != nil && embeddedName != nil { throw UsageError(message: "give a scenario file or --scenario, not both") }
        return try mapping { () throws(ScenarioError) -> JSONValue in
            if path == "-" { return try ScenarioLoader.document(data: FileHandle.standardInput.readDataToEndOfFile()) }
            if let path { return try ScenarioLoader.document(contentsOf: URL(fileURLWithPath: path)) }
            return try ScenarioLoader.embeddedDocument(named: embeddedName ?? Scenario.defaultName)
        }
    }

    /// A file path, or the name of an embedded scenario when no such file exists and the
    /// reference has no '/' (as in `compare senou-base mali-own-supply`).
    static func document(reference: String) throws -> JSONValue {
        if !FileManager.default.fileExists(atPath: reference), !reference.contains("/"), Scenario.embeddedNames.contains(reference) {
            return try document(path: nil, embeddedName: reference)
        }
        return try document(path: reference, embeddedName: nil)
    }

    /// Checks a document with overrides applied, exactly as a file is checked.
    static func load(_ document: JSONValue, overrides: [ScenarioOverride]) throws -> Scenario {
        try mapping { () throws(ScenarioError) -> Scenario in try ScenarioLoader.load(json: document, overrides: overrides) }
    }

    private static func mapping<T>(_ body: () throws(ScenarioError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if case .unreadable = error { throw CommandError.failure(error.description) }
            throw CommandError.invalidData(error.problems.map(\.description))
        }
    }
}
