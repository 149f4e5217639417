import Testing
@testable import RefineryModel

/// Customs duty, import levies and VAT, checked by hand on the pencil case of
/// ``HandCheckedValuationTests`` (one 1,000,000 USD investment in 2029, half of it imported;
/// two operating years; one Malian employee at 10,000 USD) with a 20,000 USD a year reagents
/// line, a quarter of it bought in Mali.
@Suite struct CustomsAndVatTests {
    static let revenue = 100 * HandCheckedValuationTests.ozPerKg * 10 + 4 * 1000 // 36,150.75

    static func model(_ fiscal: (inout FiscalInputs) -> Void) throws -> CashFlowModel {
        var scenario = HandCheckedValuationTests.scenario()
        scenario.economics!.opex.lines = [CostLine(id: "reagents", fixedUsdPerYear: 20_000, localShare: 0.25)]
        fiscal(&scenario.economics!.fiscal!)
        return try CashFlowModel(scenario: scenario, volumes: [HandCheckedValuationTests.volumes(2030), HandCheckedValuationTests.volumes(2031)])
    }

    /// Duty 5% on capital goods (waived in construction, levies kept), 10% on imported inputs,
    /// levies 2%: 500,000 × 2% = 10,000 on the plant; 15,000 × 12% = 1,800 a year on reagents.
    @Test func importDutiesByHand() throws {
        let model = try Self.model {
            $0.capitalGoodsDuty = 0.05; $0.importedInputsDuty = 0.10; $0.importLevies = 0.02; $0.constructionDutyExemption = true
        }
        let valuation = model.valuation(breakEvens: false)
        let rows = valuation.years
        #expect(approximately(rows[0].capexImportDuties, 10_000) && approximately(rows[0].capex, 1_010_000))
        #expect(approximately(rows[1].importedPurchases, 15_000) && approximately(rows[1].importDuties, 1_800))
        #expect(approximately(rows[1].opex, 10_000 + 20_000 + 1_800))
        // Capitalised duty is depreciated: 1,010,000 over 2 years.
        #expect(approximately(rows[1].depreciation, 505_000))
        // Taxable income is negative: the minimum tax, 1% of revenue, is paid.
        let fcf = Self.revenue - 31_800 - 0.01 * Self.revenue
        #expect(approximately(rows[1].freeCashFlowToFirm, fcf) && approximately(rows[0].freeCashFlowToFirm, -1_010_000))
        #expect(approximately(valuation.summary.projectNPVUsd, -1_010_000 + fcf / 1.1 + fcf / 1.21))

        // The state: duties by year; the pre-tax flow is before them (payroll 20% of 10,000 too).
        let fiscal = try #require(valuation.fiscal)
        #expect(zip(fiscal.years.map(\.importDuties), [10_000.0, 1_800, 1_800]).allSatisfy { approximately($0, $1) })
        #expect(approximately(fiscal.years[0].preTaxNetCashFlow, -1_000_000))
        #expect(approximately(fiscal.years[1].preTaxNetCashFlow, Self.revenue - 31_800 + 2_000 + 1_800))
        for year in fiscal.years {
            #expect(approximately(year.stateNetCash, FiscalInstrument.allCases.reduce(0) { $0 + year.amount($1) }), "state net cash = instruments − calls")
            #expect(approximately(year.postTaxNetCashFlow, year.preTaxNetCashFlow - year.stateNetCash))
        }
        // Mali captures the duties: construction year 500,000 of local capex + 10,000.
        #expect(approximately(valuation.valueAdded.years[0].nationalCapture, 510_000))
        #expect(approximately(valuation.valueAdded.years[1].importDuties, 1_800))

        // Without the construction exemption the plant pays the duty too: 500,000 × 7%.
        let unexempt = try Self.model {
            $0.capitalGoodsDuty = 0.05; $0.importedInputsDuty = 0.10; $0.importLevies = 0.02; $0.constructionDutyExemption = false
        }.cashFlows()
        #expect(approximately(unexempt[0].capexImportDuties, 35_000) && approximately(unexempt[0].capex, 1_035_000))
    }

    /// VAT 18%, refunded after 73 days (a fifth of a year): 2029 pays 180,000 on the plant and
    /// waits for 36,000 at year end; 2030 pays 3,600 on the reagents (720 outstanding); the
    /// horizon's end releases the rest. Neutral in total; the delay costs the company.
    @Test func vatRefundDelayByHand() throws {
        let model = try Self.model { $0.capitalGoodsDuty = 0; $0.importedInputsDuty = 0; $0.importLevies = 0; $0.vatRate = 0.18; $0.vatRefundDelayDays = 73 }
        let valuation = model.valuation(breakEvens: false)
        let rows = valuation.years
        #expect(approximately(rows[0].vatPaid, 180_000) && approximately(rows[0].vatReceivable, 36_000))
        #expect(approximately(rows[1].vatPaid, 3_600) && approximately(rows[1].vatReceivable, 720))
        #expect(rows[2].vatReceivable == 0)
        #expect(approximately(rows[0].workingCapitalChange, 36_000) && approximately(rows[1].workingCapitalChange, -35_280)
                && approximately(rows[2].workingCapitalChange, -720))
        let fcf = Self.revenue - 30_000 - 0.01 * Self.revenue
        #expect(approximately(valuation.summary.projectNPVUsd, -1_036_000 + (fcf + 35_280) / 1.1 + (fcf + 720) / 1.21))

        let fiscal = try #require(valuation.fiscal)
        #expect(zip(fiscal.years.map(\.vat), [36_000.0, -35_280, -720]).allSatisfy { approximately($0, $1) })
        #expect(abs(fiscal.total.vat) < 1e-9, "VAT is neutral over the timeline")
        // The pre-tax flow is before the float: the plant alone in 2029.
        #expect(approximately(fiscal.years[0].preTaxNetCashFlow, -1_000_000))
        for year in fiscal.years {
            #expect(approximately(year.stateNetCash, FiscalInstrument.allCases.reduce(0) { $0 + year.amount($1) }))
            #expect(year.stateNetCash.isFinite && year.preTaxNetCashFlow.isFinite)
        }
        // The state's NPV at 10% gains the float, funds 60% of it as equity (every positive flow
        // to equity is a dividend here), and withholds 10% on the partner's 40% of the later dividends.
        let none = try Self.model { $0.capitalGoodsDuty = 0; $0.importedInputsDuty = 0; $0.importLevies = 0; $0.vatRate = 0 }.valuation(breakEvens: false)
        let float = 36_000 - 35_280 / 1.1 - 720 / 1.21
        let expected = float - 0.6 * float + 0.1 * 0.4 * (35_280 / 1.1 + 720 / 1.21)
        #expect(approximately(fiscal.stateNetCashNpvUsd - (none.fiscal?.stateNetCashNpvUsd ?? .nan), expected, absolute: 1e-6))
    }

    /// Duties, levies and VAT at 0 give the figures of the model before they existed, to the
    /// last bit (senou-base as printed by `refinery-cli value --format json` before this change,
    /// with the counterfactual's charges indexed like prices, af03be5).
    @Test func zeroRatesReproduceTheEarlierFigures() throws {
        var scenario = try ScenarioLoader.embedded(named: "senou-base")
        scenario.economics!.removeCustomsAndVat()
        let valuation = try CashFlowModel(scenario: scenario).valuation()
        #expect(valuation.summary.projectNPVUsd == -136218212.72267538)
        #expect(valuation.fiscal?.stateNetCashNpvUsd == -39574335.10534731)
        #expect(valuation.valueAdded.total.nationalCapture == 193240010.87860388)
        #expect(valuation.fiscal?.doreExport.presentValue.netGainToMali == 76326531.03578849)
        #expect(valuation.years.allSatisfy { $0.importDuties == 0 && $0.capexImportDuties == 0 && $0.vatReceivable == 0 })
    }

    /// The defaults: duty on imports, VAT refunded after a delay; both cost the company and the
    /// state collects the duties.
    @Test func defaultsChargeDutiesAndDelayTheVATRefund() throws {
        let inputs = ResolvedFiscalInputs(Scenario.senouBase.economics!)
        #expect(inputs.capitalGoodsDuty == 0.05 && inputs.importedInputsDuty == 0.10 && inputs.importLevies == 0.023)
        #expect(inputs.vatRate == 0.18 && inputs.vatRefundDelayDays == 120 && inputs.constructionDutyExemption == true)
        let valuation = EmbeddedModels.base.valuation(breakEvens: false)
        let fiscal = try #require(valuation.fiscal)
        #expect(fiscal.total.importDuties > 0 && abs(fiscal.total.vat) < 1e-6 * fiscal.years.map { abs($0.vat) }.reduce(0, +))
        #expect(valuation.summary.projectNPVUsd < -136218212.72267538)
    }

    @Test func badRatesAreRefusedWithTheirPath() {
        var scenario = Scenario.senouBase
        scenario.economics!.fiscal = FiscalInputs(importLevies: -0.1, vatRefundDelayDays: 5000)
        let problems = ScenarioValidator.problems(in: scenario).map(\.description)
        #expect(problems.contains { $0.hasPrefix("economics.fiscal.importLevies: -0.1") })
        #expect(problems.contains { $0.hasPrefix("economics.fiscal.vatRefundDelayDays: 5000") })
    }
}
