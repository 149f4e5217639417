import Foundation
import RefineryModel

/// Reads the scenario a command works on: a file, an embedded scenario by name, or the default,
/// with any `--set PATH=VALUE` overrides applied before it is checked.
enum ScenarioInput {
    static let setOption = OptionSpec.value(
        "set", "PATH=VALUE", repeatable: true,
        help: "Override a scenario field before it is checked, e.g. --set 'plant.stages[id=miller].units=2' (repeatable). VALUE is JSON when it parses as JSON, else a string; a number must be a finite JSON number (not 1e400, NaN, 0x10).")

    /// The help of a command's scenario argument (the rule of ``document(reference:)``).
    static let positionalHelp = "A scenario file (- reads standard input) or an embedded scenario's name (a file of that name wins); without one, --scenario or the default (senou-base)."

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

    /// The scenario of a command: its first positional (a file, or an embedded scenario's
    /// name: see ``document(reference:)``), else `--scenario`, else the default; with `--set`.
    static func load(_ arguments: ParsedArguments) throws -> Scenario {
        try load(document(arguments), overrides: overrides(arguments))
    }

    /// The parsed but unchecked JSON of a command's scenario: its first positional, else
    /// `--scenario`, else the default (giving both a positional and `--scenario` is a usage error).
    static func document(_ arguments: ParsedArguments) throws -> JSONValue {
        let name = try embeddedName(arguments)
        if let reference = arguments.positionals.first {
            if name != nil { throw UsageError(message: "give a scenario file or --scenario, not both") }
            return try document(reference: reference)
        }
        return try document(path: nil, embeddedName: name)
    }

    /// The `--scenario` of `arguments`, nil when it is not given; a name that is not an embedded
    /// scenario is a usage error (exit 64) that suggests the nearest name.
    static func embeddedName(_ arguments: ParsedArguments) throws(UsageError) -> String? {
        guard let name = arguments.value("scenario") else { return nil }
        guard Scenario.embeddedNames.contains(name) else {
            let nearest = ArgumentParser.closest(to: name, among: Scenario.embeddedNames).map { " (did you mean '\($0)'?)" } ?? ""
            throw UsageError(message: "option '--scenario': '\(name)' is not an embedded scenario\(nearest); available: \(Scenario.embeddedNames.joined(separator: ", "))")
        }
        return name
    }

    /// `overrides` has no default on purpose: a command that offers `--set` must pass them (or call `load(_:)`).
    static func load(path: String?, embeddedName: String?, overrides: [ScenarioOverride]) throws -> Scenario {
        let document = try self.document(path: path, embeddedName: embeddedName)
        return try load(document, overrides: overrides)
    }

    /// The parsed but unchecked JSON of a scenario file (`-`: standard input) or embedded scenario.
    static func document(path: String?, embeddedName: String?) throws -> JSONValue {
        if path != nil && embeddedName != nil { throw UsageError(message: "give a scenario file or --scenario, not both") }
        if let path {
            let data = try read(path)
            return try mapping { () throws(ScenarioError) -> JSONValue in try ScenarioLoader.document(data: data) }
        }
        return try mapping { () throws(ScenarioError) -> JSONValue in
            try ScenarioLoader.embeddedDocument(named: embeddedName ?? Scenario.defaultName)
        }
    }

    /// The bytes of a scenario file, a pipe or FIFO (`<(jq … x.json)`), or standard input
    /// (`-`), read in chunks and stopped as soon as they pass ``ScenarioLoader/maximumBytes``.
    /// Each failure has its own message and exit status: 66 when the input cannot be opened
    /// (missing, a directory, permission denied, standard input closed), 65 when it is too
    /// large, 74 when reading fails under way, 64 when it is the `--output` file.
    static func read(_ path: String) throws -> Data {
        let name = path == "-" ? "standard input" : path
        let descriptor: Int32
        if path == "-" {
            if StandardStreams.wasClosed(0) { throw FileError.noInput("cannot read standard input: it is closed") }
            descriptor = 0
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else {
                let reason = errno == ENXIO ? "it is a socket, not a file" : FileError.reason(errno)
                throw FileError.noInput("cannot read \(path): \(reason)")
            }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw FileError.noInput("cannot read \(name): \(errno == EBADF ? "it is closed" : FileError.reason(errno))")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw FileError.noInput("cannot read \(name): it is a directory, not a scenario file")
        }
        if let output = Output.target, output == FileIdentity(status) {
            throw UsageError(message: "--output names the scenario being read (\(name)); write the output to another file (the scenario is left as it is)")
        }
        do {
            return try ScenarioLoader.data(readingFrom: descriptor, name: name)
        } catch {
            if case .tooLarge = error { throw FileError(status: .invalidData, message: error.description) }
            throw FileError.ioError(error.description)
        }
    }

    /// The document a scenario argument names. The rule, the same for every command: a file
    /// of that name wins when one exists (`./senou-base` reads the file); otherwise a name with
    /// no '/' that is an embedded scenario's is that scenario (`run senou-base`). Anything else is
    /// read as a file, and a missing one near an embedded name suggests it (exit 66).
    static func document(reference: String) throws -> JSONValue {
        let isName = reference != "-" && !reference.contains("/")
        if isName, !FileManager.default.fileExists(atPath: reference) {
            if Scenario.embeddedNames.contains(reference) { return try document(path: nil, embeddedName: reference) }
            if let nearest = ArgumentParser.closest(to: reference, among: Scenario.embeddedNames) {
                throw FileError.noInput("cannot read \(reference): no such file or directory (did you mean the embedded scenario '\(nearest)'?)")
            }
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
            switch error {
            case .unreadable: throw FileError.noInput(error.description)
            case .tooLarge: throw FileError(status: .invalidData, message: error.description)
            default: break
            }
            throw CommandError.invalidData(error.problems.map(\.description))
        }
    }
}
