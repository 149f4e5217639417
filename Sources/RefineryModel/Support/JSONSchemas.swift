/// The JSON Schemas of data/schema/, embedded in the library: the scenario format it reads and
/// the report format `refinery-cli` writes. Other tools can validate against either.
///
/// ```swift
/// let problems = SchemaValidator(schema: JSONSchemas.report).problems(in: try JSONParser.parse(bytes))
/// ```
public enum JSONSchemas {
    /// `data/schema/scenario.schema.json`, as text.
    public static var scenarioText: String { EmbeddedData.scenarioSchema }
    /// `data/schema/report.schema.json`, as text.
    public static var reportText: String { EmbeddedData.reportSchema }
    /// `data/schema/stn.schema.json` (the State-Task Network file format), as text.
    public static var stnText: String { EmbeddedData.stnSchema }
    /// The State-Task Network schema, parsed.
    public static var stn: JSONValue { STNDocumentLoader.schema }

    /// The scenario schema, parsed.
    public static var scenario: JSONValue { ScenarioLoader.schema }

    /// The report schema, parsed once and kept for the life of the process (not a leak: see
    /// ``JSONValue`` on what valgrind reported and why it no longer does).
    public static let report: JSONValue = {
        // The embedded schema is checked by the tests; an empty schema here would be a build defect.
        do { return try JSONParser.parse(Array(EmbeddedData.reportSchema.utf8)) } catch { return .object([]) }
    }()
}
