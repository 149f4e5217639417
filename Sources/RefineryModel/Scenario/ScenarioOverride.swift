import Foundation

/// One change to a scenario document, `PATH=VALUE`, as given to `refinery-cli --set`: applied
/// to the parsed JSON before any checking, so the result is checked exactly like a file.
///
/// ```swift
/// let override = try ScenarioOverride(parsing: "plant.stages[id=miller].units=2")
/// let scenario = try ScenarioLoader.load(json: document, overrides: [override])
/// ```
public struct ScenarioOverride: Sendable, Equatable, CustomStringConvertible {
    /// Where in the scenario document the value goes.
    public var path: JSONPath
    /// The JSON value put there.
    public var value: JSONValue

    /// Creates an override from a parsed path and value.
    public init(path: JSONPath, value: JSONValue) {
        self.path = path
        self.value = value
    }

    /// Parses `PATH=VALUE`. The value is JSON when it parses as JSON (a number, `true`,
    /// `null`, an array or object literal, a quoted string), otherwise a plain string.
    /// Throws when there is no `=`, the path is malformed, or the value was meant as JSON and
    /// is not: a number that is not a finite JSON number (`1e400`, `NaN`, `Infinity`, `0x10`,
    /// `+1`, `.5`), or a broken array, object or quoted string. Text that should be a string
    /// although it looks like a number is quoted: `name='"1e400"'`.
    public init(parsing assignment: String) throws(JSONPathError) {
        // `[key=value]` selectors contain '=': the assignment's '=' is the first one outside brackets.
        var depth = 0
        let equals = assignment.firstIndex { character in
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 }
            return character == "=" && depth == 0
        }
        guard let equals else {
            // An '=' inside a bracket that is never closed: the path's own error says more.
            if depth > 0, let first = assignment.firstIndex(of: "=") { _ = try JSONPath(parsing: String(assignment[..<first])) }
            throw JSONPathError(path: assignment, message: "is not PATH=VALUE (no '='), e.g. plant.stages[0].units=2")
        }
        path = try JSONPath(parsing: String(assignment[..<equals]))
        let text = String(assignment[assignment.index(after: equals)...])
        value = try Self.value(commandLineText: text, assignment: assignment)
    }

    /// A value typed on a command line, strictly: JSON when it parses as JSON, the text as a
    /// string when it is clearly not meant as JSON (`my-run`, `2030-06-02`), and an error when it
    /// was meant as JSON and is not (`1e400`, `NaN`, `0x10`, `[1,`). The error's message follows
    /// the value, e.g. "has the value NaN, which is not a finite JSON number …"; its path is
    /// `assignment` (the whole `PATH=VALUE`, say), or the text itself.
    public static func value(commandLineText text: String, assignment: String? = nil) throws(JSONPathError) -> JSONValue {
        let syntaxError: JSONSyntaxError
        do { return try JSONParser.parse(Array(text.utf8)) } catch { syntaxError = error }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if Double(trimmed) != nil || ["nan", "+nan", "-nan"].contains(trimmed.lowercased()) {
            // Swift reads nan, inf, infinity, 0x10, +1, .5 and 1e400 (as infinity); JSON does not.
            throw JSONPathError(path: assignment ?? text, message: "has the value \(trimmed), which is not a finite JSON number (write it like 0.5 or 2e6; quote text that looks like a number: '\"\(trimmed)\"')")
        }
        if let first = trimmed.first, "[{\"".contains(first) {
            throw JSONPathError(path: assignment ?? text, message: "has a value that is not valid JSON: \(syntaxError)")
        }
        return .string(text)
    }

    /// `path=value`, the value as compact JSON.
    public var description: String { "\(path)=\(value.serialized())" }
}

extension JSONValue {
    /// The document with every override applied in order; every override that cannot be applied
    /// is reported (as a problem at its path), not only the first.
    ///
    /// When exactly one override sets one holder's share (`ownership.holders[0].share=0.51`, or
    /// `ownership.holders[id=mali-state].share`), the other holders' shares are rebalanced pro
    /// rata to their shares before it, so the shares still add up to 1 (0.62/0.38 becomes
    /// 0.51/0.49). The value must be a number in [0, 1]; when the other holders' shares are all 0
    /// and the value is not 1, that is a problem at the override's path. Several share overrides
    /// are applied as given, and the shares must then add up to 1 as in a file.
    ///
    /// With a `schema` (the scenario schema, ``ScenarioLoader/schema``), setting a field of an
    /// optional object that the document lacks creates the object first, empty, so that its
    /// defaults apply to every field not set (`economics.fiscal.payrollTaxes=0.2` on a scenario
    /// without `economics.fiscal`). Only objects the schema declares at that place are created:
    /// a misspelt key is still reported as missing; the fields the created object requires, if
    /// any, are then reported by the schema check.
    public func applying(_ overrides: [ScenarioOverride], schema: JSONValue? = nil) -> (value: JSONValue, problems: [ScenarioProblem]) {
        var document = self
        var problems: [ScenarioProblem] = []
        let rebalance = overrides.filter { Self.isHolderShare($0.path) }.count == 1
        for override in overrides {
            do {
                if let schema { document = try document.creatingOptionalObjects(along: override.path, schema: schema) }
                if rebalance, Self.isHolderShare(override.path) {
                    document = try document.settingShare(override.value, at: override.path)
                } else {
                    document = try document.setting(override.value, at: override.path)
                }
            } catch {
                problems.append(ScenarioProblem(path: error.path, value: nil, message: "\(error.message), so it cannot be set"))
            }
        }
        return (document, problems)
    }

    /// Whether `path` is `ownership.holders[…].share`.
    private static func isHolderShare(_ path: JSONPath) -> Bool {
        let components = path.components
        guard components.count == 4, components[0] == .key("ownership"), components[1] == .key("holders"),
              components[3] == .key("share") else { return false }
        if case .key = components[2] { return false }
        return true
    }

    /// The index in `document`'s holders that a share path names, if it names one.
    private static func holderIndex(of path: JSONPath, in document: JSONValue) -> Int? {
        guard isHolderShare(path), case let .array(holders)? = document.value(at: JSONPath(components: [.key("ownership"), .key("holders")])) else { return nil }
        switch path.components[2] {
        case let .index(index): return holders.indices.contains(index) ? index : nil
        case let .match(key, value): return holders.firstIndex { matches($0, key: key, value: value) }
        case .key: return nil
        }
    }

    /// A copy with one holder's share set and the others' rebalanced pro rata, so that the
    /// shares add up to 1. A value that is not a number in [0, 1], or holders whose shares are not
    /// all numbers, are set as given and left for the scenario's checks to report.
    private func settingShare(_ newValue: JSONValue, at path: JSONPath) throws(JSONPathError) -> JSONValue {
        let holdersPath = JSONPath(components: [.key("ownership"), .key("holders")])
        guard case let .number(share) = newValue, (0...1).contains(share),
              let target = Self.holderIndex(of: path, in: self),
              case let .array(holders)? = value(at: holdersPath) else { return try setting(newValue, at: path) }
        var others: [(index: Int, share: Double)] = []
        for (index, holder) in holders.enumerated() where index != target {
            guard case let .number(value)? = holder["share"] else { return try setting(newValue, at: path) }
            others.append((index, value))
        }
        let othersTotal = others.reduce(0) { $0 + $1.share }
        var document = try setting(newValue, at: path)
        if othersTotal > 0 {
            let factor = (1 - share) / othersTotal
            for other in others {
                document = try document.setting(.number(other.share * factor), at: JSONPath(components: holdersPath.components + [.index(other.index), .key("share")]))
            }
        } else if share != 1 {
            throw JSONPathError(path: path.description, message: "is \(JSONValue.format(share)), but the other holders' shares are all 0, so they cannot be rebalanced to add up to 1 (set 1, or set every holder's share)")
        }
        return document
    }
}

extension JSONValue {
    /// A copy with every object on `path` (but the last component) that is missing and that
    /// `schema` declares as an object at that place added, empty. Stops at the first component
    /// that is neither (the setting that follows reports it).
    func creatingOptionalObjects(along path: JSONPath, schema: JSONValue) throws(JSONPathError) -> JSONValue {
        var document = self
        var node: JSONValue? = self
        var schemaNode: JSONValue? = schema
        var prefix: [JSONPath.Component] = []
        for component in path.components.dropLast() {
            prefix.append(component)
            switch component {
            case let .key(name):
                // A key the schema lists, or any key of an object whose values share one schema
                // (`economics.terms.bySource.<source id>`).
                let property = Self.resolve(schemaNode?["properties"]?[name] ?? schemaNode?["additionalProperties"], in: schema)
                if case .object? = node, node?[name] == nil {
                    guard case .string("object")? = property?["type"] else { return document }
                    document = try document.setting(.object([]), at: JSONPath(components: prefix))
                    node = .object([])
                } else {
                    node = node?[name]
                }
                schemaNode = property
            case .index, .match:
                node = node?.value(at: JSONPath(components: [component]))
                schemaNode = Self.resolve(schemaNode?["items"], in: schema)
            }
        }
        return document
    }

    /// `node` with a `$ref` to `#/$defs/NAME` of `root` followed (nil stays nil).
    private static func resolve(_ node: JSONValue?, in root: JSONValue) -> JSONValue? {
        guard case let .string(reference)? = node?["$ref"], reference.hasPrefix("#/$defs/") else { return node }
        return root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
    }

    /// A copy whose `economics.uncertainties` ranges are widened to include their input's base
    /// value wherever that base differs from the one in `original` (the document before the
    /// command line's overrides) and falls outside the range; each widened range records the
    /// range as written in a `widened` object (``RangeWidening``). A range that excludes the base
    /// the file itself gives is left alone, for the scenario's checks to reject.
    public func wideningUncertaintyRanges(toInclude original: JSONValue) -> JSONValue {
        let listPath = JSONPath(components: [.key("economics"), .key("uncertainties")])
        guard case let .array(items)? = value(at: listPath) else { return self }
        var document = self
        for (index, item) in items.enumerated() {
            guard case let .string(name)? = item["input"], let input = UncertainInput(rawValue: name), let basePath = input.basePath,
                  case let .number(low)? = item["low"], case let .number(high)? = item["high"] else { continue }
            let path = JSONPath(components: basePath.split(separator: ".").map { .key(String($0)) })
            guard case let .number(base)? = value(at: path), original.value(at: path) != .number(base),
                  base < low - 1e-12 || base > high + 1e-12 else { continue }
            let widening = RangeWidening(low: low, high: high, base: base, basePath: basePath)
            let here = listPath.components + [.index(index)]
            let record: JSONValue = .object([("low", .number(low)), ("high", .number(high)), ("base", .number(base)), ("basePath", .string(basePath))])
            do {
                document = try document.setting(.number(widening.widenedLow), at: JSONPath(components: here + [.key("low")]))
                document = try document.setting(.number(widening.widenedHigh), at: JSONPath(components: here + [.key("high")]))
                document = try document.setting(record, at: JSONPath(components: here + [.key("widened")]))
            } catch {
                continue
            }
        }
        return document
    }
}
