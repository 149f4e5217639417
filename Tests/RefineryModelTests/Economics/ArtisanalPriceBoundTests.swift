import Foundation
import Testing
@testable import RefineryModel

/// The artisanal purchase margin bounded by the UAE channel, checked by hand against its
/// written definition: trader margin + (re-refining + freight) ÷ gold price.
@Suite struct ArtisanalPriceBoundTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)) }

    @Test func theBaseMarginExceedsWhatTheUAEChannelAllows() throws {
        // Hand-checked at the scenario's flat 3,435 USD/oz (prices not indexed: with indexing the
        // highest operating-year price is higher and the bound lower, see the last test).
        var scenario = Scenario.senouBase
        scenario.economics!.conventions = Conventions(indexPricesToInflation: false)
        let bound = try #require(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).fiscal?.artisanalPriceBound)
        // 1.10 USD/oz of re-refining (Gulf News 2010) + 0.25 of freight, at 3,435 USD/oz, no trader margin.
        #expect(close(bound.maximumPurchaseMargin, (1.10 + 0.25) / 3435))
        #expect(bound.maximumPurchaseMargin > 0.00039 && bound.maximumPurchaseMargin < 0.000394)
        #expect(bound.purchaseMargin == 0.015)
        let note = try #require(bound.note)
        #expect(note.hasPrefix("the artisanal purchase margin 1.5% exceeds the 0.04% the UAE channel allows"))
    }

    @Test func aTraderMarginWidensTheBoundAndTheNoteGoes() throws {
        var scenario = Scenario.senouBase
        scenario.economics!.conventions = Conventions(indexPricesToInflation: false)
        let flat = scenario
        scenario.economics!.fiscal = FiscalInputs(uaeReRefiningUsdPerOzFine: 1.25, uaeFreightUsdPerOzFine: 0.5, uaeTraderMargin: 0.02)
        let bound = try #require(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).fiscal?.artisanalPriceBound)
        #expect(close(bound.maximumPurchaseMargin, 0.02 + 1.75 / 3435))
        #expect(bound.note == nil, "1.5% is below 2.05%")
        // Only the fiscal view reads these inputs: the project's cash flows do not move.
        #expect(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).summary == CashFlowModel(scenario: flat).valuation(breakEvens: false).summary)

        // With prices indexed (the default) the channel's costs move with the gold price, so on
        // the scenario's flat price path the bound is the same in every year: (1.10 + 0.25) ÷ 3,435,
        // taken in dollars of whichever year it is read in (the first, where ties are kept).
        let model = EmbeddedModels.base
        let indexed = try #require(model.valuation(breakEvens: false).fiscal?.artisanalPriceBound)
        let economics = model.economics
        let operating = model.cashFlows().filter(\.operating)
        let byYear = operating.map { row in
            (1.10 + 0.25) * economics.priceIndex(operatingYear: row.year - operating[0].year) / row.goldPriceUsdPerOz
        }
        #expect(close(indexed.maximumPurchaseMargin, byYear.min()!))
        #expect(abs(indexed.maximumPurchaseMargin - (1.10 + 0.25) / 3435) <= 1e-12)
        #expect(close(indexed.maximumPurchaseMargin, (indexed.reRefiningUsdPerOzFine + indexed.freightUsdPerOzFine) / indexed.goldPriceUsdPerOz))
        // The index is the cost inflation's, year by year.
        #expect(close(economics.priceIndex(operatingYear: 3), pow(1 + economics.valuation.inflation, 3)))
    }

    @Test func noBoundWhenNoArtisanalGoldIsBought() throws {
        var scenario = Scenario.senouBase
        scenario.economics!.terms.byKind.artisanal!.purchaseMargin = 0
        scenario.economics!.uncertainties.removeAll { $0.input == .artisanalPurchaseMargin }
        #expect(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).fiscal?.artisanalPriceBound == nil)
    }

    @Test func badChannelInputsAreNamedByTheirPath() {
        var scenario = Scenario.senouBase
        scenario.economics!.fiscal = FiscalInputs(uaeReRefiningUsdPerOzFine: -1, uaeFreightUsdPerOzFine: .infinity, uaeTraderMargin: 1)
        let found = ScenarioValidator.problems(in: scenario).map(\.path)
        #expect(found == ["economics.fiscal.uaeReRefiningUsdPerOzFine", "economics.fiscal.uaeFreightUsdPerOzFine", "economics.fiscal.uaeTraderMargin"])
    }
}
