/// The JSON Schemas (draft 2020-12) of data/schema/, embedded in the library: the scenario
/// format it reads and every JSON output `refinery-cli` writes (the run report, the valuation
/// report, schedules, comparisons and sweep lines). Other tools can validate against any of
/// them; `refinery-cli schema NAME` prints the same text.
///
/// Each schema's `$id` carries its version (`https://refinery-model.example/schema/value/2`),
/// the same number as the `schemaVersion` field of the output it describes.
///
/// ```swift
/// let problems = SchemaValidator(schema: JSONSchemas.report).problems(in: try JSONParser.parse(bytes))
/// ```
public enum JSONSchemas {
    /// The schemas by name, as `refinery-cli schema NAME` takes them.
    public enum Name: String, CaseIterable, Sendable {
        /// The scenario files the model reads (`data/schema/scenario.schema.json`).
        case scenario
        /// `refinery-cli run --format json` (``RunReport``; `run` is accepted as another name).
        case report
        /// `refinery-cli value --format json` (``ValuationReport``).
        case value
        /// `refinery-cli schedule --format json`, a detailed window or a campaign (``RefineryScheduleReport``).
        case schedule
        /// `refinery-cli compare --format json` (``Comparison/json()``).
        case compare
        /// One line of `refinery-cli sweep --format json` (``Sweep/jsonLines(_:metrics:)``).
        case sweep
        /// The plant-state files `refinery-cli schedule --state FILE` reads (``PlantState``).
        case plantState = "plant-state"

        /// The name for `text`: a schema's name, or `run` for ``report``; nil for anything else.
        public init?(lookingUp text: String) {
            if text == "run" { self = .report } else if let name = Name(rawValue: text) { self = name } else { return nil }
        }

        /// The schema's text, as in `data/schema/NAME.schema.json`.
        public var text: String {
            switch self {
            case .scenario: return EmbeddedData.scenarioSchema
            case .report: return EmbeddedData.reportSchema
            case .value: return EmbeddedData.valueSchema
            case .schedule: return EmbeddedData.scheduleSchema
            case .compare: return EmbeddedData.compareSchema
            case .sweep: return EmbeddedData.sweepSchema
            case .plantState: return EmbeddedData.plantStateSchema
            }
        }

        /// The schema, parsed (each is parsed once and kept for the life of the process).
        public var schema: JSONValue {
            switch self {
            case .scenario: return JSONSchemas.scenario
            case .report: return JSONSchemas.report
            case .value: return JSONSchemas.value
            case .schedule: return JSONSchemas.schedule
            case .compare: return JSONSchemas.compare
            case .sweep: return JSONSchemas.sweep
            case .plantState: return PlantStateLoader.schema
            }
        }
    }

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
    public static let report: JSONValue = parse(EmbeddedData.reportSchema)
    /// The valuation report's schema (`refinery-cli value --format json`), parsed once.
    public static let value: JSONValue = parse(EmbeddedData.valueSchema)
    /// The schedule report's schema (`refinery-cli schedule --format json`), parsed once.
    public static let schedule: JSONValue = parse(EmbeddedData.scheduleSchema)
    /// The comparison's schema (`refinery-cli compare --format json`), parsed once.
    public static let compare: JSONValue = parse(EmbeddedData.compareSchema)
    /// The schema of one sweep line (`refinery-cli sweep --format json`), parsed once.
    public static let sweep: JSONValue = parse(EmbeddedData.sweepSchema)

    private static func parse(_ text: String) -> JSONValue {
        // The embedded schemas are checked by the tests; an empty schema here would be a build defect.
        do { return try JSONParser.parse(Array(text.utf8)) } catch { return .object([]) }
    }
}
