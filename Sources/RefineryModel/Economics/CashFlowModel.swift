import Foundation

/// Prices the throughput model's volumes: yearly revenue, costs, capex, tax, debt service
/// and free cash flows, then the valuation, the holder table and the value added.
///
/// The throughput model runs once, in `init`; every evaluation after that (a tornado bar, a
/// Monte Carlo draw, a break-even step) only re-prices its volumes under ``Adjustments``,
/// which takes microseconds.
///
/// ```swift
/// let model = try CashFlowModel(scenario: .senouBase)
/// let valuation = model.valuation()
/// print(valuation.summary.projectNPVUsd)
/// let cheaperGold = model.cashFlows(with: { var a = Adjustments(); a.goldPrice = 0.8; return a }())
/// ```
public struct CashFlowModel: Sendable {
    /// The scenario being valued, as given (its adjustments are applied per evaluation, not here).
    public let scenario: Scenario
    /// The scenario's `economics` section (checked present and valid by `init`).
    public let economics: Economics
    /// The scenario's `ownership` section (checked present and valid by `init`).
    public let ownership: Ownership
    /// The throughput model's volumes, one per horizon year.
    public let volumes: [ProcessVolumes]
    /// The first year of the cash-flow timeline: the first investment's year or the first
    /// horizon year, whichever is earlier.
    public let startYear: Int
    /// The sources ``CommercialTerms/bySource`` prices apart, with their volumes by year.
    let sourcePricing: [SourcePricing]

    /// Runs the throughput model on `scenario` and prepares its valuation.
    public init(scenario: Scenario) throws(EconomicsError) {
        guard scenario.economics != nil else { throw .missingEconomics(scenario: scenario.name) }
        let throughput: ThroughputReport
        do { throughput = try ThroughputModel(scenario: scenario).evaluate() } catch { throw .invalid(error.problems) }
        try self.init(scenario: scenario, throughput: throughput)
    }

    /// Prepares the valuation of `scenario` from its throughput report.
    public init(scenario: Scenario, throughput: ThroughputReport) throws(EconomicsError) {
        guard let economics = scenario.economics else { throw .missingEconomics(scenario: scenario.name) }
        guard scenario.ownership != nil else { throw .missingOwnership(scenario: scenario.name) }
        try self.init(scenario: scenario,
                      volumes: ProcessVolumes.from(throughput, scenario: scenario, originCountry: economics.counterfactual.originCountry))
    }

    /// Prepares the valuation of `scenario` from volumes given directly, one per horizon year
    /// (hand-checkable tests; what-ifs on volumes).
    public init(scenario: Scenario, volumes: [ProcessVolumes]) throws(EconomicsError) {
        guard let economics = scenario.economics else { throw .missingEconomics(scenario: scenario.name) }
        guard let ownership = scenario.ownership else { throw .missingOwnership(scenario: scenario.name) }
        let problems = EconomicsValidator.problems(in: scenario)
        if !problems.isEmpty { throw .invalid(problems) }
        guard volumes.count == scenario.horizon.years else {
            throw .invalid([ScenarioProblem(path: "horizon.years", value: "\(scenario.horizon.years)", message: "differs from the \(volumes.count) years of volumes given")])
        }
        self.scenario = scenario
        self.economics = economics
        self.ownership = ownership
        self.volumes = volumes
        sourcePricing = SourcePricing.make(scenario: scenario, economics: economics, volumes: volumes)
        startYear = min(scenario.horizon.firstYear, economics.capital.investments.map(\.year).min() ?? scenario.horizon.firstYear)
    }

    /// The calendar years of the timeline, construction years first.
    public var years: [Int] { Array(startYear...(scenario.horizon.firstYear + scenario.horizon.years - 1)) }

    /// The discount rate in force under `adjustments`, in the valuation's price basis.
    public func discountRate(_ adjustments: Adjustments = .none) -> Double {
        economics.inPriceBasis(rate: adjustments.discountRate ?? economics.valuation.discountRate)
    }

    private static func value(_ path: [Double], _ index: Int) -> Double {
        path.isEmpty ? 0 : path[min(index, path.count - 1)]
    }

    /// The yearly cash flows under `adjustments`.
    public func cashFlows(with adjustments: Adjustments = .none, lineDetail: Bool = true) -> [CashFlowYear] {
        let e = economics
        let ounces = TroyOunce.perKilogram
        let firstYear = scenario.horizon.firstYear
        let count = years.count
        let kinds = MaterialKind.allCases
        let kindTerms = kindTermsInForce(adjustments)
        let charges = kindTerms.charges, penalties = kindTerms.penalties, margins = kindTerms.margins, bought = kindTerms.bought
        // Sources priced apart: the difference between their terms and their kind's, added
        // to the kind's charges (exact zeros when they are equal).
        let sources = sourceTermsInForce(adjustments, kinds: kindTerms)
        let payable = adjustments.goldPayable ?? e.terms.goldPayable
        let fuel = adjustments.fuelAvailability ?? e.opex.energy.fuelAvailability
        let yearsToAccreditation = adjustments.yearsToAccreditation.map { Int(clamping: $0, to: 0...1000, rounding: .toNearestOrAwayFromZero) } ?? e.terms.yearsToAccreditation
        let taxRate = adjustments.corporateIncomeTax ?? e.taxes.corporateIncomeTax
        let energy = e.opex.energy
        let malianStaffCost = e.opex.staff.filter(\.malian).reduce(0) { $0 + $1.fte * $1.usdPerFte }
        let expatriateStaffCost = e.opex.staff.filter { !$0.malian }.reduce(0) { $0 + $1.fte * $1.usdPerFte }
        let conventions = e.resolvedConventions
        let fiscal = ResolvedFiscalInputs(e)
        let goldLoanRate = conventions.ownedGoldWorkingCapital ? fiscal.goldFinancingRate : 0
        let barSettlementDays = e.capital.barSettlementDays ?? Capital.defaultBarSettlementDays
        let builtExpansions = Set(scenario.plant.expansions.map(\.name))

        // Investments by timeline year, before customs duty; the duty on their imported share
        // (waived, but not the levies, in construction years when the exemption holds).
        var investment = [Double](repeating: 0, count: count)
        var localInvestment = [Double](repeating: 0, count: count)
        var investmentDuty = [Double](repeating: 0, count: count)
        for item in e.capital.investments {
            let t = item.year - startYear
            guard t >= 0 && t < count else { continue }
            if conventions.capexOnlyForBuiltExpansions, let expansion = item.expansion, !builtExpansions.contains(expansion) { continue }
            investment[t] += item.usd * adjustments.capex
            localInvestment[t] += item.usd * adjustments.capex * item.localShare
            investmentDuty[t] += item.usd * adjustments.capex * (1 - item.localShare)
                * fiscal.capitalGoodsRate(construction: item.year < scenario.horizon.firstYear)
        }

        var rows: [CashFlowYear] = []
        rows.reserveCapacity(count)
        var cumulativeInvestment = 0.0
        var cumulativeLocalInvestment = 0.0
        var depreciation = [Double](repeating: 0, count: count)
        let firstOperating = firstYear - startYear
        let life = e.capital.depreciationYears
        func depreciate(_ amount: Double, spentIn t: Int) {
            let start = max(t + 1, firstOperating)
            let step = amount / Double(life)
            var k = start
            while k < start + life && k < count { depreciation[k] += step; k += 1 }
        }
        // Debt: tranches of (amount, first repayment index).
        var tranches: [(amount: Double, year: Int)] = []
        var outstanding = 0.0
        var previousWorkingCapital = 0.0
        var previousGoldLoan = 0.0
        var losses: [(year: Int, amount: Double)] = []
        var unleveredLosses: [(year: Int, amount: Double)] = []

        for t in 0..<count {
            let h = t - firstOperating
            let operating = h >= 0
            let inflation = operating ? pow(1 + e.costInflation, Double(h)) : 1
            let priceIndex = operating ? e.priceIndex(operatingYear: h) : 1
            var row = CashFlowYear(
                year: startYear + t, operating: operating, volumeScale: 0, goldIntakeKg: 0, goldProcessedKg: 0, goldPriceUsdPerOz: 0,
                refiningCharges: 0, penalties: 0, lotFees: 0, metalGain: 0, silverCredit: 0, purchaseMargin: 0, unaccreditedDiscount: 0, revenue: 0,
                staffMalian: 0, staffExpatriate: 0, energyGrid: 0, energyDiesel: 0, insurance: 0, otherOpex: 0, otherOpexLines: [:], opex: 0,
                localPurchases: 0, importedPurchases: 0, ebitda: 0, depreciation: 0, interest: 0, taxableIncome: 0, lossesUsed: 0,
                incomeTax: 0, minimumTaxTopUp: 0, corporateTax: 0, taxTurnover: 0, unleveredTax: 0, capex: investment[t] + investmentDuty[t], localCapex: localInvestment[t],
                sustainingCapex: 0, workingCapital: 0, workingCapitalChange: 0, debtDrawn: 0, principalRepaid: 0, debtOutstanding: 0,
                freeCashFlowToFirm: 0, freeCashFlowToEquity: 0, dividendWithholding: 0)
            var workingCapital = 0.0
            var turnover = 0.0
            var goldLoan = 0.0
            if operating {
                let v = volumes[h].scaling(.artisanal, by: adjustments.artisanalVolume)
                let s = v.scale(intakeFactor: adjustments.intake, fuelAvailability: fuel)
                let gold = Self.value(e.prices.goldUsdPerOz, h) * adjustments.goldPrice * priceIndex
                let silver = Self.value(e.prices.silverUsdPerOz, h) * adjustments.silverPrice * priceIndex
                row.volumeScale = s
                row.goldIntakeKg = v.goldIntakeKg * s
                row.goldProcessedKg = v.goldProcessedKg * s
                row.goldPriceUsdPerOz = gold
                // What is billed: the gold received, or (the honest default) the gold processed
                // this year, in the proportions of the year's intake.
                let billed = !conventions.chargeOnProcessedGold ? 1 : v.goldIntakeKg > 0 ? v.goldProcessedKg / v.goldIntakeKg : 0
                var purchasedGoldKg = 0.0
                var purchasedGoldSales = 0.0
                for k in 0..<kinds.count {
                    let grossOz = v.grossKgByKind[k] * s * billed * ounces
                    row.refiningCharges += charges[k] * priceIndex * grossOz
                    row.penalties += penalties[k] * priceIndex * grossOz
                    row.purchaseMargin += margins[k] * v.goldKgByKind[k] * s * billed * ounces * gold
                    if bought[k] {
                        purchasedGoldKg += v.goldKgByKind[k]
                        purchasedGoldSales += v.goldKgByKind[k] * s * billed * ounces * gold
                    }
                }
                for source in sources {
                    let p = source.source, k = p.kind
                    let goldKg = p.goldKg[h] * source.volumeFactor
                    let grossOz = p.grossKg[h] * source.volumeFactor * s * billed * ounces
                    row.refiningCharges += (source.charge - charges[k]) * priceIndex * grossOz
                    row.penalties += (source.penalty - penalties[k]) * priceIndex * grossOz
                    row.purchaseMargin += (source.margin - margins[k]) * goldKg * s * billed * ounces * gold
                    if source.bought != bought[k] {
                        let sign: Double = source.bought ? 1 : -1
                        purchasedGoldKg += sign * goldKg
                        purchasedGoldSales += sign * goldKg * s * billed * ounces * gold
                    }
                }
                if !sources.isEmpty {
                    purchasedGoldKg = max(0, purchasedGoldKg)
                    purchasedGoldSales = max(0, purchasedGoldSales)
                }
                row.lotFees = e.terms.lotFeeUsd * priceIndex * v.lots * s * billed
                let refinedOz = v.goldRefinedKg * s * ounces
                // Metal gain: refined gold above what the owners are paid. Bought gold was paid
                // on its full assay (honest default), so on it the refinery keeps only what it
                // refines: its losses are a negative gain.
                let purchasedShare = conventions.metalGainOnPurchasedGold || v.goldIntakeKg <= 0 ? 0 : purchasedGoldKg / v.goldIntakeKg
                row.metalGain = (refinedOz - (payable * (1 - purchasedShare) + purchasedShare) * v.goldProcessedKg * s * ounces) * gold
                row.silverCredit = (v.silverRefinedKg - e.terms.silverPayable * v.silverProcessedKg) * s * ounces * silver
                row.unaccreditedDiscount = h < yearsToAccreditation ? -e.terms.unaccreditedDiscountUsdPerOz * priceIndex * refinedOz : 0
                row.revenue = row.refiningCharges + row.penalties + row.lotFees + row.metalGain + row.silverCredit
                    + row.purchaseMargin + row.unaccreditedDiscount

                let opexFactor = inflation * adjustments.opex
                row.staffMalian = malianStaffCost * opexFactor
                row.staffExpatriate = expatriateStaffCost * opexFactor
                let kWh = energy.fixedMWhPerYear * 1000 + energy.kWhPerKgGold * row.goldProcessedKg
                let energyFactor = inflation * adjustments.energyPrices
                row.energyGrid = kWh * energy.gridShare * energy.gridUsdPerKWh * energyFactor
                row.energyDiesel = kWh * (1 - energy.gridShare) * energy.dieselLitresPerKWh * energy.dieselUsdPerLitre * energyFactor
                let inventoryOz = (v.averageGoldInProcessKg * s + v.lockedGoldKg) * ounces
                row.insurance = e.opex.insuranceRateOnInventory * inventoryOz * gold
                var local = row.energyGrid + row.insurance * e.opex.insuranceLocalShare
                for line in e.opex.lines {
                    let amount = (line.fixedUsdPerYear + line.usdPerKgGold * row.goldProcessedKg) * opexFactor
                    row.otherOpex += amount
                    local += amount * line.localShare
                    if lineDetail { row.otherOpexLines[line.id] = amount }
                }
                let purchases = row.staffMalian + row.staffExpatriate + row.energyGrid + row.energyDiesel + row.insurance + row.otherOpex
                row.localPurchases = local
                row.importedPurchases = purchases - row.staffMalian - row.staffExpatriate - local
                row.importDuties = row.importedPurchases * fiscal.importedInputsRate
                row.opex = purchases + row.importDuties
                row.ebitda = row.revenue - row.opex
                turnover = max(0, row.revenue)
                if e.turnoverIncludesGoldSales { turnover += purchasedGoldSales - row.purchaseMargin }

                cumulativeInvestment += investment[t]
                cumulativeLocalInvestment += localInvestment[t]
                // Sustaining capex is imported in the investments' proportions and pays duty.
                let sustaining = e.capital.sustainingShare * cumulativeInvestment * inflation
                let importedShare = cumulativeInvestment > 0 ? 1 - cumulativeLocalInvestment / cumulativeInvestment : 0
                let sustainingDuty = sustaining * importedShare * fiscal.capitalGoodsRate(construction: false)
                row.sustainingCapex = sustaining + sustainingDuty
                row.capexImportDuties = investmentDuty[t] + sustainingDuty
                let gip = v.goldIntakeKg > 0 ? v.averageGoldInProcessKg * s * purchasedGoldKg / v.goldIntakeKg : 0
                workingCapital = (v.lockedGoldKg + gip) * ounces * gold + e.capital.receivableDays / 365 * max(0, row.revenue)
                if conventions.ownedGoldWorkingCapital {
                    // Bars sold from bought gold are paid `barSettlementDays` later; the gold the
                    // refinery owns is financed by a gold loan (toll gold carries insurance only).
                    let barReceivables = barSettlementDays / 365 * purchasedGoldSales
                    workingCapital += barReceivables
                    goldLoan = (v.lockedGoldKg + gip) * ounces * gold + barReceivables
                    row.goldLoanInterest = goldLoanRate * goldLoan
                }
                if t == count - 1 { workingCapital = 0; goldLoan = 0 }
            } else {
                cumulativeInvestment += investment[t]
                cumulativeLocalInvestment += localInvestment[t]
                row.capexImportDuties = investmentDuty[t]
            }
            // VAT on every purchase but wages (duties included in the base), refunded after the
            // delay: the refund outstanding at year end is working capital.
            row.vatPaid = (fiscal.vatRate ?? 0) * (row.opex - row.staffMalian - row.staffExpatriate + row.capex + row.sustainingCapex)
            row.vatReceivable = t == count - 1 ? 0 : (fiscal.vatRefundDelayDays ?? 0) / 365 * row.vatPaid
            workingCapital += row.vatReceivable
            row.workingCapital = workingCapital
            row.workingCapitalChange = workingCapital - previousWorkingCapital
            previousWorkingCapital = workingCapital
            depreciate(investment[t] + investmentDuty[t], spentIn: t)
            depreciate(row.sustainingCapex, spentIn: t)
            row.depreciation = depreciation[t]

            // Debt: interest on the opening balance, equal instalments of principal, the rest at the end.
            row.interest = outstanding * e.financing.interestRate
            var repaid = 0.0
            for tranche in tranches where t > tranche.year && t <= tranche.year + e.financing.tenorYears {
                repaid += tranche.amount / Double(e.financing.tenorYears)
            }
            repaid = min(repaid, outstanding)
            row.debtDrawn = (investment[t] + investmentDuty[t]) * e.financing.debtShare
            if row.debtDrawn > 0 { tranches.append((row.debtDrawn, t)) }
            outstanding += row.debtDrawn - repaid
            if t == count - 1 { repaid += outstanding; outstanding = 0 }
            row.principalRepaid = repaid
            row.debtOutstanding = outstanding

            // Taxes, with and without the interest deduction.
            row.taxTurnover = turnover
            row.goldLoanOutstanding = goldLoan
            let goldLoanChange = goldLoan - previousGoldLoan
            previousGoldLoan = goldLoan
            row.taxableIncome = row.ebitda - row.depreciation - row.interest - row.goldLoanInterest
            let levered = Self.tax(income: row.taxableIncome, turnover: turnover, year: t, losses: &losses, taxes: e.taxes, rate: taxRate)
            row.lossesUsed = levered.used
            row.incomeTax = levered.income
            row.minimumTaxTopUp = levered.topUp
            row.corporateTax = levered.income + levered.topUp
            let unlevered = Self.tax(income: row.ebitda - row.depreciation, turnover: turnover, year: t, losses: &unleveredLosses, taxes: e.taxes, rate: taxRate)
            row.unleveredTax = unlevered.income + unlevered.topUp

            let investing = row.capex + row.sustainingCapex + row.workingCapitalChange
            row.freeCashFlowToFirm = row.ebitda - row.unleveredTax - investing
            row.freeCashFlowToEquity = row.ebitda - row.corporateTax - investing + row.debtDrawn - row.interest - row.principalRepaid
                + goldLoanChange - row.goldLoanInterest
            rows.append(row)
        }
        return rows
    }

    /// Income tax with losses carried forward (oldest first, for `lossCarryForwardYears`),
    /// and the minimum tax on turnover.
    static func tax(income: Double, turnover: Double, year: Int, losses: inout [(year: Int, amount: Double)],
                    taxes: Taxes, rate: Double) -> (income: Double, topUp: Double, used: Double) {
        losses.removeAll { year - $0.year > taxes.lossCarryForwardYears }
        var used = 0.0
        if income > 0 {
            var remaining = income
            for i in losses.indices where remaining > 0 {
                let take = min(remaining, losses[i].amount)
                losses[i].amount -= take
                remaining -= take
                used += take
            }
            losses.removeAll { $0.amount <= 0 }
        } else if income < 0 {
            losses.append((year, -income))
        }
        let incomeTax = rate * max(0, income - used)
        let minimum = taxes.minimumTaxOnTurnover * turnover
        return (incomeTax, max(0, minimum - incomeTax), used)
    }
}
