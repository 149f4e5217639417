import RefineryModel

/// Options every command that runs the model accepts. The schedule and valuation parts of a run
/// consume them; the throughput model is deterministic and needs none of them.
struct RunOptions: Sendable, Equatable {
    /// Seconds the solver may spend on each model; nil: no limit. The default is nil.
    var timeLimit: Double?
    /// Seed of every random choice (e.g. generated lots, heuristics). The default is 1.
    var seed: UInt64 = 1
    /// Whether the solver's log goes to stderr. The default is false.
    var verbose = false
    /// Whether the run includes the campaign schedule (the one GLPK model of a run). The
    /// default is true; `--no-schedule` turns it off for quick sweeps.
    var schedule = true
    /// Whether reports include wall-clock times, which make the JSON differ from run to run.
    /// The default is false.
    var timings = false

    static let options: [OptionSpec] = [
        .value("time-limit", "SECONDS", help: "Stop the solver after SECONDS (0.1...86400); the report says when it stopped early."),
        .value("seed", "N", help: "Seed for every random choice, so runs repeat exactly (default 1)."),
        .flag("verbose", help: "Write the solver's log to stderr."),
        .flag("no-schedule", help: "Skip the campaign schedule (a GLPK model of the peak year; about 0.3–1 s per run)."),
        .flag("timings", help: "Include solver times in the report (they vary, so the JSON is no longer byte-identical)."),
    ]

    init() {}

    init(_ arguments: ParsedArguments) throws(UsageError) {
        timeLimit = try arguments.double("time-limit", range: 0.1...86_400)
        if let seed = try arguments.integer("seed", range: 0...Int.max) { self.seed = UInt64(seed) }
        verbose = arguments.has("verbose")
        schedule = !arguments.has("no-schedule")
        timings = arguments.has("timings")
    }
}

/// The formats a command can print.
enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, csv

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
        let text = format == "json" || format == "csv" ? text : TerminalText.escapingControlCharacters(text, keepingNewlines: true)
        if let path = try path(arguments) {
            try OutputFile.write(text, to: path)
            console.error("Wrote \(path)\n")
        } else {
            try console.write(text)
        }
    }
}
