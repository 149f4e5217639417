/// The refinery as it stands at one hour of a window: what is in stock, which lots are part-way
/// through, and which units are busy or down. A detailed schedule planned from a state
/// (``RefineryNetwork/init(scenario:request:state:frozen:)``) starts nothing before ``hour``
/// and takes the state's material and units as given.
///
/// Hours count from the window's start (midnight of its first day): hour 60 is 12:00 on the
/// third day. Hours before ``hour`` are the past (a lot started at hour 55 is under way).
/// The window's lots that arrive before ``hour`` are taken to be in the state already (in its
/// stocks or its lots in process) and are not received again.
///
/// ```swift
/// let state = try PlantStateLoader.load(contentsOf: URL(fileURLWithPath: "data/states/mid-week.json"))
/// let report = try RefineryScheduler.schedule(.senouBase, request: .detailed(startDate: state.startDate), state: state)
/// ```
public struct PlantState: Codable, Sendable, Equatable {
    /// Stock in one of the schedule's states, in the state's measure.
    public struct Stock: Codable, Sendable, Equatable {
        /// The state's name as the schedule's network names it (`assayed dore (kg gold)`,
        /// `after miller (kg gold)`, `by-product (gross kg)`).
        public var state: String
        /// The stock, kg (of gold for gold states, gross for the by-product).
        public var kg: Double

        /// Creates a stock; the parameters are the properties of the same names.
        public init(state: String, kg: Double) {
            self.state = state
            self.kg = kg
        }
    }

    /// A lot received but not yet refined: waiting for its first stage, or in a batch of a
    /// stage since ``startedAtHour``.
    public struct LotInProcess: Codable, Sendable, Equatable {
        /// The lot's id, as reports name it.
        public var id: String
        /// The kind of material (it decides the lot's routes).
        public var kind: MaterialKind
        /// The stage (a `plant.stages` id) whose batch holds the lot, or ``waiting`` for a lot
        /// received and not yet started.
        public var stage: String
        /// The lot's gross mass as it entered the stage (or as received, waiting), kg.
        public var grossKg: Double
        /// Fine gold in the lot as it entered the stage, kg.
        public var goldKg: Double
        /// Fine silver in the lot as it entered the stage, kg; nil for none.
        public var silverKg: Double?
        /// The hour the stage's batch started (before the state's hour); nil for a waiting lot.
        public var startedAtHour: Double?
        /// The hour by which the lot's gold must be refined, if it has a due date.
        public var dueHour: Double?

        /// The ``stage`` of a lot received and not yet started.
        public static let waiting = "waiting"

        /// Creates a lot in process; the parameters are the properties of the same names.
        public init(id: String, kind: MaterialKind, stage: String, grossKg: Double, goldKg: Double, silverKg: Double? = nil,
                    startedAtHour: Double? = nil, dueHour: Double? = nil) {
            self.id = id
            self.kind = kind
            self.stage = stage
            self.grossKg = grossKg
            self.goldKg = goldKg
            self.silverKg = silverKg
            self.startedAtHour = startedAtHour
            self.dueHour = dueHour
        }
    }

    /// Why units are held outside the schedule.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// Running work the state does not list as a lot (a pooled batch, say).
        case busy
        /// Planned maintenance.
        case maintenance
        /// A breakdown, until its expected repair.
        case breakdown
    }

    /// Units of one stage held from ``from`` until ``until``.
    public struct UnitHold: Codable, Sendable, Equatable {
        /// The stage (a `plant.stages` id) whose units are held.
        public var stage: String
        /// How many of its units; nil for 1.
        public var count: Int?
        /// The first hour held; nil for the state's hour.
        public var from: Double?
        /// The hour the units are free again.
        public var until: Double
        /// Why they are held.
        public var reason: Reason
        /// A note for people (`furnace 2 relining`); no effect.
        public var note: String?

        /// Creates a hold; the parameters are the properties of the same names.
        public init(stage: String, count: Int? = nil, from: Double? = nil, until: Double, reason: Reason, note: String? = nil) {
            self.stage = stage
            self.count = count
            self.from = from
            self.until = until
            self.reason = reason
            self.note = note
        }
    }

    /// The version of the state format this library reads.
    public static let currentSchemaVersion = 1
    /// The state format's version (1).
    public var schemaVersion: Int
    /// What the state is, for people.
    public var description: String?
    /// The window's first day, `YYYY-MM-DD`; nil to take the request's.
    public var startDate: String?
    /// The hour of the window the state describes; the schedule starts nothing before it.
    public var hour: Double
    /// Material in the schedule's states (not lots), by state.
    public var openingStock: [Stock]
    /// Lots received and not yet refined.
    public var lotsInProcess: [LotInProcess]
    /// Units busy, under maintenance or broken down.
    public var units: [UnitHold]

    /// Creates a state; the parameters are the properties of the same names.
    public init(schemaVersion: Int = 1, description: String? = nil, startDate: String? = nil, hour: Double,
                openingStock: [Stock] = [], lotsInProcess: [LotInProcess] = [], units: [UnitHold] = []) {
        self.schemaVersion = schemaVersion
        self.description = description
        self.startDate = startDate
        self.hour = hour
        self.openingStock = openingStock
        self.lotsInProcess = lotsInProcess
        self.units = units
    }

    private enum CodingKeys: String, CodingKey { case schemaVersion, description, startDate, hour, openingStock, lotsInProcess, units }

    /// Decodes a state; absent lists are empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        startDate = try c.decodeIfPresent(String.self, forKey: .startDate)
        hour = try c.decode(Double.self, forKey: .hour)
        openingStock = try c.decodeIfPresent([Stock].self, forKey: .openingStock) ?? []
        lotsInProcess = try c.decodeIfPresent([LotInProcess].self, forKey: .lotsInProcess) ?? []
        units = try c.decodeIfPresent([UnitHold].self, forKey: .units) ?? []
    }

    /// Everything wrong with the state for `scenario`'s plant and a window of `hours` hours,
    /// each with its JSON path in the state file (`lotsInProcess[2].stage`), the value and
    /// what is allowed. Stock state names are checked when the network is built.
    public func problems(for scenario: Scenario, windowHours hours: Double) -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func add(_ path: String, _ value: Any?, _ message: String) {
            problems.append(ScenarioProblem(path: path, value: value.map { $0 is String ? "\"\($0)\"" : "\($0)" }, message: message))
        }
        let stages = scenario.plant.stages.map(\.id)
        let listed = stages.map { "\"\($0)\"" }.joined(separator: ", ")
        if !(hour >= 0 && hour < hours) { add("hour", JSONValue.format(hour), "must be in [0, \(JSONValue.format(hours))), an hour of the window") }
        if let startDate, CivilDate(parsing: startDate) == nil { add("startDate", startDate, "is not a date YYYY-MM-DD") }
        for (k, stock) in openingStock.enumerated() {
            if !(stock.kg >= 0 && stock.kg.isFinite) { add("openingStock[\(k)].kg", JSONValue.format(stock.kg), "must be a finite number ≥ 0 kg") }
        }
        var ids = Set<String>()
        for (k, lot) in lotsInProcess.enumerated() {
            let path = "lotsInProcess[\(k)]"
            if !ids.insert(lot.id).inserted { add("\(path).id", lot.id, "is the id of another lot in process") }
            if lot.stage != LotInProcess.waiting && !stages.contains(lot.stage) {
                add("\(path).stage", lot.stage, "is not a stage of the plant; allowed: \"waiting\", \(listed)")
            } else if lot.stage == scenario.plant.byproductStage {
                add("\(path).stage", lot.stage, "is the by-product stage, which holds no lot; give its material as openingStock")
            } else if lot.stage != LotInProcess.waiting, !scenario.plant.routes.contains(where: { $0.shares[lot.kind] > 0 && $0.stages.contains(lot.stage) }) {
                add("\(path).stage", lot.stage, "is on no route of \(lot.kind.rawValue) lots")
            }
            if !(lot.grossKg > 0 && lot.grossKg.isFinite) { add("\(path).grossKg", JSONValue.format(lot.grossKg), "must be a finite number > 0 kg") }
            if !(lot.goldKg > 0 && lot.goldKg <= lot.grossKg) { add("\(path).goldKg", JSONValue.format(lot.goldKg), "must be > 0 and at most grossKg (\(JSONValue.format(lot.grossKg)) kg)") }
            if let silver = lot.silverKg, !(silver >= 0 && silver + lot.goldKg <= lot.grossKg) {
                add("\(path).silverKg", JSONValue.format(silver), "must be ≥ 0 with goldKg at most grossKg (\(JSONValue.format(lot.grossKg)) kg)")
            }
            if lot.stage == LotInProcess.waiting {
                if let started = lot.startedAtHour { add("\(path).startedAtHour", JSONValue.format(started), "must be absent for a waiting lot") }
            } else if let started = lot.startedAtHour {
                if !(started <= hour && started > -24 * 366) { add("\(path).startedAtHour", JSONValue.format(started), "must be at most the state's hour (\(JSONValue.format(hour))) and within a year before it") }
            } else {
                add("\(path).startedAtHour", nil, "is required for a lot in a stage: the hour its batch started")
            }
            if let due = lot.dueHour, !(due.isFinite && due > -24 * 366 && due < 24 * 366) { add("\(path).dueHour", JSONValue.format(due), "must be an hour within a year of the window") }
        }
        for (k, hold) in units.enumerated() {
            let path = "units[\(k)]"
            guard let stage = scenario.plant.stage(hold.stage) else {
                add("\(path).stage", hold.stage, "is not a stage of the plant; allowed: \(listed)")
                continue
            }
            if let count = hold.count, !(count >= 1 && count <= stage.units) { add("\(path).count", count, "must be 1–\(stage.units), the stage's units") }
            let from = hold.from ?? hour
            if !(from.isFinite && from > -24 * 366) { add("\(path).from", JSONValue.format(from), "must be a finite hour") }
            if !(hold.until > from && hold.until.isFinite) { add("\(path).until", JSONValue.format(hold.until), "must be a finite hour after from (\(JSONValue.format(from)))") }
        }
        return problems
    }
}
