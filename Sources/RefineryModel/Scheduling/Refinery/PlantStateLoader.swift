import Foundation

/// Reads plant-state files (``PlantState``) in the scenario loader's passes: strict JSON (line
/// and column of a syntax error, duplicate keys refused), the structure against
/// `plant-state.schema.json` (wrong types, missing and unknown fields), then the meaning
/// against a scenario (``PlantState/problems(for:windowHours:)``), every problem with its JSON
/// path in the file.
///
/// ```swift
/// let state = try PlantStateLoader.load(contentsOf: URL(fileURLWithPath: "data/states/mid-week.json"))
/// ```
public enum PlantStateLoader {
    /// The plant-state JSON Schema, as embedded in the library.
    public static let schema: JSONValue = {
        // The embedded schema is checked by the tests; an empty schema here would be a build defect.
        do { return try JSONParser.parse(Array(EmbeddedData.plantStateSchema.utf8)) } catch { return .object([]) }
    }()

    /// Loads a state file (a pipe or FIFO reads like a file) and checks its structure.
    public static func load(contentsOf url: URL) throws(ScenarioError) -> PlantState {
        try load(json: ScenarioLoader.document(contentsOf: url))
    }

    /// Loads a state from JSON bytes and checks its structure.
    public static func load(data: Data) throws(ScenarioError) -> PlantState {
        try load(json: ScenarioLoader.document(data: data))
    }

    /// Checks a parsed JSON document's structure and decodes it. The meaning is checked
    /// against a scenario when the schedule is built (``PlantState/problems(for:windowHours:)``).
    public static func load(json: JSONValue) throws(ScenarioError) -> PlantState {
        let structural = SchemaValidator(schema: schema).problems(in: json)
        if !structural.isEmpty { throw .invalid(structural) }
        do {
            return try JSONDecoder().decode(PlantState.self, from: Data(json.serialized().utf8))
        } catch {
            // The schema and the types are kept in step by tests, so this is a bug if it happens.
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "could not be decoded: \(error)")])
        }
    }
}
