/// A path to one value inside a JSON document, written as the problems in ``ScenarioProblem``
/// name them: object keys separated by dots, array elements in brackets.
///
/// ```swift
/// let path = try JSONPath(parsing: "plant.stages[3].units")
/// let byID = try JSONPath(parsing: "plant.stages[id=miller].units") // the element whose id is "miller"
/// let changed = try document.setting(.number(2), at: path)
/// ```
///
/// Three kinds of component:
/// - `name`: an object member (letters, digits, `_`, `-`, `$`; no dots or brackets);
/// - `[N]`: the array element at index N (from 0);
/// - `[key=value]`: the first array element that is an object whose member `key` is the string
///   `value` (or the number it spells), such as `stages[id=miller]`: stable when elements are
///   added or reordered.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member, by name.
        case key(String)
        /// An array element, by index from 0.
        case index(Int)
        /// The first element of an array whose member `key` equals `value`.
        case match(key: String, value: String)
    }

    /// The steps from the document's root, in order.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(components: [Component]) { self.components = components }

    /// Parses `a.b[0].c` or `a.b[id=x].c`; throws a ``JSONPathError`` that says what is wrong.
    public init(parsing text: String) throws(JSONPathError) {
        func fail(_ message: String) -> JSONPathError { JSONPathError(path: text, message: message) }
        guard !text.isEmpty else { throw fail("is empty; write a path such as plant.stages[0].units") }
        var components: [Component] = []
        var characters = Substring(text)
        var expectKey = true
        while !characters.isEmpty {
            if characters.first == "[" {
                guard let close = characters.firstIndex(of: "]") else { throw fail("has a '[' without its ']'") }
                let inside = characters[characters.index(after: characters.startIndex)..<close]
                characters = characters[characters.index(after: close)...]
                if let equals = inside.firstIndex(of: "=") {
                    let key = String(inside[..<equals]), value = String(inside[inside.index(after: equals)...])
                    guard Self.isName(key), !value.isEmpty else { throw fail("has '[\(inside)]'; write [N] or [key=value], such as [id=miller]") }
                    components.append(.match(key: key, value: value))
                } else {
                    guard let index = Int(inside), index >= 0, inside.allSatisfy(\.isASCII) else {
                        throw fail("has '[\(inside)]'; an index is a whole number from 0, or write [key=value]")
                    }
                    components.append(.index(index))
                }
                expectKey = false
            } else if characters.first == "." {
                guard !components.isEmpty, !expectKey else { throw fail("has an empty name before a '.'") }
                characters = characters.dropFirst()
                expectKey = true
                guard !characters.isEmpty else { throw fail("ends with '.'") }
            } else {
                guard expectKey else { throw fail("needs a '.' before '\(characters.prefix { $0 != "." && $0 != "[" })'") }
                let name = characters.prefix { $0 != "." && $0 != "[" && $0 != "]" }
                guard Self.isName(name) else { throw fail("has '\(name)', which is not a field name (letters, digits, _, -, $)") }
                components.append(.key(String(name)))
                characters = characters.dropFirst(name.count)
                expectKey = false
            }
            if characters.first == "]" { throw fail("has a ']' without its '['") }
        }
        self.components = components
    }

    private static func isName(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "$" }
    }

    /// The path as written: `plant.stages[3].units`.
    public var description: String { Self.render(components[...]) }

    static func render(_ components: ArraySlice<Component>) -> String {
        var text = ""
        for component in components {
            switch component {
            case let .key(name): text += text.isEmpty ? name : ".\(name)"
            case let .index(index): text += "[\(index)]"
            case let .match(key, value): text += "[\(key)=\(value)]"
            }
        }
        return text
    }
}

/// A path that is malformed, or that does not lead anywhere in a document.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path, or the part of it that exists up to the component at fault.
    public var path: String
    /// What is wrong, such as "no member named 'stagse'".
    public var message: String

    /// Creates the error; the parameters are the properties of the same names.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension JSONValue {
    /// The value at `path`, or nil when there is none.
    public func value(at path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case let (.key(name), .object):
                guard let next = current[name] else { return nil }
                current = next
            case let (.index(index), .array(elements)):
                guard elements.indices.contains(index) else { return nil }
                current = elements[index]
            case let (.match(key, value), .array(elements)):
                guard let found = elements.firstIndex(where: { Self.matches($0, key: key, value: value) }) else { return nil }
                current = elements[found]
            default:
                return nil
            }
        }
        return current
    }

    /// A copy with the value at `path` replaced by `newValue`. Every component must exist,
    /// except a last object key, which is added (whether the document still makes sense is for a
    /// schema to say). Errors name the deepest part of the path that exists and what is there.
    public func setting(_ newValue: JSONValue, at path: JSONPath) throws(JSONPathError) -> JSONValue {
        try setting(newValue, at: path.components[...], prefix: [])
    }

    private func setting(_ newValue: JSONValue, at components: ArraySlice<JSONPath.Component>,
                         prefix: [JSONPath.Component]) throws(JSONPathError) -> JSONValue {
        guard let component = components.first else { return newValue }
        let rest = components.dropFirst()
        let here = prefix + [component]
        let herePath = JSONPath.render(here[...])
        let parentPath = prefix.isEmpty ? "(the document)" : JSONPath.render(prefix[...])
        switch (component, self) {
        case let (.key(name), .object(members)):
            var members = members
            if let position = members.firstIndex(where: { $0.key == name }) {
                members[position].value = try members[position].value.setting(newValue, at: rest, prefix: here)
            } else if rest.isEmpty {
                members.append((key: name, value: newValue))
            } else {
                let known = members.map(\.key).joined(separator: ", ")
                throw JSONPathError(path: herePath, message: "does not exist (fields here: \(known.isEmpty ? "none" : known))")
            }
            return .object(members)
        case let (.index(index), .array(elements)):
            guard elements.indices.contains(index) else {
                throw JSONPathError(path: herePath, message: "does not exist: \(parentPath) has \(elements.count) element\(elements.count == 1 ? "" : "s") (indices 0...\(elements.count - 1))")
            }
            var elements = elements
            elements[index] = try elements[index].setting(newValue, at: rest, prefix: here)
            return .array(elements)
        case let (.match(key, value), .array(elements)):
            guard let found = elements.firstIndex(where: { Self.matches($0, key: key, value: value) }) else {
                let available = elements.compactMap { element -> String? in
                    switch element[key] {
                    case let .string(text)?: return text
                    case let .number(number)?: return JSONValue.format(number)
                    default: return nil
                    }
                }
                throw JSONPathError(path: herePath, message: "matches no element of \(parentPath) (\(key) values: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
            }
            var elements = elements
            elements[found] = try elements[found].setting(newValue, at: rest, prefix: here)
            return .array(elements)
        case (.key, _):
            throw JSONPathError(path: herePath, message: "does not exist: \(parentPath) is \(typeDescription), not an object")
        case (.index, _), (.match, _):
            throw JSONPathError(path: herePath, message: "does not exist: \(parentPath) is \(typeDescription), not an array")
        }
    }

    static func matches(_ element: JSONValue, key: String, value: String) -> Bool {
        switch element[key] {
        case let .string(text)?: return text == value
        case let .number(number)?: return Double(value) == number
        default: return false
        }
    }

    /// A value typed on a command line: JSON when the text is JSON (`2`, `0.51`, `true`,
    /// `null`, `[1, 2]`, `{"a": 1}`, `"quoted"`), otherwise the text itself as a string, so
    /// `name=my-run` needs no quotes.
    public init(commandLineText text: String) {
        if let parsed = try? JSONParser.parse(Array(text.utf8)) {
            self = parsed
        } else {
            self = .string(text)
        }
    }
}
