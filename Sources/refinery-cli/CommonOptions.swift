import RefineryModel

/// The options of every command that runs the model (the library's ``RunOptions``), as
/// command-line options.
extension RunOptions {
    /// The solver options the README calls shared: every command that loads a scenario accepts
    /// them, with this one definition (``SharedOptions``). A command without a solver (validate)
    /// or without randomness accepts them too, so that one command line works for every command.
    static let shared: [OptionSpec] = [
        .value("time-limit", "SECONDS", help: "Stop the solver after SECONDS (default 10 for a run's campaign; schedule: 30 detailed, 10 campaign); the report says when it stopped early."),
        .value("seed", "N", help: "Seed for every random choice (the Monte Carlo's too), so runs repeat exactly (default 1)."),
        .flag("verbose", short: "v", help: "Write the solver's log to stderr."),
        .flag("timings", help: "Include solver times in the report (they vary, so the JSON is no longer byte-identical)."),
    ]

    /// The options of the commands that run the whole model: the shared ones and `--no-schedule`.
    static let options: [OptionSpec] = shared + [
        .flag("no-schedule", help: "Skip the campaign schedule (a GLPK model of the peak year; about 0.3–1 s per run)."),
    ]

    init(_ arguments: ParsedArguments) throws(UsageError) {
        self.init()
        timeLimit = try arguments.double("time-limit", range: 0.1...86_400)
        if let seed = try arguments.integer("seed", range: 0...Int.max) { self.seed = UInt64(seed) }
        verbose = arguments.has("verbose")
        schedule = !arguments.has("no-schedule")
        timings = arguments.has("timings")
    }
}

/// The formats a command can print.
enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, csv, html

    /// `--format`, limited to `allowed` (the first is the default).
    static func parse(_ arguments: ParsedArguments, allowed: [OutputFormat]) throws(UsageError) -> OutputFormat {
        guard let text = arguments.value("format") else { return allowed[0] }
        guard let format = OutputFormat(rawValue: text), allowed.contains(format) else {
            throw UsageError(message: "option '--format': '\(text)' is not one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    static func option(_ allowed: [OutputFormat], help: String) -> OptionSpec {
        .value("format", "FORMAT", help: "\(allowed.map(\.rawValue).joined(separator: "|")): \(help)")
    }
}

/// Where a command's output goes: standard output, or `--output FILE` written by the rules
/// of ``OutputFile`` (`-o -` is standard output). Text output (not JSON or CSV) has its
/// control characters escaped, so a scenario's text cannot drive the terminal.
enum Output {
    static let option = OptionSpec.value("output", short: "o", "FILE", help: "Write to FILE instead of stdout ('-': stdout), replacing a file atomically; see OUTPUT FILE below.")

    /// The identity of the running command's `--output` file, when it exists: a scenario input
    /// with this identity is refused before any work (see ``ScenarioInput``).
    @TaskLocal static var target: FileIdentity?

    /// The `--output` path of `arguments`, nil for standard output; an empty one is a usage error.
    static func path(_ arguments: ParsedArguments) throws(UsageError) -> String? {
        guard let path = arguments.value("output") else { return nil }
        if path.isEmpty { throw UsageError(message: "option '--output': give a file name, or '-' for standard output") }
        return path == "-" ? nil : path
    }

    static func emit(_ text: String, _ arguments: ParsedArguments, console: Console) throws {
        let format = arguments.value("format")
        let text = format == "json" || format == "csv" || format == "html" ? text : TerminalText.escapingControlCharacters(text, keepingNewlines: true)
        if let path = try path(arguments) {
            try OutputFile.write(text, to: path)
            console.error("Wrote \(path)\n")
        } else {
            try console.write(text)
        }
    }
}
