/// What comes into the refinery: sources that deliver every year, and explicit lots.
public struct Intake: Codable, Sendable, Equatable {
    /// Suppliers (mines, artisanal buying channels, regional partners). A source with a
    /// quantity generates lots every year; one without only labels explicit lots.
    public var sources: [IntakeSource]
    /// Individual lots with their own arrival date, mass and assay, in addition to what the
    /// sources generate. The default is none.
    public var lots: [Lot]

    /// Creates the intake section; the parameters are the properties of the same names.
    public init(sources: [IntakeSource], lots: [Lot] = []) {
        self.sources = sources
        self.lots = lots
    }

    private enum CodingKeys: String, CodingKey { case sources, lots }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sources = try container.decode([IntakeSource].self, forKey: .sources)
        lots = try container.decodeIfPresent([Lot].self, forKey: .lots) ?? []
    }
}

/// The kinds of gold-bearing material a refinery takes in.
public enum MaterialKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Mine doré bars: typically 80–92% gold, some silver and base metals.
    case dore
    /// Artisanal gold: 85–98% gold in small, irregular lots that need pre-melting.
    case artisanal
    /// Gold-bearing ore or concentrate, turned into bullion upstream (at a stated recovery)
    /// before it reaches the refining line.
    case ore

    public static func < (lhs: MaterialKind, rhs: MaterialKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The composition of material as fractions of its gross mass. The rest (1 − gold − silver)
/// is base metals and other impurities.
public struct Assay: Codable, Sendable, Equatable {
    /// Gold, as a fraction of gross mass, in (0, 1].
    public var gold: Double
    /// Silver, as a fraction of gross mass, in [0, 1).
    public var silver: Double

    /// Creates an assay from gold and silver fractions of the gross mass.
    public init(gold: Double, silver: Double) {
        self.gold = gold
        self.silver = silver
    }

    /// Base metals and other impurities: 1 − gold − silver.
    public var other: Double { max(0, 1 - gold - silver) }
}

/// A supplier of gold-bearing material.
public struct IntakeSource: Codable, Sendable, Equatable {
    /// A unique identifier that lots refer to.
    public var id: String
    /// The source's name, as reports show it.
    public var name: String
    /// The mine operator or buying channel, if known.
    public var `operator`: String?
    /// ISO 3166 country code of origin, such as "ML".
    public var country: String?
    /// The kind of material it delivers (it decides the route shares and the commercial terms).
    public var kind: MaterialKind

    /// Fine gold delivered each horizon year, in tonnes; the last value repeats for later
    /// years. At most one of `goldTonnesPerYear`, `supply` and `ore` is given.
    public var goldTonnesPerYear: [Double]?
    /// Fine gold delivered as a captured share of an available supply.
    public var supply: CapturedSupply?
    /// Ore or concentrate turned into bullion upstream.
    public var ore: OreFeed?

    /// The composition of the material as delivered (for ore: of the bullion made from it).
    public var assay: Assay
    /// The gross mass of one delivery, in kg: lots are generated at this size.
    public var lotGrossMassKg: Double
    /// Relative weights of the twelve months (January first); deliveries follow them.
    /// The default is an even spread.
    public var monthlyProfile: [Double]?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates a source; the parameters are the properties of the same names. Give at most one
    /// of `goldTonnesPerYear`, `supply` and `ore` (validation checks it).
    public init(id: String, name: String, operator: String? = nil, country: String? = nil, kind: MaterialKind,
                goldTonnesPerYear: [Double]? = nil, supply: CapturedSupply? = nil, ore: OreFeed? = nil,
                assay: Assay, lotGrossMassKg: Double, monthlyProfile: [Double]? = nil, basis: String? = nil) {
        self.id = id
        self.name = name
        self.operator = `operator`
        self.country = country
        self.kind = kind
        self.goldTonnesPerYear = goldTonnesPerYear
        self.supply = supply
        self.ore = ore
        self.assay = assay
        self.lotGrossMassKg = lotGrossMassKg
        self.monthlyProfile = monthlyProfile
        self.basis = basis
    }
}

/// A share of an available supply: delivered gold = available × capture, year by year.
public struct CapturedSupply: Codable, Sendable, Equatable {
    /// Fine gold available each year (for example a country's industrial output), in tonnes;
    /// the last value repeats.
    public var availableTonnesPerYear: [Double]
    /// The share of it the refinery receives each year, in [0, 1]; the last value repeats.
    public var capture: [Double]
    /// The share received from the year the brand is listed (LBMA Good Delivery, the first
    /// horizon year plus ``CommercialTerms/yearsToAccreditation``) on, replacing ``capture``
    /// in those years; nil keeps ``capture``. Mines that sell listed bars without re-refining
    /// may send more once the brand is listed (an assumption a scenario flags in its basis).
    public var captureAfterListing: Double?

    /// Creates a captured supply; the parameters are the properties of the same names.
    public init(availableTonnesPerYear: [Double], capture: [Double], captureAfterListing: Double? = nil) {
        self.availableTonnesPerYear = availableTonnesPerYear
        self.capture = capture
        self.captureAfterListing = captureAfterListing
    }

    /// The share captured in horizon year `index` when the brand is listed from horizon year
    /// `listingYearIndex` (nil: never listed, or no economics).
    public func capture(yearIndex index: Int, listingYearIndex: Int?) -> Double {
        if let after = captureAfterListing, let listing = listingYearIndex, index >= listing { return after }
        return capture.isEmpty ? 0 : capture[min(index, capture.count - 1)]
    }
}

/// Ore or concentrate: gold reaches the refinery as bullion after an upstream recovery.
public struct OreFeed: Codable, Sendable, Equatable {
    /// Ore or concentrate treated upstream each year, in tonnes; the last value repeats.
    public var oreTonnesPerYear: [Double]
    /// Gold grade, in grams per tonne.
    public var gradeGramsPerTonne: Double
    /// The share of the contained gold recovered into bullion upstream, in (0, 1].
    public var upstreamRecovery: Double

    /// Creates an ore feed; the parameters are the properties of the same names.
    public init(oreTonnesPerYear: [Double], gradeGramsPerTonne: Double, upstreamRecovery: Double) {
        self.oreTonnesPerYear = oreTonnesPerYear
        self.gradeGramsPerTonne = gradeGramsPerTonne
        self.upstreamRecovery = upstreamRecovery
    }
}

/// One delivery of material.
public struct Lot: Codable, Sendable, Equatable {
    /// A unique identifier.
    public var id: String
    /// The source it comes from (must be a source's id), if any.
    public var source: String?
    /// The kind of material (it decides the route shares and the commercial terms).
    public var kind: MaterialKind
    /// The arrival date, `YYYY-MM-DD`, within the horizon.
    public var arrival: String
    /// The date the refined metal is due back, `YYYY-MM-DD`, not before the arrival.
    public var due: String?
    /// Gross mass as received, in kg (for ore: of the bullion made upstream).
    public var grossMassKg: Double
    /// The lot's composition as received.
    public var assay: Assay

    /// Creates a lot; the parameters are the properties of the same names.
    public init(id: String, source: String? = nil, kind: MaterialKind, arrival: String, due: String? = nil,
                grossMassKg: Double, assay: Assay) {
        self.id = id
        self.source = source
        self.kind = kind
        self.arrival = arrival
        self.due = due
        self.grossMassKg = grossMassKg
        self.assay = assay
    }
}
