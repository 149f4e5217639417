/// An intake source whose terms ``CommercialTerms/bySource`` overrides, with its gold and gross
/// mass year by year, prepared once by ``CashFlowModel``'s `init` so that each evaluation reads
/// arrays, not dictionaries.
///
/// Its gold is priced apart from its kind's by adding, to the kind's charges on the whole
/// kind, the difference between the source's terms in force and the kind's (and moving its
/// gold between bought and tolled when its own margin says so). A scenario without overrides,
/// or with overrides equal to its kinds' terms, so adds exact zeros: its figures are those of
/// pricing by kind alone, bit for bit.
struct SourcePricing: Sendable {
    /// The source's id.
    let id: String
    /// The index of its kind in `MaterialKind.allCases`.
    let kind: Int
    /// Whether its kind is artisanal (the artisanal volume factor scales its gold).
    let artisanal: Bool
    /// Whether it lies in the counterfactual's origin country.
    let domestic: Bool
    /// Its own terms, field by field over its kind's.
    let terms: SourceTerms
    /// Fine gold received, kg, per horizon year.
    let goldKg: [Double]
    /// Gross mass received, kg, per horizon year: the gold ÷ the source's gold assay (each
    /// lot's gold is its gross mass × that assay).
    let grossKg: [Double]

    /// The overridden sources of `scenario` (in the scenario's order) with their volumes.
    static func make(scenario: Scenario, economics: Economics, volumes: [ProcessVolumes]) -> [SourcePricing] {
        guard let bySource = economics.terms.bySource, !bySource.isEmpty else { return [] }
        let kinds = MaterialKind.allCases
        return scenario.intake.sources.compactMap { source -> SourcePricing? in
            guard let terms = bySource[source.id], let k = kinds.firstIndex(of: source.kind) else { return nil }
            let gold = volumes.map { $0.goldKgBySource[source.id] ?? 0 }
            let assay = source.assay.gold
            return SourcePricing(id: source.id, kind: k, artisanal: source.kind == .artisanal,
                                 domestic: source.country == economics.counterfactual.originCountry, terms: terms,
                                 goldKg: gold, grossKg: gold.map { assay > 0 ? $0 / assay : 0 })
        }
    }
}

/// The terms in force for each kind under some ``Adjustments``, indexed like
/// `MaterialKind.allCases`.
struct KindTermsInForce {
    /// Refining charge, USD per gross oz (a uniform charge, or the kind's × the factor).
    let charges: [Double]
    /// Penalty, USD per gross oz.
    let penalties: [Double]
    /// Purchase margin (the artisanal margin adjustment replaces the artisanal kind's).
    let margins: [Double]
    /// Whether the kind's gold is bought: its margin in the scenario is above 0.
    let bought: [Bool]
}

/// The terms in force for one overridden source under some ``Adjustments``, beside its kind's.
struct SourceTermsInForce {
    /// The source and its volumes.
    let source: SourcePricing
    /// The factor on its volumes (the artisanal volume factor for artisanal sources, else 1).
    let volumeFactor: Double
    /// Its refining charge: a uniform charge when one is set, else its own (or its kind's) × the factor.
    let charge: Double
    /// Its penalty.
    let penalty: Double
    /// Its purchase margin: its own when it sets one, else its kind's in force.
    let margin: Double
    /// Whether its gold is bought: its margin in the scenario is above 0.
    let bought: Bool
}

extension CashFlowModel {
    /// Each kind's terms under `adjustments`.
    func kindTermsInForce(_ adjustments: Adjustments) -> KindTermsInForce {
        let byKind = economics.terms.byKind
        let kinds = MaterialKind.allCases
        return KindTermsInForce(
            charges: kinds.map { adjustments.uniformRefiningChargeUsdPerOzGross ?? byKind[$0].refiningChargeUsdPerOzGross * adjustments.refiningCharges },
            penalties: kinds.map { byKind[$0].penaltyUsdPerOzGross },
            margins: kinds.map { ($0 == .artisanal ? adjustments.artisanalPurchaseMargin : nil) ?? byKind[$0].purchaseMargin },
            bought: kinds.map { byKind[$0].purchaseMargin > 0 })
    }

    /// The overridden sources' terms under `adjustments`, beside `kinds`, their kinds' terms in force.
    ///
    /// The adjustments act on a source as on the field it overrides: a uniform refining charge
    /// replaces every charge, the factor on refining charges multiplies the source's own, the
    /// artisanal volume factor scales an artisanal source's gold, and the artisanal purchase
    /// margin adjustment, which replaces `economics.terms.byKind.artisanal.purchaseMargin`,
    /// reaches the artisanal sources that keep their kind's margin, not one that sets its own.
    func sourceTermsInForce(_ adjustments: Adjustments, kinds: KindTermsInForce) -> [SourceTermsInForce] {
        guard !sourcePricing.isEmpty else { return [] }
        let byKind = economics.terms.byKind
        let all = MaterialKind.allCases
        return sourcePricing.map { p in
            let kind = byKind[all[p.kind]]
            return SourceTermsInForce(
                source: p, volumeFactor: p.artisanal ? adjustments.artisanalVolume : 1,
                charge: adjustments.uniformRefiningChargeUsdPerOzGross
                    ?? (p.terms.refiningChargeUsdPerOzGross ?? kind.refiningChargeUsdPerOzGross) * adjustments.refiningCharges,
                penalty: p.terms.penaltyUsdPerOzGross ?? kinds.penalties[p.kind],
                margin: p.terms.purchaseMargin ?? kinds.margins[p.kind],
                bought: (p.terms.purchaseMargin ?? kind.purchaseMargin) > 0)
        }
    }

    /// The highest artisanal purchase margin in force under `adjustments`: the artisanal
    /// kind's (unless every artisanal source sets its own) and each artisanal source's own.
    func artisanalPurchaseMarginInForce(_ adjustments: Adjustments) -> Double {
        let kindMargin = adjustments.artisanalPurchaseMargin ?? economics.terms.byKind[.artisanal].purchaseMargin
        let bySource = economics.terms.bySource ?? [:]
        let artisanal = scenario.intake.sources.filter { $0.kind == .artisanal }
        let own = artisanal.compactMap { bySource[$0.id]?.purchaseMargin }
        let kindInForce = artisanal.isEmpty || own.count < artisanal.count
        return (own + (kindInForce ? [kindMargin] : [])).max() ?? kindMargin
    }
}
