/// The physical quantities the economics prices, for one horizon year, taken from the
/// throughput model: what came in (by kind, gross and fine), what was processed, refined and
/// held. Masses in kg.
public struct ProcessVolumes: Codable, Sendable, Equatable {
    /// The calendar (horizon) year.
    public var year: Int
    /// Lots received.
    public var lots: Double
    /// Gross mass received by kind, indexed like `MaterialKind.allCases`.
    public var grossKgByKind: [Double]
    /// Fine gold received by kind, indexed like `MaterialKind.allCases`.
    public var goldKgByKind: [Double]
    /// Fine gold received from sources in the counterfactual's origin country.
    public var domesticGoldKg: Double
    /// Gross mass received from sources in the origin country.
    public var domesticGrossKg: Double
    /// Fine gold received from sources in the origin country, by kind, indexed like
    /// `MaterialKind.allCases` (empty: unknown, read as ``domesticGoldKg`` split like ``goldKgByKind``).
    public var domesticGoldKgByKind: [Double] = []
    /// Lots received by kind, indexed like `MaterialKind.allCases` (empty: unknown, read as
    /// ``lots`` split like the gross mass). Estimated from each source's gold and lot size.
    public var lotsByKind: [Double] = []
    /// Fine gold received by source id (empty: unknown; then ``CommercialTerms/bySource``
    /// has no gold to price apart). Not scaled by ``scaling(_:by:)``, which does not know the
    /// sources' kinds: the cash flows scale a source's gold with its kind.
    public var goldKgBySource: [String: Double] = [:]
    /// Gold finished this year: refined + lost.
    public var goldProcessedKg: Double
    /// Fine gold refined into product, kg.
    public var goldRefinedKg: Double
    /// Silver finished this year: refined + left in gold product + lost.
    public var silverProcessedKg: Double
    /// Silver refined into product, kg.
    public var silverRefinedKg: Double
    /// Clients' gold inside the plant on average.
    public var averageGoldInProcessKg: Double
    /// The plant's own gold locked in units (Wohlwill electrolyte).
    public var lockedGoldKg: Double
    /// The intake of gold the plant can sustain ÷ the intake, or nil when nothing came in:
    /// how far intake can grow before the bottleneck saturates.
    public var capacityRatio: Double?

    /// Creates one year's volumes; the parameters are the properties of the same names.
    public init(year: Int, lots: Double, grossKgByKind: [Double], goldKgByKind: [Double], domesticGoldKg: Double, domesticGrossKg: Double,
                goldProcessedKg: Double, goldRefinedKg: Double, silverProcessedKg: Double, silverRefinedKg: Double,
                averageGoldInProcessKg: Double, lockedGoldKg: Double, capacityRatio: Double?, domesticGoldKgByKind: [Double] = [],
                lotsByKind: [Double] = [], goldKgBySource: [String: Double] = [:]) {
        self.goldKgBySource = goldKgBySource
        self.domesticGoldKgByKind = domesticGoldKgByKind
        self.lotsByKind = lotsByKind
        self.year = year
        self.lots = lots
        self.grossKgByKind = grossKgByKind
        self.goldKgByKind = goldKgByKind
        self.domesticGoldKg = domesticGoldKg
        self.domesticGrossKg = domesticGrossKg
        self.goldProcessedKg = goldProcessedKg
        self.goldRefinedKg = goldRefinedKg
        self.silverProcessedKg = silverProcessedKg
        self.silverRefinedKg = silverRefinedKg
        self.averageGoldInProcessKg = averageGoldInProcessKg
        self.lockedGoldKg = lockedGoldKg
        self.capacityRatio = capacityRatio
    }

    /// Total fine gold received.
    public var goldIntakeKg: Double { goldKgByKind.reduce(0, +) }

    /// Fine gold from the origin country of kind index `k`: ``domesticGoldKgByKind`` when given,
    /// else ``domesticGoldKg`` split in proportion to ``goldKgByKind``.
    public func domesticGoldKg(kind k: Int) -> Double {
        if k < domesticGoldKgByKind.count { return domesticGoldKgByKind[k] }
        let total = goldIntakeKg
        return total > 0 ? domesticGoldKg * goldKgByKind[k] / total : 0
    }

    /// Gross mass from the origin country of kind index `k`, at that kind's gross-to-fine ratio.
    public func domesticGrossKg(kind k: Int) -> Double {
        goldKgByKind[k] > 0 ? domesticGoldKg(kind: k) * grossKgByKind[k] / goldKgByKind[k] : 0
    }

    /// The volumes of every horizon year of `throughput`.
    public static func from(_ throughput: ThroughputReport, scenario: Scenario, originCountry: String) -> [ProcessVolumes] {
        let kinds = MaterialKind.allCases
        let domesticSources = Set(scenario.intake.sources.filter { $0.country == originCountry }.map(\.id))
        let kindOfSource = Dictionary(scenario.intake.sources.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        return throughput.years.map { year in
            let intake = year.intake
            let gross = kinds.map { intake.grossKgByKind[$0.rawValue] ?? 0 }
            let gold = kinds.map { intake.goldKgByKind[$0.rawValue] ?? 0 }
            let domesticBySource = intake.goldKgBySource.filter { domesticSources.contains($0.key) }.sorted { $0.key < $1.key }
            let domesticGold = domesticBySource.reduce(0) { $0 + $1.value }
            let domesticByKind = kinds.map { kind in domesticBySource.filter { kindOfSource[$0.key] == kind }.reduce(0) { $0 + $1.value } }
            let totalGold = gold.reduce(0, +), totalGross = gross.reduce(0, +)
            let ratio: Double? = intake.goldKg > 0 ? year.sustainableIntakeTonnes.map { $0 * 1000 / intake.goldKg } : nil
            return ProcessVolumes(
                year: year.year, lots: Double(intake.lots), grossKgByKind: gross, goldKgByKind: gold,
                domesticGoldKg: domesticGold, domesticGrossKg: totalGold > 0 ? domesticGold * totalGross / totalGold : 0,
                goldProcessedKg: year.gold.refined + year.gold.lost, goldRefinedKg: year.gold.refined,
                silverProcessedKg: year.silver.refined + year.silver.inOtherProduct + year.silver.lost,
                silverRefinedKg: year.silver.refined, averageGoldInProcessKg: year.averageGoldInProcessKg,
                lockedGoldKg: year.lockedGoldKg, capacityRatio: ratio, domesticGoldKgByKind: domesticByKind,
                lotsByKind: lotsByKind(total: Double(intake.lots), goldKgBySource: intake.goldKgBySource, gross: gross, scenario: scenario),
                goldKgBySource: intake.goldKgBySource)
        }
    }

    /// `total` lots split by kind in proportion to each source's estimated lot count (its gold
    /// ÷ its gold assay ÷ its lot size); gold from no known source counts as lots of its kind's
    /// average size. Empty when nothing came in.
    private static func lotsByKind(total: Double, goldKgBySource: [String: Double], gross: [Double], scenario: Scenario) -> [Double] {
        let kinds = MaterialKind.allCases
        var estimate = [Double](repeating: 0, count: kinds.count)
        for source in scenario.intake.sources {
            guard let gold = goldKgBySource[source.id], gold > 0, source.assay.gold > 0, source.lotGrossMassKg > 0,
                  let k = kinds.firstIndex(of: source.kind) else { continue }
            estimate[k] += gold / source.assay.gold / source.lotGrossMassKg
        }
        let sum = estimate.reduce(0, +)
        guard total > 0 else { return [] }
        guard sum > 0 else {
            let grossTotal = gross.reduce(0, +)
            return grossTotal > 0 ? gross.map { total * $0 / grossTotal } : []
        }
        return estimate.map { total * $0 / sum }
    }

    /// These volumes with the fine gold (and gross mass, lots, domestic gold) of kind `kind`
    /// multiplied by `factor`, the other kinds unchanged. Gold and silver processed and refined
    /// and gold in process move with the fine gold received (one recovery for every kind, a
    /// documented approximation); the capacity ratio shrinks as the intake grows, so
    /// ``scale(intakeFactor:fuelAvailability:)`` still caps the whole intake at the plant's
    /// sustainable rate. Locked gold does not move. A factor of 1 returns the volumes unchanged.
    public func scaling(_ kind: MaterialKind, by factor: Double) -> ProcessVolumes {
        guard factor != 1, let k = MaterialKind.allCases.firstIndex(of: kind), goldKgByKind[k] > 0 else { return self }
        var v = self
        let total = goldIntakeKg
        let ratio = (total + (factor - 1) * goldKgByKind[k]) / total
        let domesticGold = domesticGoldKg(kind: k), domesticGross = domesticGrossKg(kind: k)
        if !domesticGoldKgByKind.isEmpty {
            v.domesticGoldKgByKind[k] *= factor
        } else {
            v.domesticGoldKgByKind = MaterialKind.allCases.indices.map { $0 == k ? domesticGold * factor : domesticGoldKg(kind: $0) }
        }
        v.domesticGoldKg += (factor - 1) * domesticGold
        v.domesticGrossKg += (factor - 1) * domesticGross
        let grossTotal = grossKgByKind.reduce(0, +)
        let kindLots = k < lotsByKind.count ? lotsByKind[k] : (grossTotal > 0 ? lots * grossKgByKind[k] / grossTotal : 0)
        if k < lotsByKind.count { v.lotsByKind[k] *= factor }
        v.lots += (factor - 1) * kindLots
        v.grossKgByKind[k] *= factor
        v.goldKgByKind[k] *= factor
        v.goldProcessedKg *= ratio
        v.goldRefinedKg *= ratio
        v.silverProcessedKg *= ratio
        v.silverRefinedKg *= ratio
        v.averageGoldInProcessKg *= ratio
        if let capacity = capacityRatio, ratio > 0 { v.capacityRatio = capacity / ratio }
        return v
    }

    /// The share of this year's volumes processed when intake is multiplied by `intakeFactor`
    /// and operating days by `fuelAvailability`: the factor, unless the bottleneck's capacity
    /// (shrunk by fuel availability) caps it. A plant already saturated in the base case stays
    /// at 1 unless fuel availability shrinks it further.
    public func scale(intakeFactor: Double, fuelAvailability: Double) -> Double {
        guard let ratio = capacityRatio else { return intakeFactor }
        return max(0, min(intakeFactor, fuelAvailability * max(1, ratio)))
    }
}
