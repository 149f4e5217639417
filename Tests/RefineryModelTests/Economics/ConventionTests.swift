import Testing
@testable import RefineryModel

/// The accounting conventions (issue 13, item 1), each checked by hand on a small case built
/// from ``HandCheckedValuationTests``: two operating years (2030, 2031) of 100 kg gross of doré
/// (88 kg fine, tolled at 10 USD/oz gross) and 20 kg gross of artisanal gold (18 kg fine,
/// bought at a 2% margin), gold at 3,000 USD/oz, payable 99.9%, 10 kg of gold in process on
/// average and 2 kg locked in units. Every honest default is checked against its hand figure,
/// and each earlier convention is reproduced behind its switch.
@Suite struct ConventionTests {
    static let oz = HandCheckedValuationTests.ozPerKg
    static let gold = 3000.0

    /// The small case, every convention at its honest default unless `earlier`.
    static func scenario(earlier: Bool = false) -> Scenario {
        var scenario = HandCheckedValuationTests.scenario()
        scenario.economics!.conventions = nil
        scenario.economics!.taxes.turnoverIncludesGoldSales = nil
        scenario.economics!.terms.goldPayable = 0.999
        scenario.economics!.terms.byKind.artisanal = MaterialTerms(refiningChargeUsdPerOzGross: 0, penaltyUsdPerOzGross: 0, purchaseMargin: 0.02)
        if earlier { scenario.economics!.useEarlierConventions() }
        return scenario
    }

    /// One year's volumes; `processed` is the share of the intake finished in the year.
    static func volumes(_ year: Int, processed: Double = 1) -> ProcessVolumes {
        ProcessVolumes(year: year, lots: 4, grossKgByKind: [100, 20, 0], goldKgByKind: [88, 18, 0], domesticGoldKg: 106, domesticGrossKg: 120,
                       goldProcessedKg: 106 * processed, goldRefinedKg: 106 * processed, silverProcessedKg: 0, silverRefinedKg: 0,
                       averageGoldInProcessKg: 10, lockedGoldKg: 2, capacityRatio: 10)
    }

    static func rows(_ scenario: Scenario, processed: Double = 1) throws -> [CashFlowYear] {
        try CashFlowModel(scenario: scenario, volumes: [volumes(2030, processed: processed), volumes(2031, processed: processed)]).cashFlows()
    }

    @Test func defaultsAreTheHonestConventions() {
        let resolved = Conventions().resolved
        #expect(!resolved.metalGainOnPurchasedGold && resolved.ownedGoldWorkingCapital && resolved.distributableProfitTest)
        #expect(resolved.capexOnlyForBuiltExpansions && resolved.separateCostOfEquity && resolved.chargeOnProcessedGold)
        #expect(Scenario.senouBase.economics!.turnoverIncludesGoldSales)
        var earlier = Scenario.senouBase.economics!
        earlier.useEarlierConventions()
        #expect(earlier.resolvedConventions == Conventions.earlier.resolved && !earlier.turnoverIncludesGoldSales)
    }

    /// (a) Bought gold was paid on its full assay: the 0.1% payable gap is earned on the 88 kg
    /// of toll gold only; the earlier convention earns it on all 106 kg.
    @Test func noMetalGainOnBoughtGold() throws {
        let honest = try Self.rows(Self.scenario())[1]
        #expect(approximately(honest.metalGain, 0.001 * 88 * Self.oz * Self.gold))
        let earlier = try Self.rows(Self.scenario(earlier: true))[1]
        #expect(approximately(earlier.metalGain, 0.001 * 106 * Self.oz * Self.gold))
        // A 1% loss of bought gold is the refinery's: 106 kg processed, 104.94 kg refined.
        var lossy = Self.volumes(2030)
        lossy.goldRefinedKg = 106 - 1.06
        let model = try CashFlowModel(scenario: Self.scenario(), volumes: [lossy, Self.volumes(2031)])
        #expect(approximately(model.cashFlows()[1].metalGain, (104.94 - 0.999 * 88 - 18) * Self.oz * Self.gold))
    }

    /// (b) Bar receivables on bought gold and a gold loan on the owned gold at 6%.
    @Test func ownedGoldWorkingCapitalAndGoldLoan() throws {
        let rows = try Self.rows(Self.scenario())
        let inventory = (2 + 10 * 18.0 / 106) * Self.oz * Self.gold       // locked + bought gold in process
        let receivables = 10.0 / 365 * 18 * Self.oz * Self.gold          // 10 days of bar sales of bought gold
        let loan = inventory + receivables
        #expect(approximately(rows[1].workingCapital, loan))
        #expect(approximately(rows[1].goldLoanOutstanding, loan))
        #expect(approximately(rows[1].goldLoanInterest, 0.06 * loan))
        #expect(approximately(rows[2].goldLoanInterest, 0.06 * loan))    // the last year's holding, repaid at its end
        #expect(rows[2].goldLoanOutstanding == 0 && rows[2].workingCapital == 0)
        for row in rows where row.operating {
            // The loan funds the working capital: equity sees only the interest (no debt here).
            #expect(approximately(row.taxableIncome, row.ebitda - row.depreciation - row.goldLoanInterest))
            #expect(approximately(row.freeCashFlowToEquity, row.ebitda - row.corporateTax - row.goldLoanInterest - row.capex - row.sustainingCapex,
                                  absolute: 1e-6))
        }
        let earlier = try Self.rows(Self.scenario(earlier: true))
        #expect(approximately(earlier[1].workingCapital, inventory))
        #expect(earlier.allSatisfy { $0.goldLoanInterest == 0 && $0.goldLoanOutstanding == 0 })
        // Receivables are the only extra investment of the firm.
        #expect(approximately(rows[1].freeCashFlowToFirm - earlier[1].freeCashFlowToFirm,
                              -receivables - (rows[1].unleveredTax - earlier[1].unleveredTax) + (rows[1].ebitda - earlier[1].ebitda), absolute: 1e-6))
    }

    /// (c) The minimum tax's turnover counts the bars sold from bought gold.
    @Test func minimumTaxTurnoverIncludesGoldSales() throws {
        let row = try Self.rows(Self.scenario())[1]
        let sales = 18 * Self.oz * Self.gold
        #expect(approximately(row.taxTurnover, row.revenue + sales - 0.02 * sales))
        var earlierTax = Self.scenario()
        earlierTax.economics!.taxes.turnoverIncludesGoldSales = false
        let earlier = try Self.rows(earlierTax)[1]
        #expect(approximately(earlier.taxTurnover, earlier.revenue))
    }

    /// (d) Losses (depreciation of 500,000 a year) keep retained earnings negative: no dividend
    /// is paid before the last year, which returns the cash kept.
    @Test func dividendsOnlyOutOfDistributableProfit() throws {
        let model = try CashFlowModel(scenario: Self.scenario(), volumes: [Self.volumes(2030), Self.volumes(2031)])
        let rows = model.cashFlows()
        let fcfe = rows.map(\.freeCashFlowToEquity)
        #expect(fcfe[1] > 0 && rows[1].taxableIncome < 0)
        let paid = model.equityDistributions(rows)
        #expect(approximately(paid[0], fcfe[0]) && paid[1] == 0 && approximately(paid[2], fcfe[1] + fcfe[2]))
        let state = try #require(model.valuation().holders.first { $0.id == "state" })
        #expect(approximately(state.grossFlows[1], 0) && approximately(state.grossFlows[2], 0.6 * (fcfe[1] + fcfe[2])))
        // With profits: a year whose net income is 100 sets 10 aside for the legal reserve (a
        // tenth, under its ceiling of a fifth of the 200 called), pays 90 of its 150 and keeps 60.
        var earlierModel = try CashFlowModel(scenario: Self.scenario(earlier: true), volumes: [Self.volumes(2030), Self.volumes(2031)])
        #expect(earlierModel.equityDistributions(rows) == fcfe)
        earlierModel = try CashFlowModel(scenario: Self.scenario(), volumes: [Self.volumes(2030), Self.volumes(2031)])
        var profitable = rows
        profitable[0].taxableIncome = 0; profitable[0].corporateTax = 0; profitable[0].freeCashFlowToEquity = -200
        profitable[1].taxableIncome = 130; profitable[1].corporateTax = 30; profitable[1].freeCashFlowToEquity = 150
        profitable[2].taxableIncome = 10; profitable[2].corporateTax = 0; profitable[2].freeCashFlowToEquity = 20
        #expect(earlierModel.equityDistributions(profitable) == [-200, 90, 80])
        // The reserve stops at a fifth of the share capital: 40 of a profit of 1,000.
        var large = profitable
        large[1].taxableIncome = 1000; large[1].corporateTax = 0; large[1].freeCashFlowToEquity = 1500
        #expect(earlierModel.equityDistributions(large) == [-200, 960, 560])
        // Earlier losses come off first: after a loss of 50, a profit of 100 sets aside a tenth of 50.
        var recovering = profitable
        recovering[0].taxableIncome = -50
        #expect(earlierModel.equityDistributions(recovering) == [-200, 45, 125])
    }

    /// (e) A phase-2 investment is spent only when the plant has the phase-2 expansion.
    @Test func capexOnlyForExpansionsThatExist() throws {
        var scenario = Self.scenario()
        scenario.economics!.capital.investments.append(Investment(name: "phase 2", year: 2030, usd: 200_000, localShare: 0, expansion: "phase 2"))
        scenario.plant.expansions = []
        #expect(try Self.rows(scenario)[1].capex == 0)
        scenario.economics!.conventions = Conventions(capexOnlyForBuiltExpansions: false)
        #expect(try Self.rows(scenario)[1].capex == 200_000)
        scenario.economics!.conventions = nil
        scenario.plant.expansions = [Expansion(year: 2030, name: "phase 2", nameplateTonnesPerYear: 200, units: [:])]
        #expect(try Self.rows(scenario)[1].capex == 200_000)
    }

    /// (f) FCFE at the cost of equity: 10% levered at 40% debt and 8% interest is
    /// 10% + (10% − 8%) × 0.4 / 0.6 = 11.33%; FCFF stays at 10%.
    @Test func costOfEquityDistinctFromTheProjectRate() throws {
        var scenario = Self.scenario()
        scenario.economics!.financing = Financing(debtShare: 0.4, interestRate: 0.08, tenorYears: 2, lenderMalian: false)
        let model = try CashFlowModel(scenario: scenario, volumes: [Self.volumes(2030), Self.volumes(2031)])
        let valuation = model.valuation(breakEvens: false)
        let rate = 0.1 + 0.02 * 0.4 / 0.6
        #expect(approximately(valuation.summary.costOfEquity ?? 0, rate))
        #expect(approximately(valuation.summary.equityNPVUsd, FinancialMath.npv(rate: rate, valuation.years.map(\.freeCashFlowToEquity))))
        #expect(approximately(valuation.summary.projectNPVUsd, FinancialMath.npv(rate: 0.1, valuation.years.map(\.freeCashFlowToFirm))))
        scenario.economics!.valuation.costOfEquity = 0.2
        #expect(try CashFlowModel(scenario: scenario, volumes: model.volumes).costOfEquity() == 0.2)
        scenario.economics!.conventions = Conventions(separateCostOfEquity: false)
        let earlier = try CashFlowModel(scenario: scenario, volumes: model.volumes).valuation(breakEvens: false)
        #expect(earlier.summary.costOfEquity == 0.1)
        #expect(approximately(earlier.summary.equityNPVUsd, FinancialMath.npv(rate: 0.1, earlier.years.map(\.freeCashFlowToEquity))))
    }

    /// (g) Half the intake is processed in the year (a backlog): only that half is billed.
    @Test func chargesOnlyOnGoldProcessed() throws {
        let honest = try Self.rows(Self.scenario(), processed: 0.5)[1]
        #expect(approximately(honest.refiningCharges, 10 * 100 * 0.5 * Self.oz))
        #expect(approximately(honest.lotFees, 4 * 1000 * 0.5))
        #expect(approximately(honest.purchaseMargin, 0.02 * 18 * 0.5 * Self.oz * Self.gold))
        let earlier = try Self.rows(Self.scenario(earlier: true), processed: 0.5)[1]
        #expect(approximately(earlier.refiningCharges, 10 * 100 * Self.oz))
        #expect(approximately(earlier.lotFees, 4 * 1000))
        #expect(approximately(earlier.purchaseMargin, 0.02 * 18 * Self.oz * Self.gold))
    }

    /// mali-own-supply has no expansion: it no longer pays the 25 M phase-2 capex.
    @Test func maliOwnSupplyPaysNoPhaseTwo() throws {
        var scenario = try ScenarioLoader.embedded(named: "mali-own-supply")
        scenario.economics!.removeCustomsAndVat() // capex before customs duty
        #expect(try CashFlowModel(scenario: scenario).cashFlows().reduce(0) { $0 + $1.capex } == 80_000_000)
        scenario.economics!.conventions = Conventions(capexOnlyForBuiltExpansions: false)
        #expect(try CashFlowModel(scenario: scenario).cashFlows().reduce(0) { $0 + $1.capex } == 105_000_000)
    }
}

extension ConventionTests {
    @Test func badConventionInputsAreNamedByTheirPath() {
        var scenario = Scenario.senouBase
        scenario.economics!.capital.barSettlementDays = 400
        scenario.economics!.valuation.costOfEquity = 11
        let found = ScenarioValidator.problems(in: scenario).map(\.path)
        #expect(found == ["economics.capital.barSettlementDays", "economics.valuation.costOfEquity"])
    }
}
