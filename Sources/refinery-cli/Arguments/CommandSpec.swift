/// What a command accepts: its options, flags and positional arguments, with help text.
/// The parser, the help screen and the tests all read the same specification.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    var usage: String
    var options: [OptionSpec]
    var positionals: [PositionalSpec]
    var discussion: String = ""

    func option(named long: String) -> OptionSpec? { options.first { $0.long == long } }
}

/// One `--long` option: a flag when `valueName` is nil, otherwise it takes a value.
struct OptionSpec: Sendable {
    var long: String
    var short: Character?
    var valueName: String?
    var repeatable = false
    var help: String

    var isFlag: Bool { valueName == nil }

    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help)
    }

    static func value(_ long: String, short: Character? = nil, _ valueName: String, repeatable: Bool = false, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: valueName, repeatable: repeatable, help: help)
    }
}

/// A positional argument.
struct PositionalSpec: Sendable {
    var name: String
    var optional: Bool
    var help: String
}
