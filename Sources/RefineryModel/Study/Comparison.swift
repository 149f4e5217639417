/// Two runs' key results side by side, with deltas: what `refinery-cli compare A B` reports.
/// Its JSON (``json()``) is the CLI's `--format json` output, byte for byte.
///
/// ```swift
/// let base = try ScenarioLoader.embedded(named: "senou-base")
/// let stress = try ScenarioLoader.embedded(named: "stress-300t")
/// let comparison = try Comparison.perform(base, labeled: "senou-base", stress, labeled: "stress-300t")
/// ```
public struct Comparison: Sendable, Equatable {
    /// The version of the comparison's JSON (`schemaVersion`).
    public static let schemaVersion = 1

    /// One side of the comparison: how it was asked for and what it ran.
    public struct Side: Sendable, Equatable, Codable {
        /// How the side was asked for (e.g. `senou-base plant.calendar.shiftsPerDay=3`).
        public var label: String
        /// The name of the scenario it ran.
        public var scenario: String
        /// Why the side's campaign falls short, if it does (the CLI's exit status says so).
        public var campaignProblem: ScenarioRun.CampaignProblem?

        /// A side from its label and run.
        public init(label: String, run: ScenarioRun) {
            self.label = label
            scenario = run.scenario.name
            campaignProblem = run.campaignProblem
        }
    }

    /// One key result of both sides.
    public struct Row: Sendable, Equatable, Codable {
        /// The metric of side A.
        public var a: KeyMetric
        /// The same metric of side B.
        public var b: KeyMetric

        /// A row of two metrics with the same id.
        public init(a: KeyMetric, b: KeyMetric) {
            self.a = a
            self.b = b
        }

        /// B − A, when both are numbers.
        public var delta: Double? { a.number.flatMap { x in b.number.map { $0 - x } } }
        /// (B − A) / |A|; not given for years and percentages (their delta says it all).
        public var relative: Double? {
            guard let delta, let base = a.number, base != 0, a.unit != "year", a.unit != "%" else { return nil }
            return delta / abs(base)
        }
    }

    /// Side A.
    public var a: Side
    /// Side B.
    public var b: Side
    /// Every key result, in ``KeyResults`` order.
    public var rows: [Row]

    /// The comparison of two runs.
    public init(_ runA: ScenarioRun, labeled labelA: String, _ runB: ScenarioRun, labeled labelB: String) {
        a = Side(label: labelA, run: runA)
        b = Side(label: labelB, run: runB)
        let metricsB = KeyResults.of(runB)
        rows = KeyResults.of(runA).map { metric in Row(a: metric, b: metricsB.first { $0.id == metric.id } ?? metric) }
    }

    /// Runs both scenarios with the same options and compares them.
    public static func perform(_ scenarioA: Scenario, labeled labelA: String, _ scenarioB: Scenario, labeled labelB: String,
                               options: RunOptions = RunOptions()) throws(StudyError) -> Comparison {
        let runA = try ScenarioRun.perform(scenarioA, options: options)
        let runB = try ScenarioRun.perform(scenarioB, options: options)
        return Comparison(runA, labeled: labelA, runB, labeled: labelB)
    }

    /// The comparison as a JSON document: `schemaVersion`, the sides (`label`, `scenario`) and
    /// one entry per metric (`id`, `label`, `unit`, `a`, `b`, `delta`).
    public var jsonValue: JSONValue {
        func describe(_ side: Side) -> JSONValue {
            .object([("label", .string(side.label)), ("scenario", .string(side.scenario))])
        }
        let metrics = rows.map { row -> JSONValue in
            .object([
                ("id", .string(row.a.id)), ("label", .string(row.a.label)), ("unit", .string(row.a.unit)),
                ("a", row.a.json), ("b", row.b.json), ("delta", row.delta.map(JSONValue.number) ?? .null),
            ])
        }
        return JSONValue.object([
            ("schemaVersion", .number(Double(Comparison.schemaVersion))), ("a", describe(a)), ("b", describe(b)), ("metrics", .array(metrics)),
        ])
    }

    /// ``jsonValue`` as one line of compact JSON with sorted keys, ending with a newline.
    public func json() -> String { jsonValue.serialized(sortedKeys: true) + "\n" }
}
