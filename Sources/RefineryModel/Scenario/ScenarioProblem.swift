/// One thing wrong with a scenario: where (a JSON path such as `intake.lots[12].assay.gold`),
/// the offending value, and what is allowed.
public struct ScenarioProblem: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the field, or "" for the whole document (shown as `(root)` when the
    /// document itself has a wrong value, e.g. `(root): an array of 1 is an array; expected an object`).
    public var path: String
    /// The value found, as written in JSON (strings quoted), or nil when the field is missing.
    public var value: String?
    /// What is wrong or what is allowed.
    public var message: String

    /// Creates a problem; the parameters are the properties of the same names.
    public init(path: String, value: String?, message: String) {
        self.path = path
        self.value = value
        self.message = message
    }

    /// `path: value message` (just the message for the whole document), e.g. `intake.lots[12].assay.gold: 1.4 is not a fraction in (0, 1]`.
    public var description: String {
        if path.isEmpty { return value.map { "(root): \($0) \(message)" } ?? message }
        if let value { return "\(path): \(value) \(message)" }
        return "\(path): \(message)"
    }
}

/// Why a scenario could not be loaded: it is not JSON, or it has problems (all listed).
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file or stream holds more than `maximumBytes` (``ScenarioLoader/maximumBytes``);
    /// reading stopped there.
    case tooLarge(path: String, maximumBytes: Int)
    /// The text is not valid JSON.
    case syntax(JSONSyntaxError)
    /// The JSON does not describe a valid scenario; every problem found is listed.
    case invalid([ScenarioProblem])

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .tooLarge(path, maximumBytes):
            return "cannot read \(path): it holds more than \(maximumBytes) bytes (\(maximumBytes >> 20) MiB), the most a scenario may have"
        case let .syntax(error): return "not valid JSON: \(error)"
        case let .invalid(problems):
            return "invalid scenario (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// The problems, one per line, as the CLI prints them.
    public var problems: [ScenarioProblem] {
        switch self {
        case .unreadable, .tooLarge: return [ScenarioProblem(path: "", value: nil, message: description)]
        case .syntax(let error): return [ScenarioProblem(path: "", value: nil, message: "not valid JSON: \(error)")]
        case .invalid(let problems): return problems
        }
    }
}
