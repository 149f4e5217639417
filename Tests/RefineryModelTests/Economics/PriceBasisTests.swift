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

    /// The pencil case with the investment in the first horizon year, no income or minimum
    /// tax, costs at 5% inflation and a 10% nominal rate.
    static func indexedCase(_ change: (inout Economics) -> Void = { _ in }) throws -> CashFlowModel {
        try model {
            $0.capital.investments[0].year = 2030
            $0.taxes.corporateIncomeTax = 0
            $0.taxes.minimumTaxOnTurnover = 0
            $0.valuation.inflation = 0.05
            $0.conventions?.indexPricesToInflation = true
            change(&$0)
        }
    }

    @Test func pricesChargesAndFeesAreIndexedLikeCosts() throws {
        let rows = try Self.indexedCase().cashFlows()
        let revenue = 100 * HandCheckedValuationTests.ozPerKg * 10 + 4 * 1000  // 36,150.75
        #expect(approximately(rows[0].revenue, revenue) && approximately(rows[1].revenue, revenue * 1.05))
        #expect(approximately(rows[1].staffMalian, 10_500))
        let flat = try Self.indexedCase { $0.conventions?.indexPricesToInflation = false }.cashFlows()
        #expect(approximately(flat[1].revenue, revenue) && approximately(flat[1].staffMalian, 10_500))
    }

    /// In real terms nothing inflates and the rate is Fisher's, (1.10 ÷ 1.05) − 1 = 4.7619%:
    /// the NPV equals the nominal NPV with everything indexed. Fails with the approximate
    /// rate 10% − 5% = 5%, or an index one year off.
    @Test func theRealNPVAtFishersRateEqualsTheIndexedNominalNPV() throws {
        let nominal = try Self.indexedCase().valuation(breakEvens: false)
        let real = try Self.indexedCase { $0.valuation.priceBasis = .real }.valuation(breakEvens: false)
        let fcf = 100 * HandCheckedValuationTests.ozPerKg * 10 + 4 * 1000 - 10_000  // 26,150.75
        let byHand = -1_000_000 + fcf + fcf * 1.05 / 1.10
        #expect(approximately(nominal.summary.projectNPVUsd, byHand))
        #expect(approximately(real.summary.projectNPVUsd, byHand))
        #expect(approximately(real.summary.discountRate, 1.10 / 1.05 - 1) && real.summary.priceBasis == .real)
        #expect(approximately(real.years[1].revenue, nominal.years[1].revenue / 1.05))
        // Flat nominal prices against inflating costs: the second year's margin shrinks.
        let flat = try Self.indexedCase { $0.conventions?.indexPricesToInflation = false }.valuation(breakEvens: false)
        let flatByHand = -1_000_000 + fcf + (fcf + 10_000 - 10_500) / 1.10
        #expect(approximately(flat.summary.projectNPVUsd, flatByHand))
    }

    /// Gordon at 2% on the last year's flow, 26,150.75 × 1.05 (no working capital here):
    /// TV = 27,458.29 × 1.02 ÷ (0.10 − 0.02) = 350,093.12, discounted one year to the start.
    @Test func aTerminalValueByHand() throws {
        let valuation = try Self.indexedCase { $0.valuation.terminalGrowth = 0.02 }.valuation(breakEvens: false)
        let fcf = 100 * HandCheckedValuationTests.ozPerKg * 10 + 4 * 1000 - 10_000
        let terminal = fcf * 1.05 * 1.02 / 0.08
        #expect(approximately(try #require(valuation.summary.terminalValueUsd), terminal))
        #expect(approximately(try #require(valuation.summary.terminalValueNPVUsd), terminal / 1.10))
        #expect(approximately(valuation.summary.projectNPVUsd, -1_000_000 + fcf + (fcf * 1.05 + terminal) / 1.10))
        #expect(approximately(valuation.summary.terminalValueUsd ?? 0, 350_093.12, absolute: 0.01))
        // Off by default.
        #expect(try Self.indexedCase().valuation(breakEvens: false).summary.terminalValueUsd == nil)
    }

    @Test func terminalGrowthMustBeBelowTheDiscountRate() {
        var scenario = Scenario.senouBase
        scenario.economics!.valuation.terminalGrowth = 0.14
        #expect(ScenarioValidator.problems(in: scenario).map(\.description)
                == ["economics.valuation.terminalGrowth: 0.14 must be above -1 and below the discount rate (0.14): a Gordon terminal value needs growth < rate"])
        scenario.economics!.valuation.terminalGrowth = 0.02
        #expect(ScenarioValidator.problems(in: scenario).isEmpty)
    }
}
