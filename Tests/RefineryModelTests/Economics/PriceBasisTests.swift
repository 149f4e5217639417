import Testing
@testable import RefineryModel

/// Currencies, the price basis and the terminal value, checked against hand computations on
/// the pencil-sized case of ``HandCheckedValuationTests``.
@Suite struct PriceBasisTests {
    static func model(_ change: (inout Economics) -> Void = { _ in }) throws -> CashFlowModel {
        var scenario = HandCheckedValuationTests.scenario()
        change(&scenario.economics!)
        return try CashFlowModel(scenario: scenario, volumes: [HandCheckedValuationTests.volumes(2030), HandCheckedValuationTests.volumes(2031)])
    }

    @Test func headlineFiguresInXOFAndEURAtTheInputRateAndTheFixedPeg() throws {
        let valuation = try Self.model { $0.currency = Currency(xofPerUsd: 600, basis: "test") }.valuation(breakEvens: false)
        let c = try #require(valuation.currencies)
        let npv = valuation.summary.projectNPVUsd
        #expect(c.xofPerUsd == 600 && c.xofPerEur == 655.957 && c.basis == "test")
        #expect(c.projectNPV.usd == npv)
        #expect(approximately(c.projectNPV.xof, npv * 600))
        #expect(approximately(c.projectNPV.eur, npv * 600 / 655.957))
        #expect(approximately(c.nationalCapture.xof, valuation.valueAdded.total.nationalCapture * 600))
        let state = try #require(c.stateNetCashNpv)
        #expect(approximately(state.eur, valuation.fiscal!.stateNetCashNpvUsd * 600 / 655.957))
        #expect(approximately(try #require(c.netGainToMali).usd, valuation.fiscal!.doreExport.presentValue.netGainToMali))
        // 1 M USD at 565 XOF/USD: 565 M XOF, 861 336.9 EUR.
        let million = MoneyAmount(usd: 1e6, xofPerUsd: 565)
        #expect(approximately(million.xof, 565e6) && approximately(million.eur, 861_336.9, absolute: 0.1))
    }

    @Test func theDollarRateDefaultsTo565AndIsFlaggedAnAssumption() throws {
        let c = try #require(try Self.model().valuation(breakEvens: false).currencies)
        #expect(c.xofPerUsd == 565 && c.basis.hasPrefix("assumption"))
    }

    @Test func aRateThatIsNotPositiveNamesItsPath() {
        var scenario = Scenario.senouBase
        scenario.economics!.currency = Currency(xofPerUsd: 0)
        #expect(ScenarioValidator.problems(in: scenario).map(\.description)
                == ["economics.currency.xofPerUsd: 0 is not an exchange rate (XOF per USD) in (0, 1000000]"])
    }
}
