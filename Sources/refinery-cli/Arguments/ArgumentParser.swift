/// The arguments of one command after parsing: values by option, flags, positionals.
struct ParsedArguments: Sendable, Equatable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ long: String) -> String? { values[long]?.last }
    func all(_ long: String) -> [String] { values[long] ?? [] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A mistake in how the command was called (exit status 64).
struct UsageError: Error, Equatable, CustomStringConvertible {
    var message: String
    /// The usage line of the command concerned, shown under the message.
    var usage: String?

    var description: String { message }
}

/// A small, pure argument parser: `--name value`, `--name=value`, `-n value`, flags, `--` to
/// end options, and positionals, checked against a ``CommandSpec``. It has no side effects, so
/// every accepted and rejected shape is unit-tested.
enum ArgumentParser {
    static func parse(_ tokens: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if optionsEnded || token == "-" || !token.hasPrefix("-") {
                parsed.positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            var name: String
            var inlineValue: String?
            let option: OptionSpec
            if token.hasPrefix("--") {
                name = String(token.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                guard let found = spec.option(named: name) else {
                    throw UsageError(message: "unknown option '--\(name)'\(suggestion(for: name, in: spec))", usage: spec.usage)
                }
                option = found
            } else {
                guard token.count == 2, let found = spec.options.first(where: { $0.short == token.last }) else {
                    throw UsageError(message: "unknown option '\(token)'", usage: spec.usage)
                }
                option = found
                name = found.long
            }
            if option.isFlag {
                if inlineValue != nil {
                    throw UsageError(message: "option '--\(name)' takes no value", usage: spec.usage)
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < tokens.count else {
                    throw UsageError(message: "option '--\(name)' needs a value (\(option.valueName!))", usage: spec.usage)
                }
                value = tokens[index]
                index += 1
            }
            if !option.repeatable && parsed.values[name] != nil {
                throw UsageError(message: "option '--\(name)' given more than once", usage: spec.usage)
            }
            parsed.values[name, default: []].append(value)
        }
        for option in spec.options where option.required && parsed.values[option.long] == nil {
            let message = option.repeatable ? "give at least one --\(option.long) \(option.valueName ?? "")" : "option '--\(option.long)' is required"
            throw UsageError(message: message, usage: spec.usage)
        }
        let allowed = spec.positionals.count
        if parsed.positionals.count > allowed {
            let extra = parsed.positionals[allowed]
            throw UsageError(message: "unexpected argument '\(extra)'", usage: spec.usage)
        }
        let required = spec.positionals.filter { !$0.optional }.count
        if parsed.positionals.count < required {
            let missing = spec.positionals[parsed.positionals.count].name
            throw UsageError(message: "missing argument \(missing)", usage: spec.usage)
        }
        return parsed
    }

    /// " (did you mean '--x'?)" for the closest known option (or `--help`, which every command
    /// takes), when one is close.
    static func suggestion(for name: String, in spec: CommandSpec) -> String {
        closest(to: name, among: spec.options.map(\.long) + ["help"]).map { " (did you mean '--\($0)'?)" } ?? ""
    }

    /// The candidate nearest to `name` by edit distance, when it is near enough to be a slip
    /// of the keyboard: at most 2 edits, or a third of the name's length for a long name.
    /// The one rule for options, commands and scenario names.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance($0, name)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
