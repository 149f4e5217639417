import Testing
@testable import RefineryModel

/// `economics.terms.bySource`: a source's gold priced apart from its kind's.
@Suite struct SourceTermsTests {
    static let ozPerKg = HandCheckedValuationTests.ozPerKg

    /// The hand-checked case with two doré sources: 88 kg of fine gold (100 kg gross) from a
    /// Malian mine and 40 kg (50 kg gross at 80%) from a Burkina mine, each horizon year.
    static func scenario(bySource: [String: SourceTerms]?) -> Scenario {
        var scenario = HandCheckedValuationTests.scenario()
        let mali = scenario.intake.sources[0]
        var burkina = mali
        burkina.id = "burkina-dore"
        burkina.country = "BF"
        burkina.assay = Assay(gold: 0.8, silver: 0.12)
        var malian = mali
        malian.id = "mali-dore"
        malian.kind = .dore
        malian.assay = Assay(gold: 0.88, silver: 0.08)
        scenario.intake.sources = [malian, burkina]
        scenario.economics!.terms.bySource = bySource
        return scenario
    }

    static func volumes(_ year: Int) -> ProcessVolumes {
        ProcessVolumes(year: year, lots: 4, grossKgByKind: [150, 0, 0], goldKgByKind: [128, 0, 0], domesticGoldKg: 88, domesticGrossKg: 100,
                       goldProcessedKg: 128, goldRefinedKg: 128, silverProcessedKg: 0, silverRefinedKg: 0,
                       averageGoldInProcessKg: 0, lockedGoldKg: 0, capacityRatio: 10, domesticGoldKgByKind: [88, 0, 0],
                       goldKgBySource: ["mali-dore": 88, "burkina-dore": 40])
    }

    static func model(_ bySource: [String: SourceTerms]?) throws -> CashFlowModel {
        try CashFlowModel(scenario: scenario(bySource: bySource), volumes: [volumes(2030), volumes(2031)])
    }

    @Test func anOverriddenSourcePaysItsOwnChargeAndPenalty() throws {
        let model = try Self.model(["burkina-dore": SourceTerms(refiningChargeUsdPerOzGross: 3, penaltyUsdPerOzGross: 2)])
        let row = model.cashFlows()[1]
        // Mali: 100 kg gross at the kind's 10 USD/oz and no penalty; Burkina: 50 kg gross at 3 + 2 USD/oz.
        let charges = (100 * 10 + 50 * 3) * Self.ozPerKg
        let penalties = 50 * 2 * Self.ozPerKg
        #expect(approximately(row.refiningCharges, charges))
        #expect(approximately(row.penalties, penalties))
        #expect(approximately(row.revenue, charges + penalties + 4 * 1000))
        // Without the override both pay the kind's 10 USD/oz on 150 kg.
        #expect(approximately(try Self.model(nil).cashFlows()[1].revenue, 150 * 10 * Self.ozPerKg + 4 * 1000))
    }

    @Test func termsEqualToTheKindsChangeNoBit() throws {
        for name in ["senou-base", "regional-hub-200t"] {
            var scenario = try ScenarioLoader.embedded(named: name)
            scenario.economics!.terms.bySource = nil
            let base = try CashFlowModel(scenario: scenario)
            var same = scenario
            let byKind = scenario.economics!.terms.byKind
            same.economics!.terms.bySource = Dictionary(uniqueKeysWithValues: scenario.intake.sources.map {
                let kind = byKind[$0.kind]
                return ($0.id, SourceTerms(refiningChargeUsdPerOzGross: kind.refiningChargeUsdPerOzGross,
                                           penaltyUsdPerOzGross: kind.penaltyUsdPerOzGross, purchaseMargin: kind.purchaseMargin))
            })
            let equal = try CashFlowModel(scenario: same)
            #expect(equal.sourcePricing.count == scenario.intake.sources.count)
            var adjusted = Adjustments()
            adjusted.refiningCharges = 1.3
            adjusted.artisanalVolume = 1.2
            adjusted.intake = 0.9
            for adjustments in [Adjustments.none, adjusted] {
                #expect(base.cashFlows(with: adjustments) == equal.cashFlows(with: adjustments), "\(name)")
                #expect(base.sensitivityFigures(adjustments) == equal.sensitivityFigures(adjustments), "\(name)")
            }
            let valuation = base.valuation(breakEvens: false)
            #expect(base.fiscalView(of: valuation, marginal: false) == equal.fiscalView(of: equal.valuation(breakEvens: false), marginal: false))
        }
    }

    @Test func theCounterfactualUsesADomesticSourcesOwnCharge() throws {
        let plain = try Self.model(nil)
        let own = try Self.model(["mali-dore": SourceTerms(refiningChargeUsdPerOzGross: 4)])
        let a = plain.fiscalView(of: plain.valuation(breakEvens: false), marginal: false).doreExport
        let b = own.fiscalView(of: own.valuation(breakEvens: false), marginal: false).doreExport
        for (x, y) in zip(a.years, b.years) where x.year >= 2030 {
            // The Malian mine pays 4 instead of 10 USD/oz on its 100 kg gross: its net-back rises by 6 × 100 kg.
            #expect(approximately(y.minesNetBackChange - x.minesNetBackChange, 6 * 100 * Self.ozPerKg))
            #expect(approximately(y.minesGoldOz, 88 * Self.ozPerKg))
        }
        // The Burkina source's own charge does not touch the mines' change: it is not Malian.
        let foreign = try Self.model(["burkina-dore": SourceTerms(refiningChargeUsdPerOzGross: 4)])
        let c = foreign.fiscalView(of: foreign.valuation(breakEvens: false), marginal: false).doreExport
        #expect(approximately(c.total.minesNetBackChange, a.total.minesNetBackChange))
    }

    @Test func aSourceWithAMarginIsBoughtAndLeavesTheMines() throws {
        let plain = try Self.model(nil)
        let bought = try Self.model(["mali-dore": SourceTerms(purchaseMargin: 0.02)])
        let row = bought.cashFlows()[1]
        // 2% of 88 kg at 3,000 USD/oz; no refining charge is waived (the kind's charge stays).
        #expect(approximately(row.purchaseMargin, 0.02 * 88 * Self.ozPerKg * 3000))
        #expect(approximately(row.refiningCharges, plain.cashFlows()[1].refiningCharges))
        // The minimum tax's turnover counts the resale of the bought gold (SYSCOHADA, the default).
        var honest = Self.scenario(bySource: ["mali-dore": SourceTerms(purchaseMargin: 0.02)])
        honest.economics!.conventions = nil
        honest.economics!.taxes.turnoverIncludesGoldSales = true
        let sales = try CashFlowModel(scenario: honest, volumes: [Self.volumes(2030), Self.volumes(2031)]).cashFlows()[1]
        #expect(approximately(sales.taxTurnover, sales.revenue + 88 * Self.ozPerKg * 3000 * (1 - 0.02)))
        // The mines' change leaves the bought gold out.
        let export = bought.fiscalView(of: bought.valuation(breakEvens: false), marginal: false).doreExport
        #expect(export.total.minesGoldOz == 0)
    }

    @Test func theArtisanalMarginAdjustmentSparesASourceWithItsOwnMargin() throws {
        let scenario = Scenario.senouBase
        let artisanal = try #require(scenario.intake.sources.first { $0.kind == .artisanal })
        var own = scenario
        own.economics!.terms.bySource = [artisanal.id: SourceTerms(purchaseMargin: scenario.economics!.terms.byKind[.artisanal].purchaseMargin)]
        let plain = try CashFlowModel(scenario: scenario), fixed = try CashFlowModel(scenario: own)
        var higher = Adjustments()
        higher.artisanalPurchaseMargin = 0.03
        let t = try #require(plain.cashFlows().firstIndex { $0.operating && $0.purchaseMargin > 0 })
        #expect(approximately(plain.cashFlows(with: higher)[t].purchaseMargin, 2 * plain.cashFlows()[t].purchaseMargin))
        #expect(approximately(fixed.cashFlows(with: higher)[t].purchaseMargin, fixed.cashFlows()[t].purchaseMargin))
        // A uniform charge still replaces every source's charge.
        var uniform = Adjustments()
        uniform.uniformRefiningChargeUsdPerOzGross = 2
        let charged = try Self.model(["burkina-dore": SourceTerms(refiningChargeUsdPerOzGross: 3)]).cashFlows(with: uniform)[1]
        #expect(approximately(charged.refiningCharges, 150 * 2 * Self.ozPerKg))
    }

    @Test func anUnknownSourceIdIsAProblemAtItsPath() {
        var scenario = Scenario.senouBase
        scenario.economics!.terms.bySource = ["regional-dore": SourceTerms(refiningChargeUsdPerOzGross: 1),
                                              "mali-industrial": SourceTerms(refiningChargeUsdPerOzGross: -1, purchaseMargin: 1)]
        let problems = ScenarioValidator.problems(in: scenario).map(\.description)
        #expect(problems.contains(#"economics.terms.bySource.regional-dore: "regional-dore" is not the id of a source in intake.sources (one of "mali-industrial", "mali-artisanal")"#))
        #expect(problems.contains { $0.hasPrefix("economics.terms.bySource.mali-industrial.refiningChargeUsdPerOzGross: -1 ") })
        #expect(problems.contains("economics.terms.bySource.mali-industrial.purchaseMargin: 1 is not a fraction in [0, 1)"))
    }

    @Test func theCommandLineSetsASourcesTerms() throws {
        let hub = try ScenarioLoader.load(json: try ScenarioLoader.embeddedDocument(named: "regional-hub-200t"),
                                          overrides: [try ScenarioOverride(parsing: "economics.terms.bySource.regional-dore.refiningChargeUsdPerOzGross=0.5")])
        #expect(hub.economics?.terms.bySource?["regional-dore"]?.refiningChargeUsdPerOzGross == 0.5)
        // A scenario without bySource gets the object, and the source's entry, created.
        let base = try ScenarioLoader.load(json: try ScenarioLoader.embeddedDocument(named: "senou-base"),
                                           overrides: [try ScenarioOverride(parsing: "economics.terms.bySource.mali-industrial.penaltyUsdPerOzGross=0.5")])
        #expect(base.economics?.terms.bySource?["mali-industrial"] == SourceTerms(penaltyUsdPerOzGross: 0.5))
        // An unknown id is the validator's problem, with its path.
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.load(json: try ScenarioLoader.embeddedDocument(named: "senou-base"),
                                    overrides: [try ScenarioOverride(parsing: "economics.terms.bySource.nowhere.refiningChargeUsdPerOzGross=1")])
        }
    }
}

/// The artisanal price bound reads the margins sources set for themselves.
@Suite struct SourceTermsPriceBoundTests {
    @Test func theBoundTakesTheHighestArtisanalMarginInForce() throws {
        var scenario = Scenario.senouBase
        let artisanal = try #require(scenario.intake.sources.first { $0.kind == .artisanal })
        scenario.economics!.terms.bySource = [artisanal.id: SourceTerms(purchaseMargin: 0.05)]
        let model = try CashFlowModel(scenario: scenario)
        let bound = try #require(model.fiscalView(of: model.valuation(breakEvens: false), marginal: false).artisanalPriceBound)
        // The only artisanal source sets its own 5%: the kind's 1.5% is in force nowhere.
        #expect(bound.purchaseMargin == 0.05)
        #expect(bound.maximumPurchaseMargin < 0.05 && bound.note != nil)
        // Its own margin of 0 makes it tolled: no artisanal gold is bought, so no bound.
        scenario.economics!.terms.bySource = [artisanal.id: SourceTerms(purchaseMargin: 0)]
        let tolled = try CashFlowModel(scenario: scenario)
        #expect(tolled.fiscalView(of: tolled.valuation(breakEvens: false), marginal: false).artisanalPriceBound == nil)
    }
}
