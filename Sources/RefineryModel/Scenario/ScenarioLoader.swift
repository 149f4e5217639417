import Foundation

/// Reads scenarios from JSON, reporting every problem with its JSON path.
///
/// Loading happens in three passes, so that the problems reported are the real ones:
/// 1. the text is parsed as strict JSON (line and column of any syntax error; duplicate keys
///    and absurd nesting are refused);
/// 2. its structure is checked against `scenario.schema.json`: wrong types, missing fields and
///    unknown fields (rejected, not ignored) are all listed;
/// 3. the decoded scenario is checked by ``ScenarioValidator``: ranges, references, shares,
///    dates, all listed.
/// A document with structural problems is not decoded, so pass 3 runs once they are fixed.
///
/// ```swift
/// do {
///     let scenario = try ScenarioLoader.load(contentsOf: url)
/// } catch {
///     for problem in error.problems { print(problem) } // intake.lots[3].assay.gold: 1.4 is not a fraction in (0, 1]
/// }
/// ```
public enum ScenarioLoader {
    /// Files larger than this are refused before parsing (512 MiB).
    public static let maximumBytes = 512 * 1024 * 1024

    /// The scenario JSON Schema, as embedded in the library.
    public static let schema: JSONValue = {
        do { return try JSONParser.parse(Array(EmbeddedData.scenarioSchema.utf8)) } catch { return .object([]) }
    }()

    /// Loads a scenario from a file.
    public static func load(contentsOf url: URL) throws(ScenarioError) -> Scenario {
        try load(data: read(url))
    }

    /// Loads a scenario from JSON bytes.
    public static func load(data: Data) throws(ScenarioError) -> Scenario {
        guard data.count <= maximumBytes else {
            throw .unreadable(path: "(data)", reason: "\(data.count) bytes; at most \(maximumBytes) are read")
        }
        let value: JSONValue
        do { value = try JSONParser.parse(Array(data)) } catch { throw .syntax(error) }
        return try load(json: value, text: data)
    }

    /// Loads a scenario from a parsed JSON document (after command-line overrides, say).
    public static func load(json: JSONValue) throws(ScenarioError) -> Scenario {
        try load(json: json, text: nil)
    }

    /// `text`, when given, is the JSON that `json` was parsed from: decoding it saves
    /// serializing the document again.
    private static func load(json: JSONValue, text: Data?) throws(ScenarioError) -> Scenario {
        let structural = SchemaValidator(schema: schema).problems(in: json)
        if !structural.isEmpty { throw .invalid(structural) }
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: text ?? Data(json.serialized().utf8))
        } catch {
            // The schema and the types are kept in step by tests, so this is a bug if it happens.
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "could not be decoded: \(error)")])
        }
        let semantic = ScenarioValidator.problems(in: scenario)
        if !semantic.isEmpty { throw .invalid(semantic) }
        return scenario
    }

    /// Loads a scenario from a parsed JSON document after applying `overrides` (as from
    /// `refinery-cli --set`), so that the result is checked exactly like a file. An override
    /// whose path does not exist is reported as a problem at that path.
    public static func load(json: JSONValue, overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
        if overrides.isEmpty { return try load(json: json, text: nil) }
        let (document, problems) = json.applying(overrides)
        if !problems.isEmpty { throw .invalid(problems) }
        return try load(json: document, text: nil)
    }

    /// A scenario file's bytes, refusing files above ``maximumBytes``.
    private static func read(_ url: URL) throws(ScenarioError) -> Data {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumBytes {
                throw ScenarioError.unreadable(path: url.path, reason: "the file is \(size) bytes; at most \(maximumBytes) are read")
            }
            data = try Data(contentsOf: url)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return data
    }

    /// The parsed JSON of a scenario file, unchecked (for applying overrides before loading).
    public static func document(contentsOf url: URL) throws(ScenarioError) -> JSONValue {
        let data = try read(url)
        do { return try JSONParser.parse(Array(data)) } catch { throw .syntax(error) }
    }

    /// The parsed JSON of scenario bytes (read from a pipe, say), unchecked.
    public static func document(data: Data) throws(ScenarioError) -> JSONValue {
        guard data.count <= maximumBytes else {
            throw .unreadable(path: "(data)", reason: "\(data.count) bytes; at most \(maximumBytes) are read")
        }
        do { return try JSONParser.parse(Array(data)) } catch { throw .syntax(error) }
    }

    /// The parsed JSON of an embedded scenario, unchecked.
    public static func embeddedDocument(named name: String) throws(ScenarioError) -> JSONValue {
        guard let text = EmbeddedData.scenarios[name] else {
            throw .invalid([ScenarioProblem(path: "", value: "\"\(name)\"", message: "is not an embedded scenario; available: \(Scenario.embeddedNames.joined(separator: ", "))")])
        }
        do { return try JSONParser.parse(Array(text.utf8)) } catch { throw .syntax(error) }
    }

    /// The embedded scenario with this name (see ``Scenario/embeddedNames``).
    public static func embedded(named name: String) throws(ScenarioError) -> Scenario {
        guard let text = EmbeddedData.scenarios[name] else {
            throw .invalid([ScenarioProblem(path: "", value: "\"\(name)\"", message: "is not an embedded scenario; available: \(Scenario.embeddedNames.joined(separator: ", "))")])
        }
        return try load(data: Data(text.utf8))
    }
}

extension Scenario {
    /// The names of the scenarios embedded in the library, the default first.
    public static var embeddedNames: [String] {
        [defaultName] + EmbeddedData.scenarios.keys.filter { $0 != defaultName }.sorted()
    }

    /// The name of the default scenario: the Sénou base case.
    public static let defaultName = "senou-base"

    /// The Sénou base case (data/scenarios/senou-base.json), embedded in the library.
    public static var senouBase: Scenario {
        // The embedded files are validated by the tests; failing here would be a build defect.
        do { return try ScenarioLoader.embedded(named: defaultName) } catch { preconditionFailure("embedded scenario invalid: \(error)") }
    }
}
