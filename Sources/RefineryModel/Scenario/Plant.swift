/// The refinery: its calendar, its stages with their units, the routes material takes through
/// them, and later expansions.
public struct Plant: Codable, Sendable, Equatable {
    /// The announced capacity of the first phase, in tonnes of gold a year, to compare with
    /// the capacity the model computes from the equipment.
    public var nameplateTonnesPerYear: Double
    /// The plant's working calendar; a stage may have its own.
    public var calendar: OperatingCalendar
    /// The processing stages, each a group of identical units; routes refer to them by id.
    public var stages: [Stage]
    /// Which stages each kind of material goes through, and in what shares.
    public var routes: [Route]
    /// The stage that treats the by-product streams (chloride slag, anode slimes): the silver
    /// recovery branch. Nil if by-products are not treated on site (their metal is then lost).
    public var byproductStage: String?
    /// Capacity expansions, in year order. The default is none.
    public var expansions: [Expansion]

    /// Creates a plant; the parameters are the properties of the same names.
    public init(nameplateTonnesPerYear: Double, calendar: OperatingCalendar, stages: [Stage], routes: [Route],
                byproductStage: String? = nil, expansions: [Expansion] = []) {
        self.nameplateTonnesPerYear = nameplateTonnesPerYear
        self.calendar = calendar
        self.stages = stages
        self.routes = routes
        self.byproductStage = byproductStage
        self.expansions = expansions
    }

    private enum CodingKeys: String, CodingKey {
        case nameplateTonnesPerYear, calendar, stages, routes, byproductStage, expansions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nameplateTonnesPerYear = try c.decode(Double.self, forKey: .nameplateTonnesPerYear)
        calendar = try c.decode(OperatingCalendar.self, forKey: .calendar)
        stages = try c.decode([Stage].self, forKey: .stages)
        routes = try c.decode([Route].self, forKey: .routes)
        byproductStage = try c.decodeIfPresent(String.self, forKey: .byproductStage)
        expansions = try c.decodeIfPresent([Expansion].self, forKey: .expansions) ?? []
    }

    /// The stage with this id, if any.
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
}

/// When units can work.
public struct OperatingCalendar: Codable, Sendable, Equatable {
    /// Working days a year, from 1 to 366.
    public var operatingDaysPerYear: Double
    /// Shifts a working day, at least 1.
    public var shiftsPerDay: Double
    /// Hours a shift; shifts × hours must not exceed 24.
    public var hoursPerShift: Double

    /// Creates a calendar; the parameters are the properties of the same names.
    public init(operatingDaysPerYear: Double, shiftsPerDay: Double, hoursPerShift: Double) {
        self.operatingDaysPerYear = operatingDaysPerYear
        self.shiftsPerDay = shiftsPerDay
        self.hoursPerShift = hoursPerShift
    }

    /// Working hours a year.
    public var hoursPerYear: Double { operatingDaysPerYear * shiftsPerDay * hoursPerShift }
}

/// What a stage does (for reports and for deriving the scheduling model).
public enum StageKind: String, Codable, Sendable, CaseIterable {
    /// The kinds, in processing order: `receiving` (weighing and registration), `premelting`
    /// (melting irregular artisanal lots), `melting` (the homogenizing melt, sampling and fire
    /// assay), `miller` (chlorine refining to about 99.5%), `wohlwill` (electrolysis to
    /// 99.99%), `casting` (bars and granules), `silverRecovery` (the by-product branch), and
    /// `other`.
    case receiving, premelting, melting, miller, wohlwill, casting, silverRecovery, other
}

/// How material is grouped into batches at a stage.
public enum Batching: String, Codable, Sendable, CaseIterable {
    /// Material from many lots is pooled into full batches (after assay, as toll refiners do).
    case pooled
    /// Each lot is handled on its own: a lot takes ⌈mass / batchMaxKg⌉ batches however small
    /// it is (receiving, homogenizing melt and sampling).
    case perLot
}

/// Fractions of each element, in [0, 1].
public struct ElementFractions: Codable, Sendable, Equatable {
    /// Gold, as a fraction.
    public var gold: Double
    /// Silver, as a fraction.
    public var silver: Double
    /// Base metals and other impurities.
    public var other: Double

    /// Creates element fractions; the parameters are the properties of the same names.
    public init(gold: Double, silver: Double, other: Double) {
        self.gold = gold
        self.silver = silver
        self.other = other
    }

    /// Every element fully (a stage that loses nothing; the default recovery).
    public static let all = ElementFractions(gold: 1, silver: 1, other: 1)
    /// No element at all (a stage that sends nothing to the by-product stream; the default).
    public static let none = ElementFractions(gold: 0, silver: 0, other: 0)
}

/// A processing stage: a group of identical units.
public struct Stage: Codable, Sendable, Equatable {
    /// A unique identifier that routes refer to.
    public var id: String
    /// The stage's name, as reports show it.
    public var name: String
    /// What the stage does (for reports and for deriving the scheduling model).
    public var kind: StageKind
    /// Identical parallel units in the first phase (expansions may add more), at least 1.
    public var units: Int
    /// The smallest batch a unit runs, in gross kg.
    public var batchMinKg: Double
    /// The largest batch a unit runs, in gross kg.
    public var batchMaxKg: Double
    /// Hours a unit is occupied by one batch (charging to discharging).
    public var cycleHours: Double
    /// The share of working hours a unit is available (not in maintenance), in (0, 1].
    public var availability: Double
    /// Pooled or per-lot batching. The default is `pooled`.
    public var batching: Batching
    /// Days material waits at the stage without occupying a unit (fire-assay turnaround,
    /// settlement). The default is 0.
    public var waitDays: Double
    /// Gold permanently held in each unit (for example in Wohlwill electrolyte), in kg: the
    /// plant's own metal, not the clients'. The default is 0.
    public var fixedGoldPerUnitKg: Double
    /// The share of each element entering the stage that leaves it (the rest is lost).
    public var recovery: ElementFractions
    /// Of what leaves, the share diverted to the by-product stream (chloride slag, anode
    /// slimes) for the by-product stage. The default is none.
    public var toByproduct: ElementFractions
    /// This stage's own calendar, when it differs from the plant's (electrolysis runs day
    /// and night).
    public var calendar: OperatingCalendar?
    /// Where the figures come from.
    public var basis: String?

    /// Creates a stage; the parameters are the properties of the same names.
    public init(id: String, name: String, kind: StageKind, units: Int, batchMinKg: Double, batchMaxKg: Double,
                cycleHours: Double, availability: Double, batching: Batching = .pooled, waitDays: Double = 0,
                fixedGoldPerUnitKg: Double = 0, recovery: ElementFractions = .all, toByproduct: ElementFractions = .none,
                calendar: OperatingCalendar? = nil, basis: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.units = units
        self.batchMinKg = batchMinKg
        self.batchMaxKg = batchMaxKg
        self.cycleHours = cycleHours
        self.availability = availability
        self.batching = batching
        self.waitDays = waitDays
        self.fixedGoldPerUnitKg = fixedGoldPerUnitKg
        self.recovery = recovery
        self.toByproduct = toByproduct
        self.calendar = calendar
        self.basis = basis
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, kind, units, batchMinKg, batchMaxKg, cycleHours, availability, batching, waitDays
        case fixedGoldPerUnitKg, recovery, toByproduct, calendar, basis
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(StageKind.self, forKey: .kind)
        units = try c.decode(Int.self, forKey: .units)
        batchMinKg = try c.decode(Double.self, forKey: .batchMinKg)
        batchMaxKg = try c.decode(Double.self, forKey: .batchMaxKg)
        cycleHours = try c.decode(Double.self, forKey: .cycleHours)
        availability = try c.decode(Double.self, forKey: .availability)
        batching = try c.decodeIfPresent(Batching.self, forKey: .batching) ?? .pooled
        waitDays = try c.decodeIfPresent(Double.self, forKey: .waitDays) ?? 0
        fixedGoldPerUnitKg = try c.decodeIfPresent(Double.self, forKey: .fixedGoldPerUnitKg) ?? 0
        recovery = try c.decode(ElementFractions.self, forKey: .recovery)
        toByproduct = try c.decodeIfPresent(ElementFractions.self, forKey: .toByproduct) ?? .none
        calendar = try c.decodeIfPresent(OperatingCalendar.self, forKey: .calendar)
        basis = try c.decodeIfPresent(String.self, forKey: .basis)
    }
}

/// A path through the plant and the product at its end.
public struct Route: Codable, Sendable, Equatable {
    /// A unique identifier.
    public var id: String
    /// The route's name, as reports show it.
    public var name: String
    /// Stage ids in processing order.
    public var stages: [String]
    /// The share of each kind of material that takes this route; for every kind that comes
    /// in, the shares over all routes add up to 1.
    public var shares: KindShares
    /// The product at the end of the route.
    public var product: Product
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates a route; the parameters are the properties of the same names.
    public init(id: String, name: String, stages: [String], shares: KindShares, product: Product, basis: String? = nil) {
        self.id = id
        self.name = name
        self.stages = stages
        self.shares = shares
        self.product = product
        self.basis = basis
    }
}

/// A share for each kind of material; a missing kind has share 0.
public struct KindShares: Codable, Sendable, Equatable {
    /// The share of doré taking the route; nil means 0.
    public var dore: Double?
    /// The share of artisanal gold taking the route; nil means 0.
    public var artisanal: Double?
    /// The share of ore bullion taking the route; nil means 0.
    public var ore: Double?

    /// Creates shares by kind; a kind left nil has share 0.
    public init(dore: Double? = nil, artisanal: Double? = nil, ore: Double? = nil) {
        self.dore = dore
        self.artisanal = artisanal
        self.ore = ore
    }

    /// The share of `kind` (0 when absent).
    public subscript(kind: MaterialKind) -> Double {
        switch kind {
        case .dore: return dore ?? 0
        case .artisanal: return artisanal ?? 0
        case .ore: return ore ?? 0
        }
    }
}

/// What a route produces.
public struct Product: Codable, Sendable, Equatable {
    /// The product's name, as reports show it (such as "Good Delivery bars").
    public var name: String
    /// Gold content of the product, such as 0.995 for Good Delivery bars or 0.9999 for kilobars.
    public var fineness: Double
    /// The gross mass of one bar, in kg (12.44 for a 400 oz Good Delivery bar); nil for
    /// granules or other unbarred products.
    public var barGrossKg: Double?

    /// Creates a product; the parameters are the properties of the same names.
    public init(name: String, fineness: Double, barGrossKg: Double? = nil) {
        self.name = name
        self.fineness = fineness
        self.barGrossKg = barGrossKg
    }
}

/// A capacity expansion: from `year` on, stages have the given unit counts.
public struct Expansion: Codable, Sendable, Equatable {
    /// The calendar year from which the new unit counts apply.
    public var year: Int
    /// The expansion's name, as reports show it (such as "Phase 2").
    public var name: String
    /// The announced capacity after the expansion, in tonnes of gold a year.
    public var nameplateTonnesPerYear: Double
    /// New unit counts by stage id; stages not listed keep their count.
    public var units: [String: Int]
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates an expansion; the parameters are the properties of the same names.
    public init(year: Int, name: String, nameplateTonnesPerYear: Double, units: [String: Int], basis: String? = nil) {
        self.year = year
        self.name = name
        self.nameplateTonnesPerYear = nameplateTonnesPerYear
        self.units = units
        self.basis = basis
    }
}
