import Testing
@testable import RefineryModel

/// Accounting identities on every embedded scenario: lines add up, taxes add up across lines,
/// holders add up to the equity, value added = wages + taxes + surplus.
@Suite struct CashFlowIdentityTests {
    static let names = Scenario.embeddedNames

    private func close(_ a: Double, _ b: Double) -> Bool { approximately(a, b, absolute: 1e-6, relative: 1e-12) }

    @Test(arguments: names)
    func yearlyLinesAddUp(name: String) {
        let valuation = EmbeddedModels.all[name]!.valuation(breakEvens: false)
        var previousGoldLoan = 0.0
        for y in valuation.years {
            #expect(close(y.revenue, y.refiningCharges + y.penalties + y.lotFees + y.metalGain + y.silverCredit + y.purchaseMargin + y.unaccreditedDiscount))
            #expect(close(y.otherOpex, y.otherOpexLines.values.reduce(0, +)))
            #expect(close(y.opex, y.staffMalian + y.staffExpatriate + y.energyGrid + y.energyDiesel + y.insurance + y.otherOpex + y.importDuties))
            #expect(close(y.opex, y.staffMalian + y.staffExpatriate + y.localPurchases + y.importedPurchases + y.importDuties))
            #expect(close(y.ebitda, y.revenue - y.opex))
            #expect(close(y.corporateTax, y.incomeTax + y.minimumTaxTopUp))
            #expect(y.incomeTax >= 0 && y.minimumTaxTopUp >= 0)
            let investing = y.capex + y.sustainingCapex + y.workingCapitalChange
            #expect(close(y.freeCashFlowToFirm, y.ebitda - y.unleveredTax - investing))
            #expect(close(y.freeCashFlowToEquity, y.ebitda - y.corporateTax - investing + y.debtDrawn - y.interest - y.principalRepaid
                          + y.goldLoanOutstanding - previousGoldLoan - y.goldLoanInterest))
            #expect(close(y.taxableIncome, y.ebitda - y.depreciation - y.interest - y.goldLoanInterest))
            previousGoldLoan = y.goldLoanOutstanding
        }
        #expect(valuation.years.last?.goldLoanOutstanding == 0)
        // Debt is repaid, working capital released and capex depreciated at most once.
        #expect(close(valuation.years.reduce(0) { $0 + $1.debtDrawn }, valuation.years.reduce(0) { $0 + $1.principalRepaid }))
        #expect(close(valuation.years.reduce(0) { $0 + $1.workingCapitalChange }, 0))
        #expect(valuation.years.last?.debtOutstanding == 0)
        #expect(valuation.years.reduce(0) { $0 + $1.depreciation } <= valuation.years.reduce(0) { $0 + $1.capex + $1.sustainingCapex } + 1e-6)
        // Taxes across lines and years.
        let taxes = valuation.years.reduce(0) { $0 + $1.incomeTax + $1.minimumTaxTopUp + $1.dividendWithholding }
        #expect(close(valuation.summary.totalTaxesUsd, taxes))
    }

    @Test(arguments: names)
    func holdersAddUpToTheEquity(name: String) {
        let model = EmbeddedModels.all[name]!
        let valuation = model.valuation(breakEvens: false)
        // The distributable-profit test moves cash in time, never creates or loses it.
        let distributions = model.equityDistributions(valuation.years)
        #expect(close(distributions.reduce(0, +), valuation.years.reduce(0) { $0 + $1.freeCashFlowToEquity }))
        for (t, year) in valuation.years.enumerated() {
            #expect(close(valuation.holders.reduce(0) { $0 + $1.grossFlows[t] }, distributions[t]))
            #expect(close(valuation.holders.reduce(0) { $0 + $1.grossFlows[t] - $1.netFlows[t] }, year.dividendWithholding))
        }
        for holder in valuation.holders {
            #expect(close(holder.netDividendsUsd, holder.grossDividendsUsd - holder.withholdingUsd))
            #expect(close(holder.netFlows.reduce(0, +), holder.netDividendsUsd - holder.contributionsUsd))
            if holder.carried { #expect(holder.contributionsUsd == 0) }
            if holder.kind == .state { #expect(holder.withholdingUsd == 0) }
        }
        // The holders' NPVs at the cost of equity add up to the distributions' NPV less the withholding's.
        let rate = valuation.summary.costOfEquity ?? valuation.summary.discountRate
        let withholdingPV = FinancialMath.npv(rate: rate, valuation.years.map(\.dividendWithholding))
        #expect(close(valuation.holders.reduce(0) { $0 + $1.npvUsd }, FinancialMath.npv(rate: rate, distributions) - withholdingPV))
        #expect(close(valuation.summary.equityNPVUsd, FinancialMath.npv(rate: rate, valuation.years.map(\.freeCashFlowToEquity))))
    }

    @Test(arguments: names)
    func valueAddedSplitsIntoWagesTaxesAndSurplus(name: String) {
        let model = EmbeddedModels.all[name]!
        let valuation = model.valuation(breakEvens: false)
        for (year, row) in zip(valuation.valueAdded.years, valuation.years) {
            #expect(close(year.valueAdded, year.grossOutput - year.intermediateLocal - year.intermediateImported))
            #expect(close(year.valueAdded, year.wages + year.corporateTaxes + year.operatingSurplus))
            #expect(close(year.operatingSurplus, row.ebitda - row.corporateTax))
            #expect(close(year.nationalCapture, year.wagesMalian + year.corporateTaxes + year.withholdingOnForeignHolders + year.malianShareOfSurplus
                          + year.interestToMalianLenders + year.intermediateLocal + year.localCapex + year.avoidedForeignRefiningFees + year.avoidedExportLogistics
                          + year.importDuties))
            #expect(close(year.importDuties, row.importDuties + row.capexImportDuties))
            #expect(close(year.nationalCaptureExcludingAvoidedFees, year.nationalCapture - year.avoidedForeignRefiningFees - year.avoidedExportLogistics))
        }
        let total = valuation.valueAdded.total
        #expect(close(total.valueAdded, valuation.valueAdded.years.reduce(0) { $0 + $1.valueAdded }))
        #expect(close(total.nationalCapture, model.keyFigures().nationalCaptureUsd))
        // Refining adds a small share of the gold's value (domain.md §6): well under 1%.
        #expect((total.valueAddedShareOfGold ?? 1) < 0.01)
    }

    @Test func breakEvensMakeTheNPVZero() {
        let model = EmbeddedModels.base
        let summary = model.valuation().summary
        let charge = try! #require(summary.breakEvenRefiningCharge.value)
        var atCharge = Adjustments()
        atCharge.uniformRefiningChargeUsdPerOzGross = charge
        #expect(abs(model.projectNPV(atCharge)) < 1)
        if let factor = summary.breakEvenIntakeFactor.value {
            var atIntake = Adjustments()
            atIntake.intake = factor
            #expect(abs(model.projectNPV(atIntake)) < 1)
        }
        #expect(summary.projectNPVUsd == model.projectNPV())
    }

    @Test func fuelShortageCutsVolumesOnlyWhereCapacityBinds() {
        let model = EmbeddedModels.all["stress-300t"]!
        var short = Adjustments()
        short.fuelAvailability = 0.5
        let base = model.cashFlows(), cut = model.cashFlows(with: short)
        #expect(zip(base, cut).contains { $0.goldProcessedKg > $1.goldProcessedKg + 1 })
        #expect(zip(base, cut).allSatisfy { $0.goldProcessedKg >= $1.goldProcessedKg - 1e-9 })
    }

    @Test func carriedInterestWaitsForPayback() {
        let valuation = EmbeddedModels.all["mali-own-supply"]!.valuation(breakEvens: false)
        let carried = try! #require(valuation.holders.first { $0.carried })
        #expect(carried.contributionsUsd == 0)
        var cumulative = 0.0
        for (t, year) in valuation.years.enumerated() {
            if carried.grossFlows[t] > 0 { #expect(cumulative >= 0) }
            cumulative += year.freeCashFlowToEquity
        }
    }
}

/// The valuation on short and long horizons, and the minimum-tax turnover option.
@Suite struct ValuationHorizonTests {
    /// senou-base over `years` years, without the expansion and its investment when they fall outside.
    static func scenario(years: Int) -> Scenario {
        var scenario = Scenario.senouBase
        scenario.horizon.years = years
        let last = scenario.horizon.firstYear + years - 1
        scenario.plant.expansions.removeAll { $0.year > last }
        scenario.economics!.capital.investments.removeAll { $0.year > last }
        return scenario
    }

    @Test(arguments: [1, 50])
    func identitiesHoldOnShortAndLongHorizons(years: Int) throws {
        let model = try CashFlowModel(scenario: Self.scenario(years: years))
        let valuation = model.valuation()
        #expect(valuation.years.count == years + 2)  // two construction years
        #expect(valuation.summary.projectNPVUsd.isFinite)
        for (t, year) in valuation.years.enumerated() {
            #expect(approximately(valuation.holders.reduce(0) { $0 + $1.grossFlows[t] }, year.freeCashFlowToEquity, absolute: 1e-6))
            #expect(approximately(year.ebitda, year.revenue - year.opex, absolute: 1e-6))
        }
        #expect(valuation.years.last?.debtOutstanding == 0)
        #expect(approximately(valuation.years.reduce(0) { $0 + $1.workingCapitalChange }, 0, absolute: 1e-6))
        if years == 1 {
            // One operating year cannot repay 80 M USD: no payback, and the IRR says why if absent.
            #expect(valuation.summary.paybackYears == nil)
        }
    }

    @Test func minimumTaxOnGoldSales() throws {
        // The default (SYSCOHADA) against the earlier convention, turnover = revenue.
        let withSales = EmbeddedModels.base.cashFlows()
        var scenario = Scenario.senouBase
        scenario.economics!.taxes.turnoverIncludesGoldSales = false
        let base = try CashFlowModel(scenario: scenario).cashFlows()
        for (a, b) in zip(withSales, base) where a.operating {
            #expect(approximately(a.taxTurnover, b.taxTurnover - b.purchaseMargin + b.purchaseMargin / 0.015, absolute: 1e-3, relative: 1e-9))
            #expect(a.corporateTax >= b.corporateTax)
        }
        #expect(withSales.reduce(0) { $0 + $1.corporateTax } > base.reduce(0) { $0 + $1.corporateTax } + 1e6)
    }
}
