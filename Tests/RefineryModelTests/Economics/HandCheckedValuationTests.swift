import Testing
@testable import RefineryModel

/// A case small enough to check with a pencil: one investment, two operating years of 100 kg
/// of doré, one Malian employee, no debt, no inflation; every expected figure is worked out
/// below from the inputs, not from the model.
@Suite struct HandCheckedValuationTests {
    static let ozPerKg = 1000 / 31.1034768  // 32.150 746 6…

    static func scenario() -> Scenario {
        var scenario = Scenario.senouBase
        scenario.horizon = Horizon(firstYear: 2030, years: 2)
        let noTerms = MaterialTerms(refiningChargeUsdPerOzGross: 0, penaltyUsdPerOzGross: 0, purchaseMargin: 0)
        scenario.economics = Economics(
            prices: MetalPrices(goldUsdPerOz: [3000], silverUsdPerOz: [30]),
            terms: CommercialTerms(byKind: KindTerms(dore: MaterialTerms(refiningChargeUsdPerOzGross: 10, penaltyUsdPerOzGross: 0, purchaseMargin: 0),
                                                     artisanal: noTerms),
                                   goldPayable: 1, silverPayable: 1, lotFeeUsd: 1000, unaccreditedDiscountUsdPerOz: 0, yearsToAccreditation: 0),
            opex: OperatingCosts(staff: [StaffGroup(id: "malian", malian: true, fte: 1, usdPerFte: 10_000)],
                                 energy: Energy(fixedMWhPerYear: 0, kWhPerKgGold: 0, gridShare: 1, gridUsdPerKWh: 0.1, dieselLitresPerKWh: 0,
                                                dieselUsdPerLitre: 0, fuelAvailability: 1),
                                 insuranceRateOnInventory: 0, insuranceLocalShare: 0, lines: []),
            capital: Capital(investments: [Investment(name: "plant", year: 2029, usd: 1_000_000, localShare: 0.5)],
                             sustainingShare: 0, depreciationYears: 2, receivableDays: 0),
            financing: Financing(debtShare: 0, interestRate: 0.1, tenorYears: 5, lenderMalian: false),
            taxes: Taxes(corporateIncomeTax: 0.3, minimumTaxOnTurnover: 0.01, dividendWithholding: 0.1,
                         stateExemptFromWithholding: true, lossCarryForwardYears: 3),
            valuation: ValuationParameters(discountRate: 0.1, inflation: 0),
            counterfactual: Counterfactual(foreignRefiningUsdPerOzGross: 0.5, exportLogisticsUsdPerOzFine: 0.25, originCountry: "ML"))
        scenario.ownership = Ownership(holders: [
            Holder(id: "state", name: "State", share: 0.6, malian: true, kind: .state),
            Holder(id: "partner", name: "Partner", share: 0.4, malian: false, kind: .private),
        ])
        // The figures below pin the model's earlier conventions (every positive flow to equity a
        // dividend, equity at the project rate); ConventionTests checks the honest defaults.
        scenario.economics!.useEarlierConventions()
        // No customs duty or VAT here: CustomsAndVatTests hand-checks them on this case.
        scenario.economics!.removeCustomsAndVat()
        return scenario
    }

    static func volumes(_ year: Int) -> ProcessVolumes {
        ProcessVolumes(year: year, lots: 4, grossKgByKind: [100, 0, 0], goldKgByKind: [88, 0, 0], domesticGoldKg: 88, domesticGrossKg: 100,
                       goldProcessedKg: 88, goldRefinedKg: 88, silverProcessedKg: 0, silverRefinedKg: 0,
                       averageGoldInProcessKg: 0, lockedGoldKg: 0, capacityRatio: 10)
    }

    @Test func everyFigureByHand() throws {
        let model = try CashFlowModel(scenario: Self.scenario(), volumes: [Self.volumes(2030), Self.volumes(2031)])
        let valuation = model.valuation()
        #expect(model.years == [2029, 2030, 2031])

        let revenue = 100 * Self.ozPerKg * 10 + 4 * 1000           // 36,150.75: charges on 100 kg gross + 4 lot fees
        let minimumTax = 0.01 * revenue                              // taxable income 26,150.75 − 500,000 depreciation < 0
        let fcf = revenue - 10_000 - minimumTax                      // 25,789.24
        let expectedFlows = [-1_000_000, fcf, fcf]
        for (row, expected) in zip(valuation.years, expectedFlows) {
            #expect(approximately(row.freeCashFlowToFirm, expected))
            #expect(approximately(row.freeCashFlowToEquity, expected))
        }
        #expect(approximately(valuation.years[1].revenue, revenue))
        #expect(approximately(valuation.years[1].depreciation, 500_000))
        #expect(valuation.years[1].incomeTax == 0)
        #expect(approximately(valuation.years[1].minimumTaxTopUp, minimumTax))
        #expect(approximately(valuation.summary.projectNPVUsd, -1_000_000 + fcf / 1.1 + fcf / 1.21))
        #expect(valuation.summary.paybackYears == nil)
        #expect(approximately(valuation.summary.ebitdaMargin ?? .nan, (revenue - 10_000) / revenue))

        // Holders: contributions 60/40; dividends 60/40, 10% withheld from the partner only.
        let state = try #require(valuation.holders.first { $0.id == "state" })
        let partner = try #require(valuation.holders.first { $0.id == "partner" })
        #expect(approximately(state.contributionsUsd, 600_000))
        #expect(approximately(partner.contributionsUsd, 400_000))
        #expect(approximately(state.netDividendsUsd, 2 * 0.6 * fcf))
        #expect(approximately(partner.withholdingUsd, 2 * 0.1 * 0.4 * fcf))
        #expect(approximately(partner.npvUsd, -400_000 + 0.36 * fcf / 1.1 + 0.36 * fcf / 1.21))

        // Value added 2030: no intermediate consumption, so VA = revenue = wages + tax + surplus.
        let year = valuation.valueAdded.years[1]
        #expect(approximately(year.valueAdded, revenue))
        #expect(approximately(year.operatingSurplus, fcf))
        let avoided = 0.5 * 100 * Self.ozPerKg + 0.25 * 88 * Self.ozPerKg
        let capture = 10_000 + minimumTax + 0.1 * 0.4 * fcf + 0.6 * fcf + avoided
        #expect(approximately(year.nationalCapture, capture))
        #expect(approximately(year.captureShareOfGold ?? .nan, capture / (88 * Self.ozPerKg * 3000)))
        // Construction year: half the investment is spent locally.
        #expect(approximately(valuation.valueAdded.years[0].nationalCapture, 500_000))
    }

    @Test func carriedInterestSplitByHand() {
        let ownership = Ownership(holders: [
            Holder(id: "a", name: "A", share: 0.6, malian: true, kind: .state),
            Holder(id: "b", name: "B", share: 0.3, malian: false, kind: .private),
            Holder(id: "c", name: "C", share: 0.1, malian: true, kind: .state, carried: true, dividendsFrom: .payback),
        ])
        let taxes = Taxes(corporateIncomeTax: 0.3, minimumTaxOnTurnover: 0, dividendWithholding: 0.1, stateExemptFromWithholding: true, lossCarryForwardYears: 0)
        let holders = OwnershipSplit.split(equityFlows: [-90, 45, 72, 30], ownership: ownership, taxes: taxes, discountRate: 0.1)
        // −90 is called from A and B (2:1); 45 and 72 go to A and B until the 90 is back; 30 to all.
        let expected: [[Double]] = [[-60, 30, 48, 18], [-30, 15, 24, 9], [0, 0, 0, 3]]
        for (holder, flows) in zip(holders, expected) {
            for (found, want) in zip(holder.grossFlows, flows) { #expect(approximately(found, want)) }
        }
        #expect(approximately(holders[1].withholdingUsd, 4.8))
        #expect(holders[2].contributionsUsd == 0)
    }
}
