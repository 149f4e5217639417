import Foundation
import Testing
@testable import RefineryModel

/// The fiscal view against its written definitions (IMF FARI), recomputed here from the
/// cash-flow years and the holders' flows, not from the view's own code.
@Suite struct FiscalViewTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(a), abs(b)) }

    /// Σ flow_t / (1 + rate)^t, t = 0 in the first timeline year.
    private func presentValue(_ flows: [Double], rate: Double) -> Double {
        flows.enumerated().reduce(0) { $0 + $1.element / pow(1 + rate, Double($1.offset)) }
    }

    @Test(arguments: Scenario.embeddedNames)
    func theStatesNetCashTakeAndAETRFollowTheirDefinitions(name: String) throws {
        let model = try #require(EmbeddedModels.all[name])
        let valuation = model.valuation(breakEvens: false)
        let fiscal = try #require(valuation.fiscal)
        let e = model.economics
        #expect(fiscal.inputs.governmentDiscountRate == 0.10)
        let interestRate = e.financing.lenderMalian ? 0 : FiscalInputs.Defaults.interestWithholding
        var stateNet: [Double] = [], preTax: [Double] = []
        for (t, row) in valuation.years.enumerated() {
            // Taxes: income tax + minimum-tax top-up + withholding on the private holders'
            // dividends + withholding on interest abroad + payroll taxes on Malian wages.
            let privateWithholding = valuation.holders.filter { $0.kind != .state }.reduce(0) { $0 + $1.grossFlows[t] - $1.netFlows[t] }
            // + customs duty and levies (opex and capitalised) + the VAT float (paid less refunded).
            let duties = row.importDuties + row.capexImportDuties
            let vatFloat = row.vatReceivable - (t > 0 ? valuation.years[t - 1].vatReceivable : 0)
            let taxes = row.corporateTax + privateWithholding + interestRate * row.interest + FiscalInputs.Defaults.payrollTaxes * row.staffMalian
                + duties + vatFloat
            // The state's equity: its holders' gross flows (dividends positive, calls negative).
            let equity = valuation.holders.filter { $0.kind == .state }.reduce(0) { $0 + $1.grossFlows[t] }
            stateNet.append(taxes + equity)
            // Pre-tax: the free cash flow to the firm before tax, with payroll taxes, duties and
            // the VAT float added back (all government revenue).
            preTax.append(row.freeCashFlowToFirm + row.unleveredTax + FiscalInputs.Defaults.payrollTaxes * row.staffMalian + duties + vatFloat)
            #expect(close(fiscal.years[t].stateNetCash, stateNet[t]), "\(name) \(row.year)")
            #expect(close(fiscal.years[t].preTaxNetCashFlow, preTax[t]), "\(name) \(row.year)")
            let instruments = FiscalInstrument.allCases.reduce(0) { $0 + fiscal.years[t].amount($1) }
            #expect(close(instruments, fiscal.years[t].stateNetCash, 1e-12), "state net cash = instruments − calls")
            #expect(fiscal.years[t].stateEquityCalls <= 0 && fiscal.years[t].stateDividends >= 0)
        }
        let state = valuation.holders.filter { $0.kind == .state }
        #expect(close(fiscal.total.stateDividends, state.reduce(0) { $0 + $1.grossDividendsUsd }))
        #expect(close(-fiscal.total.stateEquityCalls, state.reduce(0) { $0 + $1.contributionsUsd }))
        #expect(close(fiscal.stateNetCashNpvUsd, presentValue(stateNet, rate: 0.10)))

        let take = stateNet.reduce(0, +) / preTax.reduce(0, +)
        if preTax.reduce(0, +) > 0 {
            #expect(close(try #require(fiscal.governmentTake), take))
            #expect(fiscal.governmentTakeNote == nil)
        } else {
            #expect(fiscal.governmentTake == nil && fiscal.governmentTakeNote?.hasPrefix("undefined") == true)
        }
        let rate = 0.10 // FARI: one rate for both sides, the government rate
        let pvPreTax = presentValue(preTax, rate: rate)
        if pvPreTax > 0 {
            #expect(close(try #require(fiscal.aetr), presentValue(stateNet, rate: rate) / pvPreTax))
        } else {
            #expect(fiscal.aetr == nil && fiscal.aetrNote != nil)
        }
        // Post-tax = pre-tax − government revenue; no NaN or infinity anywhere in the view.
        #expect(zip(fiscal.years, zip(preTax, stateNet)).allSatisfy { close($0.postTaxNetCashFlow, $1.0 - $1.1) })
        try FiniteNumbers.check(fiscal, report: "fiscal view")
    }

    @Test func theTakeIsUndefinedWhenThePreTaxFlowIsNotPositive() throws {
        // senou-base: the project's pre-tax flow is negative over the timeline.
        let fiscal = try #require(EmbeddedModels.base.valuation(breakEvens: false).fiscal)
        #expect(fiscal.total.preTaxNetCashFlow <= 0)
        #expect(fiscal.governmentTake == nil && fiscal.aetr == nil)
        #expect(fiscal.progressivity.allSatisfy { $0.preTaxNetCashFlowUsd > 0 || $0.governmentTake == nil })
        // And in the JSON: absent, never NaN or inf.
        let json = try ReportJSON.encode(fiscal)
        #expect(!json.contains("\"governmentTake\"") && !json.contains("\"nan\"") && !json.contains("inf\""))
    }

    @Test func theTakeIsDefinedWhenThePreTaxFlowIsPositive() throws {
        let fiscal = try #require(EmbeddedModels.all["artisanal-formalised"]?.valuation(breakEvens: false).fiscal)
        let take = try #require(fiscal.governmentTake)
        #expect(take > 0 && take < 1)
        #expect(fiscal.total.preTaxNetCashFlow > 0)
        #expect(fiscal.preTaxIRR.rates.count == 1 && fiscal.postTaxIRR.rates.count == 1)
        #expect(fiscal.preTaxIRR.rates[0] > fiscal.postTaxIRR.rates[0], "government revenue lowers the IRR")
    }

    @Test(arguments: Scenario.embeddedNames)
    func progressivityMovesWithTheGoldPrice(name: String) throws {
        let fiscal = try #require(EmbeddedModels.all[name]?.valuation(breakEvens: false).fiscal)
        let points = fiscal.progressivity
        #expect(points.map(\.goldPriceFactor) == [0.8, 1.0, 1.2])
        // A higher gold price raises the pre-tax flow and what the state collects.
        #expect(points[0].preTaxNetCashFlowUsd < points[1].preTaxNetCashFlowUsd && points[1].preTaxNetCashFlowUsd < points[2].preTaxNetCashFlowUsd)
        #expect(points[0].governmentRevenueUsd <= points[1].governmentRevenueUsd && points[1].governmentRevenueUsd <= points[2].governmentRevenueUsd)
        // The 1.0 point is the view itself.
        #expect(close(points[1].governmentRevenueUsd, fiscal.total.stateNetCash) && points[1].governmentTake == fiscal.governmentTake)
    }

    @Test(arguments: Scenario.embeddedNames)
    func theCounterfactualCloses(name: String) throws {
        let model = try #require(EmbeddedModels.all[name])
        let valuation = model.valuation(breakEvens: false)
        let fiscal = try #require(valuation.fiscal)
        let d = fiscal.doreExport
        for (t, y) in d.years.enumerated() {
            // Net gain = refinery capture − the mines' loss; state = from the mines + from the refinery.
            #expect(close(y.netGainToMali, y.refineryCapture - (-y.minesNetBackChange), 1e-12))
            #expect(close(y.stateChange, y.stateChangeFromMines + fiscal.years[t].stateNetCash, 1e-12))
            #expect(close(y.refineryCapture, valuation.valueAdded.years[t].nationalCaptureExcludingAvoidedFees, 1e-12))
            // The state's part of the mines' change: 30% tax + 20% of the rest.
            #expect(close(y.stateChangeFromMines, (0.3 + 0.2 * 0.7) * y.minesNetBackChange, 1e-12))
        }
        #expect(close(d.presentValue.netGainToMali, d.presentValue.refineryCapture + d.presentValue.minesNetBackChange))
        // Sign: Sénou charges its 1.00 USD/oz gross where abroad charged 0.30 plus 0.25 of
        // freight per fine oz, with equal payables and settlement: the mines lose, so the net
        // gain to Mali is below the refinery's capture, and the state loses with them.
        #expect(d.total.minesNetBackChange < 0 && d.total.netGainToMali < d.total.refineryCapture)
        #expect(d.total.stateChangeFromMines < 0)
    }

    @Test func theMinesChangeByHand() throws {
        // senou-base: Malian doré only (the artisanal gold is bought, not the mines').
        let model = EmbeddedModels.base
        let valuation = model.valuation(breakEvens: false)
        let d = try #require(valuation.fiscal).doreExport
        let ounces = 1000 / 31.1034768
        for (t, row) in valuation.years.enumerated() where row.operating {
            let v = model.volumes[row.year - model.scenario.horizon.firstYear]
            let fine = v.goldKgByKind[0] * row.volumeScale * ounces, gross = v.grossKgByKind[0] * row.volumeScale * ounces
            // Charges and freight in dollars of the first horizon year, indexed at 2% a year.
            let index = pow(1.02, Double(row.year - model.scenario.horizon.firstYear))
            let change = (-(1.0 - 0.3) * gross + 0.25 * fine) * index
            #expect(close(d.years[t].minesNetBackChange, change), "\(row.year)")
            #expect(close(d.years[t].minesGoldOz, fine), "\(row.year)")
        }
    }

    @Test func theMinesChangeIsZeroWhenSenouMatchesTheTermsAbroad() throws {
        var scenario = Scenario.senouBase
        scenario.economics!.fiscal = FiscalInputs(refiningChargeAbroadUsdPerOzGross: 1.0, freightAndInsuranceUsdPerOzFine: 0,
                                                  goldPayableAbroad: scenario.economics!.terms.goldPayable,
                                                  settlementDaysAbroad: 12, settlementDaysAtSenou: 12)
        let d = try #require(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).fiscal).doreExport
        #expect(d.years.allSatisfy { abs($0.minesNetBackChange) < 1e-6 && abs($0.stateChangeFromMines) < 1e-6 })
        #expect(close(d.total.netGainToMali, d.total.refineryCapture))
        // Faster settlement at Sénou: the mines gain days × 6% × the gold's value (held flat
        // at 3,435 USD/oz: prices not indexed to inflation).
        scenario.economics!.fiscal!.settlementDaysAbroad = 22
        scenario.economics!.conventions = Conventions(indexPricesToInflation: false)
        let faster = try #require(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).fiscal).doreExport
        let ounces = faster.total.minesGoldOz
        #expect(close(faster.total.minesNetBackChange, 10.0 / 365 * 0.06 * ounces * 3435))
    }

    @Test func aStatedInputReplacesItsDefault() throws {
        var scenario = Scenario.senouBase
        scenario.economics!.fiscal = FiscalInputs(governmentDiscountRate: 0.05, interestWithholding: 0, payrollTaxes: 0, progressivityGoldPriceFactors: [1])
        let fiscal = try #require(try CashFlowModel(scenario: scenario).valuation(breakEvens: false).fiscal)
        #expect(fiscal.total.interestWithholding == 0 && fiscal.total.payrollTaxes == 0)
        #expect(fiscal.progressivity.count == 1)
        #expect(close(fiscal.stateNetCashNpvUsd, presentValue(fiscal.years.map(\.stateNetCash), rate: 0.05)))
    }

    @Test func badFiscalInputsAreNamedByTheirPath() {
        var scenario = Scenario.senouBase
        scenario.economics!.fiscal = FiscalInputs(governmentDiscountRate: -1, payrollTaxes: 1.5, settlementDaysAbroad: 400, stateStakeInMines: -0.1,
                                                  progressivityGoldPriceFactors: [1, 0])
        let found = ScenarioValidator.problems(in: scenario).map(\.path)
        #expect(found == ["economics.fiscal.governmentDiscountRate", "economics.fiscal.payrollTaxes", "economics.fiscal.settlementDaysAbroad",
                          "economics.fiscal.stateStakeInMines", "economics.fiscal.progressivityGoldPriceFactors[1]"])
    }

    @Test(arguments: ["senou-base", "regional-hub-200t", "mali-own-supply", "stress-300t", "mandatory-local-refining"])
    func theMETRIsThatOfTheMarginalProject(name: String) throws {
        let model = try #require(EmbeddedModels.all[name])
        let fiscal = try #require(model.valuation().fiscal)
        let charge = try #require(fiscal.marginalRefiningChargeUsdPerOzGross)
        let metr = try #require(fiscal.metr)
        // Recomputed from the company's flows at that charge, by the written definitions.
        var adjustments = Adjustments()
        adjustments.uniformRefiningChargeUsdPerOzGross = charge
        let rows = model.cashFlows(with: adjustments)
        // The state's dividends are what the company distributes (the distributable-profit test).
        let holders = OwnershipSplit.split(equityFlows: model.equityDistributions(rows), ownership: model.ownership,
                                           taxes: model.economics.taxes, discountRate: 0.14)
        let payroll = rows.map { 0.20 * $0.staffMalian }
        // Duties and the VAT float are government revenue, outside the pre-tax flow.
        let duties = rows.indices.map { t in
            rows[t].importDuties + rows[t].capexImportDuties + rows[t].vatReceivable - (t > 0 ? rows[t - 1].vatReceivable : 0)
        }
        let preTax = rows.indices.map { rows[$0].freeCashFlowToFirm + rows[$0].unleveredTax + payroll[$0] + duties[$0] }
        let state = rows.indices.map { t in
            rows[t].corporateTax + 0.15 * rows[t].interest + payroll[t] + duties[t]
                + holders.reduce(0) { $0 + ($1.kind == .state ? $1.grossFlows[t] : $1.grossFlows[t] - $1.netFlows[t]) }
        }
        let postTax = zip(preTax, state).map { $0 - $1 }
        let scale = preTax.map(abs).reduce(0, +)
        #expect(abs(presentValue(postTax, rate: 0.14)) <= 1e-6 * scale, "the project is marginal: post-tax NPV zero at 14%")
        let irr = FinancialMath.irr(preTax)
        #expect(irr.rates.count == 1)
        #expect(close(metr, (irr.rates[0] - 0.14) / irr.rates[0], 1e-6))
        #expect(metr > 0 && metr < 1, "\(name): the regime takes part of the marginal return")
        // Without the break-even searches the METR is not computed, and says so.
        let quick = try #require(model.valuation(breakEvens: false).fiscal)
        #expect(quick.metr == nil && quick.metrNote.hasPrefix("not computed"))
    }

    @Test func theMETRIsUndefinedWhenTheProjectClearsItsHurdleWithNoCharge() throws {
        // artisanal-formalised cleared its hurdle under the earlier conventions only.
        var scenario = try ScenarioLoader.embedded(named: "artisanal-formalised")
        scenario.economics!.useEarlierConventions()
        let fiscal = try #require(try CashFlowModel(scenario: scenario).valuation().fiscal)
        #expect(fiscal.metr == nil && fiscal.marginalRefiningChargeUsdPerOzGross == nil && fiscal.metrNote.hasPrefix("undefined"))
    }
}
