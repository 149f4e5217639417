/// What the throughput model finds for a scenario: per year, what comes in, what each stage
/// can do, where the plant chokes, and where every kilogram of gold and silver went.
public struct ThroughputReport: Codable, Sendable {
    /// The name of the scenario evaluated.
    public var scenario: String
    /// One entry per horizon year, in order.
    public var years: [YearThroughput]
    /// Per lot: when it started and finished, and what became of its metal.
    public var lots: [LotOutcome]
    /// Plain-language findings: years above capacity, a growing backlog, stages near saturation.
    public var findings: [String]
}

extension ThroughputReport {
    /// The year of the largest gold intake (the first such year): the year the plant is most
    /// loaded, which the headline, the key results and a run's campaign schedule describe.
    public var peakIntakeYear: YearThroughput? {
        Self.peakIntakeYear(of: years)
    }

    /// The first year of largest gold intake among `years`.
    public static func peakIntakeYear(of years: [YearThroughput]) -> YearThroughput? {
        years.reduce(nil) { best, year in best.map { year.intake.goldKg > $0.intake.goldKg ? year : $0 } ?? year }
    }
}

/// One year of the throughput model.
public struct YearThroughput: Codable, Sendable {
    /// The calendar year.
    public var year: Int
    /// The announced capacity in force (after expansions), t/yr.
    public var nameplateTonnes: Double
    /// The expansion in force, if any.
    public var phase: String
    /// What arrived during the year.
    public var intake: IntakeSummary
    /// Each stage's capacity and load at this year's mix.
    public var stages: [StageThroughput]
    /// The stage that limits the plant at this year's mix (nil when nothing comes in).
    public var bottleneck: String?
    /// The largest yearly intake of gold the plant can sustain at this year's mix, in tonnes
    /// (the bottleneck's capacity); nil when nothing comes in.
    public var sustainableIntakeTonnes: Double?
    /// Gold: opening stock + intake = refined + lost + closing stock (in process + backlog).
    public var gold: MetalBalance
    /// Silver, with the silver that ends in the gold product kept apart.
    public var silver: MetalBalance
    /// Refined gold by product.
    public var products: [ProductOutput]
    /// Average gold inside the plant (Little's law: flow × residence time), in kg.
    public var averageGoldInProcessKg: Double
    /// The plant's own gold permanently held in units (e.g. Wohlwill electrolyte), in kg.
    public var lockedGoldKg: Double
    /// Days from arrival to refined metal by route, when the plant is not saturated.
    public var turnaroundDays: [String: Double]
}

/// What arrived in a year.
public struct IntakeSummary: Codable, Sendable {
    /// Lots that arrived in the year.
    public var lots: Int
    /// Gross mass received, kg.
    public var grossKg: Double
    /// Fine gold received, kg.
    public var goldKg: Double
    /// Silver received, kg.
    public var silverKg: Double
    /// Gold by source id (lots without a source under "").
    public var goldKgBySource: [String: Double]
    /// Gold by material kind.
    public var goldKgByKind: [String: Double]
    /// Gross mass received by material kind, in kg (refining charges are per gross ounce).
    public var grossKgByKind: [String: Double] = [:]
    /// Gold contained in ore but lost upstream, before the refinery (ore sources only).
    public var upstreamGoldLostKg: Double
}

/// A stage in one year.
public struct StageThroughput: Codable, Sendable {
    /// The stage's id, as in the scenario.
    public var id: String
    /// Units in force this year (after expansions).
    public var units: Int
    /// Working hours a unit is available in the year.
    public var availableHoursPerUnit: Double
    /// Batches all units can run in the year.
    public var capacityBatches: Double
    /// Gross kg all units can process in the year (full batches).
    public var capacityGrossKg: Double
    /// Batches the year's intake needs (per-lot stages count a partly filled batch as one).
    public var loadBatches: Double
    /// Gross kg that the year's intake brings to the stage.
    public var loadGrossKg: Double
    /// Load ÷ capacity; above 1 the stage cannot keep up.
    public var utilization: Double
    /// The gold intake (t/yr) this stage could take at this year's mix; nil with no load.
    public var capacityGoldTonnes: Double?
}

/// A metal's balance over a year; every field in kg. `opening + intake = refined + lost +
/// closingInProcess + closingBacklog + inOtherProduct`, to rounding (`imbalance`).
public struct MetalBalance: Codable, Sendable {
    /// Clients' metal in the plant at the start of the year (in process and backlog).
    public var opening: Double
    /// Metal received during the year.
    public var intake: Double
    /// Recovered as this metal's own product (gold: bars; silver: the silver branch).
    public var refined: Double
    /// Ending in the other metal's product (silver left in gold bars); 0 for gold.
    public var inOtherProduct: Double
    /// Lost in processing (at the stages and in by-product treatment).
    public var lost: Double
    /// Being processed at year end.
    public var closingInProcess: Double
    /// Arrived but not yet started at year end (intake above capacity).
    public var closingBacklog: Double
    /// opening + intake − (refined + inOtherProduct + lost + closing), which should be 0.
    public var imbalance: Double
}

/// Refined gold of one product in a year.
public struct ProductOutput: Codable, Sendable {
    /// The id of the route that made the product.
    public var route: String
    /// The product's name.
    public var product: String
    /// Fine gold refined into this product in the year, kg.
    public var fineGoldKg: Double
    /// Bars cast (fractional: a year's share); nil for unbarred products.
    public var bars: Double?
}

/// What became of one lot.
public struct LotOutcome: Codable, Sendable {
    /// The lot's id.
    public var id: String
    /// The id of the source it comes from, if any.
    public var source: String?
    /// The kind of material.
    public var kind: MaterialKind
    /// The arrival date, `YYYY-MM-DD`.
    public var arrival: String
    /// When the plant started on it (after any backlog).
    public var start: String
    /// When its last route finished; nil when it has not finished within the horizon.
    public var finish: String?
    /// Fine gold in the lot, kg.
    public var goldKg: Double
    /// Of that, gold refined into product within the horizon, kg.
    public var refinedGoldKg: Double
    /// Of that, gold lost in processing, kg.
    public var lostGoldKg: Double
    /// Gold not yet refined at the end of the horizon (in process or waiting).
    public var heldGoldKg: Double
    /// Silver in the lot, kg.
    public var silverKg: Double
    /// Of that, silver refined by the silver branch within the horizon, kg.
    public var refinedSilverKg: Double
    /// Of that, silver left in the gold product (bars are not pure gold), kg.
    public var silverInGoldProductKg: Double
    /// Of that, silver lost in processing, kg.
    public var lostSilverKg: Double
    /// Of that, silver not yet processed at the end of the horizon, kg.
    public var heldSilverKg: Double
    /// Whether the lot finished after its due date (lots without one: false).
    public var late: Bool
}
