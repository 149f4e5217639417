/// One change to a scenario document, `PATH=VALUE`, as given to `refinery-cli --set`: applied
/// to the parsed JSON before any checking, so the result is checked exactly like a file.
///
/// ```swift
/// let override = try ScenarioOverride(parsing: "plant.stages[id=miller].units=2")
/// let scenario = try ScenarioLoader.load(json: document, overrides: [override])
/// ```
public struct ScenarioOverride: Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var value: JSONValue

    public init(path: JSONPath, value: JSONValue) {
        self.path = path
        self.value = value
    }

    /// Parses `PATH=VALUE`. The value is JSON when it parses as JSON (a number, `true`,
    /// `null`, an array or object literal, a quoted string), otherwise a plain string.
    /// Throws when there is no `=` or the path is malformed.
    public init(parsing assignment: String) throws(JSONPathError) {
        // `[key=value]` selectors contain '=': the assignment's '=' is the first one outside brackets.
        var depth = 0
        let equals = assignment.firstIndex { character in
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 }
            return character == "=" && depth == 0
        }
        guard let equals else {
            // An '=' inside an unclosed bracket: the path's own error says more.
            if let first = assignment.firstIndex(of: "=") { _ = try JSONPath(parsing: String(assignment[..<first])) }
            throw JSONPathError(path: assignment, message: "is not PATH=VALUE (no '='), e.g. plant.stages[0].units=2")
        }
        path = try JSONPath(parsing: String(assignment[..<equals]))
        value = JSONValue(commandLineText: String(assignment[assignment.index(after: equals)...]))
    }

    /// `path=value`, the value as compact JSON.
    public var description: String { "\(path)=\(value.serialized())" }
}

extension JSONValue {
    /// The document with every override applied in order; every override that cannot be applied
    /// is reported (as a problem at its path), not only the first.
    public func applying(_ overrides: [ScenarioOverride]) -> (value: JSONValue, problems: [ScenarioProblem]) {
        var document = self
        var problems: [ScenarioProblem] = []
        for override in overrides {
            do {
                document = try document.setting(override.value, at: override.path)
            } catch {
                problems.append(ScenarioProblem(path: error.path, value: nil, message: "\(error.message), so it cannot be set"))
            }
        }
        return (document, problems)
    }
}
