/// What a command accepts: its options, flags and positional arguments, with help text.
/// The parser, the help screen and the tests all read the same specification.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    var options: [OptionSpec]
    var positionals: [PositionalSpec]
    var discussion: String = ""

    func option(named long: String) -> OptionSpec? { options.first { $0.long == long } }

    /// The usage line, made from the specification so that it lists every option:
    /// `refinery-cli NAME POSITIONAL [OPTIONAL] --required VALUE [--option VALUE] [--set P=V]...`.
    var usage: String {
        var parts = ["refinery-cli", name]
        parts += positionals.map { $0.optional ? "[\($0.name)]" : $0.name }
        parts += options.filter(\.required).map(\.synopsis)
        parts += options.filter { !$0.required }.map { "[\($0.synopsis)]" + ($0.repeatable ? "..." : "") }
        return parts.joined(separator: " ")
    }
}

/// One `--long` option: a flag when `valueName` is nil, otherwise it takes a value.
struct OptionSpec: Sendable {
    var long: String
    var short: Character?
    var valueName: String?
    var repeatable = false
    var help: String
    /// Whether the command needs it (the parser refuses a command line without it).
    var required = false

    var isFlag: Bool { valueName == nil }

    /// `--long VALUE` or `--long`, as the usage line shows it (with `-s|` before a short name).
    var synopsis: String {
        (short.map { "-\($0)|" } ?? "") + "--\(long)" + (valueName.map { " \($0)" } ?? "")
    }

    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help)
    }

    static func value(_ long: String, short: Character? = nil, _ valueName: String, repeatable: Bool = false, required: Bool = false, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: valueName, repeatable: repeatable, help: help, required: required)
    }
}

/// A positional argument.
struct PositionalSpec: Sendable {
    var name: String
    var optional: Bool
    var help: String
}
