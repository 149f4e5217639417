/// What the refinery charges its clients and what it keeps.
///
/// A toll refiner returns a *payable* share of the assayed metal and keeps the rest of what it
/// recovers (the *metal gain*); it also charges per gross ounce, per lot, and penalties for
/// impurities. Gold it buys outright (artisanal gold, say) earns a purchase margin instead.
public struct CommercialTerms: Codable, Sendable, Equatable {
    /// Terms by kind of material received.
    public var byKind: KindTerms
    /// Terms for the gold of particular intake sources, keyed by source id, overriding their
    /// kind's field by field (a field left out keeps the kind's); nil or empty: every source
    /// pays its kind's terms. Regional doré that pays its freight to Bamako, say, can pay a
    /// refining charge of its own. Whether a source's gold is bought or tolled follows its own
    /// purchase margin.
    public var bySource: [String: SourceTerms]?
    /// The share of assayed fine gold returned (credited) to clients, such as 0.9992.
    public var goldPayable: Double
    /// The share of assayed silver returned (credited) to clients, such as 0.95.
    public var silverPayable: Double
    /// A fixed fee per lot received (sampling, fire assay), in USD.
    public var lotFeeUsd: Double
    /// The discount a non-accredited brand suffers, USD per fine ounce refined, which the
    /// refiner gives back to clients until its brand is listed (LBMA Good Delivery).
    public var unaccreditedDiscountUsdPerOz: Double
    /// Years from the first horizon year until the brand is listed; the discount applies in
    /// the years before. 0 means listed from the start.
    public var yearsToAccreditation: Int
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the commercial terms; the parameters are the properties of the same names.
    public init(byKind: KindTerms, goldPayable: Double, silverPayable: Double, lotFeeUsd: Double,
                unaccreditedDiscountUsdPerOz: Double, yearsToAccreditation: Int, basis: String? = nil,
                bySource: [String: SourceTerms]? = nil) {
        self.byKind = byKind
        self.bySource = bySource
        self.goldPayable = goldPayable
        self.silverPayable = silverPayable
        self.lotFeeUsd = lotFeeUsd
        self.unaccreditedDiscountUsdPerOz = unaccreditedDiscountUsdPerOz
        self.yearsToAccreditation = yearsToAccreditation
        self.basis = basis
    }

    /// The terms `source`'s gold pays: its kind's, with the fields ``bySource`` gives for it
    /// in their place.
    public func terms(of source: IntakeSource) -> MaterialTerms {
        let kind = byKind[source.kind]
        guard let own = bySource?[source.id] else { return kind }
        return own.over(kind)
    }
}

/// The terms of one intake source, each field replacing its kind's when given (nil keeps the
/// kind's): a source can pay a refining charge of its own and its kind's penalty and margin.
public struct SourceTerms: Codable, Sendable, Equatable {
    /// Refining charge, USD per troy ounce of gross weight received; nil: the kind's.
    public var refiningChargeUsdPerOzGross: Double?
    /// Average impurity penalty, USD per troy ounce of gross weight received; nil: the kind's.
    public var penaltyUsdPerOzGross: Double?
    /// The margin on gold the refiner buys outright, a fraction of the fine value in [0, 1);
    /// 0 makes the source's gold tolled, more than 0 bought; nil: the kind's.
    public var purchaseMargin: Double?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates a source's terms; a field left nil keeps its kind's.
    public init(refiningChargeUsdPerOzGross: Double? = nil, penaltyUsdPerOzGross: Double? = nil, purchaseMargin: Double? = nil,
                basis: String? = nil) {
        self.refiningChargeUsdPerOzGross = refiningChargeUsdPerOzGross
        self.penaltyUsdPerOzGross = penaltyUsdPerOzGross
        self.purchaseMargin = purchaseMargin
        self.basis = basis
    }

    /// `kind`'s terms with the fields given here in their place.
    public func over(_ kind: MaterialTerms) -> MaterialTerms {
        MaterialTerms(refiningChargeUsdPerOzGross: refiningChargeUsdPerOzGross ?? kind.refiningChargeUsdPerOzGross,
                      penaltyUsdPerOzGross: penaltyUsdPerOzGross ?? kind.penaltyUsdPerOzGross,
                      purchaseMargin: purchaseMargin ?? kind.purchaseMargin)
    }
}

/// Terms for each kind of material; a kind that is absent pays nothing.
public struct KindTerms: Codable, Sendable, Equatable {
    /// Terms for doré bars from industrial mines; nil charges nothing.
    public var dore: MaterialTerms?
    /// Terms for artisanal gold; nil charges nothing.
    public var artisanal: MaterialTerms?
    /// Terms for ore or concentrate; nil charges nothing.
    public var ore: MaterialTerms?

    /// Creates the terms by kind; a kind left nil pays nothing.
    public init(dore: MaterialTerms? = nil, artisanal: MaterialTerms? = nil, ore: MaterialTerms? = nil) {
        self.dore = dore
        self.artisanal = artisanal
        self.ore = ore
    }

    /// The terms of `kind`, or all zeros when absent.
    public subscript(kind: MaterialKind) -> MaterialTerms {
        get {
            let terms: MaterialTerms?
            switch kind {
            case .dore: terms = dore
            case .artisanal: terms = artisanal
            case .ore: terms = ore
            }
            return terms ?? MaterialTerms(refiningChargeUsdPerOzGross: 0, penaltyUsdPerOzGross: 0, purchaseMargin: 0)
        }
        set {
            switch kind {
            case .dore: dore = newValue
            case .artisanal: artisanal = newValue
            case .ore: ore = newValue
            }
        }
    }
}

/// The charges on one kind of material.
public struct MaterialTerms: Codable, Sendable, Equatable {
    /// Refining charge, USD per troy ounce of gross weight received.
    public var refiningChargeUsdPerOzGross: Double
    /// Average impurity penalty, USD per troy ounce of gross weight received.
    public var penaltyUsdPerOzGross: Double
    /// For gold the refiner buys outright: its margin, as a fraction of the fine gold's value
    /// (it pays 1 − margin). 0 for toll-refined material.
    public var purchaseMargin: Double

    /// Creates the charges on one kind; the parameters are the properties of the same names.
    public init(refiningChargeUsdPerOzGross: Double, penaltyUsdPerOzGross: Double, purchaseMargin: Double) {
        self.refiningChargeUsdPerOzGross = refiningChargeUsdPerOzGross
        self.penaltyUsdPerOzGross = penaltyUsdPerOzGross
        self.purchaseMargin = purchaseMargin
    }
}
