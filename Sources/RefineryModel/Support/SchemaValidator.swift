/// Checks a ``JSONValue`` against the structural part of a JSON Schema (draft 2020-12):
/// `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`,
/// `minItems`, `maxItems` and local `$ref`s (`#/$defs/Name`). It reports every mismatch with
/// its JSON path.
///
/// Numeric ranges (`minimum`, `maximum`, …) and string patterns are deliberately not checked
/// here: the schema states them for other tools, and the model's own validators check them
/// with messages that say what the number means (see ``ScenarioValidator``).
public struct SchemaValidator: Sendable {
    /// The schema that values are checked against, as parsed JSON.
    public let schema: JSONValue

    /// Creates a validator for `schema` (a JSON Schema document as a ``JSONValue``).
    public init(schema: JSONValue) { self.schema = schema }

    /// Every structural problem of `value`, at most `limit`.
    public func problems(in value: JSONValue, limit: Int = 200) -> [ScenarioProblem] {
        var found: [ScenarioProblem] = []
        check(value, against: schema, path: "", into: &found, limit: limit)
        return found
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case let .string(reference)? = schema["$ref"], reference.hasPrefix("#/") else { return schema }
        var current = self.schema
        for component in reference.dropFirst(2).split(separator: "/") {
            guard let next = current[String(component)] else { return schema }
            current = next
        }
        return resolve(current)
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            return true
        case let ("integer", .number(number)):
            return number == number.rounded() && abs(number) < 9e15
        default:
            return false
        }
    }

    private static func describe(_ type: String) -> String {
        switch type {
        case "integer": return "a whole number"
        case "object", "array": return "an \(type)"
        case "null": return "null"
        default: return "a \(type)"
        }
    }

    private func check(_ value: JSONValue, against rawSchema: JSONValue, path: String, into found: inout [ScenarioProblem], limit: Int) {
        guard found.count < limit else { return }
        let schema = resolve(rawSchema)

        var types: [String] = []
        if case let .string(type)? = schema["type"] { types = [type] }
        if case let .array(list)? = schema["type"] { types = list.compactMap { if case let .string(t) = $0 { return t } else { return nil } } }
        if !types.isEmpty && !types.contains(where: { Self.matches(value, type: $0) }) {
            let expected = types.map(Self.describe).joined(separator: " or ")
            if case let .number(number) = value, types == ["integer"] {
                // A whole number too large to be an integer here is out of range: say which range.
                var message = "is not a whole number"
                if case let .number(minimum)? = schema["minimum"], case let .number(maximum)? = schema["maximum"] {
                    message += " in \(JSONValue.format(minimum))...\(JSONValue.format(maximum))"
                }
                found.append(ScenarioProblem(path: path, value: JSONValue.format(number), message: message))
            } else {
                found.append(ScenarioProblem(path: path, value: value.shortDescription, message: "is \(value.typeDescription); expected \(expected)"))
            }
            return
        }

        if case let .array(allowed)? = schema["enum"], !allowed.contains(value) {
            let list = allowed.map(\.shortDescription).joined(separator: ", ")
            found.append(ScenarioProblem(path: path, value: value.shortDescription, message: "is not one of \(list)"))
            return
        }
        if let constant = schema["const"], constant != value {
            found.append(ScenarioProblem(path: path, value: value.shortDescription, message: "must be \(constant.shortDescription)"))
            return
        }

        switch value {
        case let .object(members):
            let properties: [(key: String, value: JSONValue)]
            if case let .object(list)? = schema["properties"] { properties = list } else { properties = [] }
            if case let .array(required)? = schema["required"] {
                for case let .string(name) in required where !members.contains(where: { $0.key == name }) {
                    found.append(ScenarioProblem(path: Self.join(path, name), value: nil, message: "is required"))
                }
            }
            for member in members {
                let memberPath = Self.join(path, member.key)
                if let propertySchema = properties.first(where: { $0.key == member.key })?.value {
                    check(member.value, against: propertySchema, path: memberPath, into: &found, limit: limit)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        let known = properties.map(\.key).joined(separator: ", ")
                        found.append(ScenarioProblem(path: memberPath, value: nil, message: "is not a known field (allowed here: \(known))"))
                    } else if case .object = additional {
                        check(member.value, against: additional, path: memberPath, into: &found, limit: limit)
                    }
                }
                if found.count >= limit { return }
            }
        case let .array(elements):
            if case let .number(minimum)? = schema["minItems"], Double(elements.count) < minimum {
                found.append(ScenarioProblem(path: path, value: value.shortDescription, message: "must have at least \(JSONValue.format(minimum)) items"))
            }
            if case let .number(maximum)? = schema["maxItems"], Double(elements.count) > maximum {
                found.append(ScenarioProblem(path: path, value: value.shortDescription, message: "must have at most \(JSONValue.format(maximum)) items"))
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    check(element, against: items, path: "\(path)[\(index)]", into: &found, limit: limit)
                    if found.count >= limit { return }
                }
            }
        default:
            break
        }
    }
}
