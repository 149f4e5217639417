/// Everything the model needs to know about a refinery and what comes into it: the library's
/// main input, read from versioned JSON (see `data/schema/scenario.schema.json`).
///
/// Load one from a file or data with ``ScenarioLoader``, which reports every problem with its
/// JSON path; or start from an embedded default such as ``Scenario/senouBase``.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: "data/scenarios/senou-base.json"))
/// let throughput = try ThroughputModel(scenario: scenario).evaluate()
/// print(throughput.years[0].bottleneck)
/// ```
public struct Scenario: Codable, Sendable, Equatable {
    /// The version of the scenario format this library reads and writes.
    public static let currentSchemaVersion = 1

    /// The format version of this scenario; must be ``currentSchemaVersion``.
    public var schemaVersion: Int
    /// A short identifier, such as `senou-base`.
    public var name: String
    /// What the scenario represents, for people.
    public var description: String?
    /// The years modelled.
    public var horizon: Horizon
    /// What comes into the refinery.
    public var intake: Intake
    /// The refinery's stages, routes, calendar and expansions.
    public var plant: Plant
    /// Prices, charges, costs, capital, financing and taxes (needed for a valuation).
    public var economics: Economics?
    /// The company's shareholders (needed for the holder table).
    public var ownership: Ownership?

    /// Creates a scenario; the parameters are the properties of the same names. It is not
    /// validated here: ``ScenarioLoader`` and ``ScenarioValidator`` check a scenario.
    public init(schemaVersion: Int = Scenario.currentSchemaVersion, name: String, description: String? = nil,
                horizon: Horizon, intake: Intake, plant: Plant, economics: Economics? = nil, ownership: Ownership? = nil) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.description = description
        self.horizon = horizon
        self.intake = intake
        self.plant = plant
        self.economics = economics
        self.ownership = ownership
    }
}

/// The calendar years a scenario covers: `firstYear` to `firstYear + years − 1`.
public struct Horizon: Codable, Sendable, Equatable {
    /// The first year modelled, such as 2027 (commercial start).
    public var firstYear: Int
    /// How many years, from 1 to 100.
    public var years: Int

    /// Creates a horizon; the parameters are the properties of the same names.
    public init(firstYear: Int, years: Int) {
        self.firstYear = firstYear
        self.years = years
    }

    /// The calendar years, in order.
    public var calendarYears: [Int] { Array(firstYear..<(firstYear + years)) }
}
