/// Checks a scenario's `economics` and `ownership` sections: ranges, unique ids, shares that
/// add up to 1, the Malian-majority rule and sensitivity ranges that contain their base.
/// ``ScenarioValidator`` calls it; every problem carries its JSON path.
struct EconomicsValidator {
    private(set) var problems: [ScenarioProblem] = []

    static func problems(in scenario: Scenario) -> [ScenarioProblem] {
        var validator = EconomicsValidator()
        if let economics = scenario.economics {
            validator.check(economics, horizon: scenario.horizon)
            validator.check(economics.terms.bySource ?? [:], sources: scenario.intake.sources)
        }
        if let ownership = scenario.ownership { validator.check(ownership) }
        return validator.problems
    }

    private mutating func report(_ path: String, _ value: Double?, _ message: String) {
        problems.append(ScenarioProblem(path: path, value: value.map { JSONValue.format($0) }, message: message))
    }

    private mutating func range(_ value: Double, _ path: String, _ lower: Double, _ upper: Double,
                                openLower: Bool = false, openUpper: Bool = false, what: String) {
        let aboveLower = openLower ? value > lower : value >= lower
        let belowUpper = openUpper ? value < upper : value <= upper
        if !(aboveLower && belowUpper && value.isFinite) {
            let interval = "\(openLower ? "(" : "[")\(JSONValue.format(lower)), \(upper.isInfinite ? "∞" : JSONValue.format(upper))\(openUpper || upper.isInfinite ? ")" : "]")"
            report(path, value, "is not \(what) in \(interval)")
        }
    }

    /// `value` within `limit` (see ``ScenarioLimits``), else a problem with the interval and its reason.
    private mutating func within(_ value: Double, _ path: String, _ limit: Limit) {
        if !limit.contains(value) { report(path, value, limit.message) }
    }

    private mutating func fraction(_ value: Double, _ path: String, openLower: Bool = false) {
        range(value, path, 0, 1, openLower: openLower, what: "a fraction")
    }

    private mutating func whole(_ value: Int, _ path: String, _ bounds: ClosedRange<Int>, what: String) {
        if !bounds.contains(value) {
            problems.append(ScenarioProblem(path: path, value: "\(value)", message: "is not \(what) in \(bounds.lowerBound)...\(bounds.upperBound)"))
        }
    }

    private mutating func unique(_ ids: [String], _ path: String) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let first = seen[id] {
                problems.append(ScenarioProblem(path: "\(path)[\(index)].id", value: "\"\(id)\"", message: "duplicates the id of \(path)[\(first)]"))
            } else {
                seen[id] = index
            }
        }
    }

    /// Each source's own terms: a source id of the scenario, and the ranges of `byKind`.
    private mutating func check(_ bySource: [String: SourceTerms], sources: [IntakeSource]) {
        let ids = sources.map(\.id)
        for (id, terms) in bySource.sorted(by: { $0.key < $1.key }) {
            let base = "economics.terms.bySource.\(id)"
            guard ids.contains(id) else {
                let allowed = ids.isEmpty ? "the scenario has no intake sources" : "one of \(ids.map { "\"\($0)\"" }.joined(separator: ", "))"
                problems.append(ScenarioProblem(path: base, value: "\"\(id)\"", message: "is not the id of a source in intake.sources (\(allowed))"))
                continue
            }
            if let charge = terms.refiningChargeUsdPerOzGross { within(charge, "\(base).refiningChargeUsdPerOzGross", ScenarioLimits.chargeUsdPerOz) }
            if let penalty = terms.penaltyUsdPerOzGross { within(penalty, "\(base).penaltyUsdPerOzGross", ScenarioLimits.chargeUsdPerOz) }
            if let margin = terms.purchaseMargin { range(margin, "\(base).purchaseMargin", 0, 1, openUpper: true, what: "a fraction") }
        }
    }

    private mutating func path(_ values: [Double], _ path: String, _ limit: Limit) {
        if values.isEmpty { problems.append(ScenarioProblem(path: path, value: "[]", message: "must list at least one year's value")) }
        for (index, value) in values.enumerated() { within(value, "\(path)[\(index)]", limit) }
    }

    mutating func check(_ economics: Economics, horizon: Horizon) {
        path(economics.prices.goldUsdPerOz, "economics.prices.goldUsdPerOz", ScenarioLimits.goldPriceUsdPerOz)
        path(economics.prices.silverUsdPerOz, "economics.prices.silverUsdPerOz", ScenarioLimits.priceUsdPerOz)

        let terms = economics.terms
        for kind in MaterialKind.allCases {
            let base = "economics.terms.byKind.\(kind.rawValue)"
            let material = terms.byKind[kind]
            within(material.refiningChargeUsdPerOzGross, "\(base).refiningChargeUsdPerOzGross", ScenarioLimits.chargeUsdPerOz)
            within(material.penaltyUsdPerOzGross, "\(base).penaltyUsdPerOzGross", ScenarioLimits.chargeUsdPerOz)
            range(material.purchaseMargin, "\(base).purchaseMargin", 0, 1, openUpper: true, what: "a fraction")
        }
        fraction(terms.goldPayable, "economics.terms.goldPayable", openLower: true)
        fraction(terms.silverPayable, "economics.terms.silverPayable")
        within(terms.lotFeeUsd, "economics.terms.lotFeeUsd", ScenarioLimits.lotFeeUsd)
        within(terms.unaccreditedDiscountUsdPerOz, "economics.terms.unaccreditedDiscountUsdPerOz", ScenarioLimits.chargeUsdPerOz)
        whole(terms.yearsToAccreditation, "economics.terms.yearsToAccreditation", 0...100, what: "a number of years")

        let opex = economics.opex
        unique(opex.staff.map(\.id), "economics.opex.staff")
        for (index, group) in opex.staff.enumerated() {
            within(group.fte, "economics.opex.staff[\(index)].fte", ScenarioLimits.fte)
            within(group.usdPerFte, "economics.opex.staff[\(index)].usdPerFte", ScenarioLimits.usdPerFte)
        }
        let energy = opex.energy
        within(energy.fixedMWhPerYear, "economics.opex.energy.fixedMWhPerYear", ScenarioLimits.fixedMWhPerYear)
        within(energy.kWhPerKgGold, "economics.opex.energy.kWhPerKgGold", ScenarioLimits.kWhPerKgGold)
        fraction(energy.gridShare, "economics.opex.energy.gridShare")
        within(energy.gridUsdPerKWh, "economics.opex.energy.gridUsdPerKWh", ScenarioLimits.usdPerKWh)
        within(energy.dieselLitresPerKWh, "economics.opex.energy.dieselLitresPerKWh", ScenarioLimits.dieselLitresPerKWh)
        within(energy.dieselUsdPerLitre, "economics.opex.energy.dieselUsdPerLitre", ScenarioLimits.dieselUsdPerLitre)
        fraction(energy.fuelAvailability, "economics.opex.energy.fuelAvailability", openLower: true)
        fraction(opex.insuranceRateOnInventory, "economics.opex.insuranceRateOnInventory")
        fraction(opex.insuranceLocalShare, "economics.opex.insuranceLocalShare")
        unique(opex.lines.map(\.id), "economics.opex.lines")
        for (index, line) in opex.lines.enumerated() {
            within(line.fixedUsdPerYear, "economics.opex.lines[\(index)].fixedUsdPerYear", ScenarioLimits.fixedUsdPerYear)
            within(line.usdPerKgGold, "economics.opex.lines[\(index)].usdPerKgGold", ScenarioLimits.usdPerKgGold)
            fraction(line.localShare, "economics.opex.lines[\(index)].localShare")
        }

        let capital = economics.capital
        let lastYear = horizon.firstYear + horizon.years - 1
        for (index, investment) in capital.investments.enumerated() {
            let base = "economics.capital.investments[\(index)]"
            whole(investment.year, "\(base).year", (horizon.firstYear - 10)...max(lastYear, horizon.firstYear - 10),
                  what: "a year from 10 years before the horizon to its end,")
            within(investment.usd, "\(base).usd", ScenarioLimits.investmentUsd)
            fraction(investment.localShare, "\(base).localShare")
        }
        fraction(capital.sustainingShare, "economics.capital.sustainingShare")
        whole(capital.depreciationYears, "economics.capital.depreciationYears", 1...100, what: "a number of years")
        range(capital.receivableDays, "economics.capital.receivableDays", 0, 365, what: "a number of days")
        if let days = capital.barSettlementDays { range(days, "economics.capital.barSettlementDays", 0, 365, what: "a number of days") }

        let financing = economics.financing
        fraction(financing.debtShare, "economics.financing.debtShare")
        fraction(financing.interestRate, "economics.financing.interestRate")
        whole(financing.tenorYears, "economics.financing.tenorYears", 1...100, what: "a number of years")

        let taxes = economics.taxes
        range(taxes.corporateIncomeTax, "economics.taxes.corporateIncomeTax", 0, 1, openUpper: true, what: "a tax rate")
        range(taxes.minimumTaxOnTurnover, "economics.taxes.minimumTaxOnTurnover", 0, 1, openUpper: true, what: "a tax rate")
        range(taxes.dividendWithholding, "economics.taxes.dividendWithholding", 0, 1, openUpper: true, what: "a tax rate")
        whole(taxes.lossCarryForwardYears, "economics.taxes.lossCarryForwardYears", 0...100, what: "a number of years")

        within(economics.valuation.discountRate, "economics.valuation.discountRate", ScenarioLimits.discountRate)
        if let rate = economics.valuation.costOfEquity { within(rate, "economics.valuation.costOfEquity", ScenarioLimits.discountRate) }
        range(economics.valuation.inflation, "economics.valuation.inflation", -0.5, 1, what: "a rate")
        if let growth = economics.valuation.terminalGrowth {
            let rate = economics.inPriceBasis(rate: economics.valuation.discountRate)
            if !growth.isFinite || growth <= -1 || growth >= rate {
                report("economics.valuation.terminalGrowth", growth,
                       "must be above -1 and below the discount rate (\(JSONValue.format(rate))\(economics.priceBasis == .real ? ", real" : "")): a Gordon terminal value needs growth < rate")
            }
        }
        if let rate = economics.currency?.xofPerUsd { range(rate, "economics.currency.xofPerUsd", 0, 1e6, openLower: true, what: "an exchange rate (XOF per USD)") }

        let counterfactual = economics.counterfactual
        within(counterfactual.foreignRefiningUsdPerOzGross, "economics.counterfactual.foreignRefiningUsdPerOzGross", ScenarioLimits.chargeUsdPerOz)
        within(counterfactual.exportLogisticsUsdPerOzFine, "economics.counterfactual.exportLogisticsUsdPerOzFine", ScenarioLimits.chargeUsdPerOz)

        if let fiscal = economics.fiscal { check(fiscal) }

        var seen: [UncertainInput: Int] = [:]
        for (index, uncertainty) in economics.uncertainties.enumerated() {
            let base = "economics.uncertainties[\(index)]"
            if let first = seen[uncertainty.input] {
                problems.append(ScenarioProblem(path: "\(base).input", value: "\"\(uncertainty.input.rawValue)\"",
                                                message: "duplicates the input of economics.uncertainties[\(first)]"))
            }
            seen[uncertainty.input] = index
            let value = Adjustments.base(of: uncertainty.input, in: economics)
            guard uncertainty.low.isFinite, uncertainty.high.isFinite, uncertainty.low <= value + 1e-12, value <= uncertainty.high + 1e-12 else {
                problems.append(ScenarioProblem(path: base, value: "[\(JSONValue.format(uncertainty.low)), \(JSONValue.format(uncertainty.high))]",
                                                message: "does not contain the base value \(JSONValue.format(value)) of \(uncertainty.input.rawValue)"))
                continue
            }
            switch uncertainty.input {
            case .discountRate: within(uncertainty.low, "\(base).low", ScenarioLimits.discountRate); within(uncertainty.high, "\(base).high", ScenarioLimits.discountRate)
            case .goldPayable: fraction(uncertainty.low, "\(base).low", openLower: true); fraction(uncertainty.high, "\(base).high")
            case .fuelAvailability: fraction(uncertainty.low, "\(base).low", openLower: true); fraction(uncertainty.high, "\(base).high")
            case .corporateIncomeTax: fraction(uncertainty.low, "\(base).low"); range(uncertainty.high, "\(base).high", 0, 1, openUpper: true, what: "a tax rate")
            case .artisanalPurchaseMargin: range(uncertainty.low, "\(base).low", 0, 1, openUpper: true, what: "a fraction"); range(uncertainty.high, "\(base).high", 0, 1, openUpper: true, what: "a fraction")
            case .yearsToAccreditation: range(uncertainty.low, "\(base).low", 0, 100, what: "a number of years"); range(uncertainty.high, "\(base).high", 0, 100, what: "a number of years")
            default: within(uncertainty.low, "\(base).low", ScenarioLimits.factor); within(uncertainty.high, "\(base).high", ScenarioLimits.factor)
            }
        }
    }

    /// `economics.fiscal`: rates and shares are fractions, days within a year, factors on the
    /// gold price positive and bounded like the other factors.
    mutating func check(_ fiscal: FiscalInputs) {
        let base = "economics.fiscal"
        if let rate = fiscal.governmentDiscountRate { within(rate, "\(base).governmentDiscountRate", ScenarioLimits.discountRate) }
        if let rate = fiscal.interestWithholding { range(rate, "\(base).interestWithholding", 0, 1, openUpper: true, what: "a tax rate") }
        if let rate = fiscal.payrollTaxes { range(rate, "\(base).payrollTaxes", 0, 1, what: "a fraction of wages") }
        if let charge = fiscal.refiningChargeAbroadUsdPerOzGross { within(charge, "\(base).refiningChargeAbroadUsdPerOzGross", ScenarioLimits.chargeUsdPerOz) }
        if let charge = fiscal.freightAndInsuranceUsdPerOzFine { within(charge, "\(base).freightAndInsuranceUsdPerOzFine", ScenarioLimits.chargeUsdPerOz) }
        if let payable = fiscal.goldPayableAbroad { fraction(payable, "\(base).goldPayableAbroad", openLower: true) }
        if let days = fiscal.settlementDaysAbroad { range(days, "\(base).settlementDaysAbroad", 0, 365, what: "a number of days") }
        if let days = fiscal.settlementDaysAtSenou { range(days, "\(base).settlementDaysAtSenou", 0, 365, what: "a number of days") }
        if let rate = fiscal.goldFinancingRate { fraction(rate, "\(base).goldFinancingRate") }
        if let rate = fiscal.minesCorporateTax { range(rate, "\(base).minesCorporateTax", 0, 1, openUpper: true, what: "a tax rate") }
        if let stake = fiscal.stateStakeInMines { fraction(stake, "\(base).stateStakeInMines") }
        if let charge = fiscal.uaeReRefiningUsdPerOzFine { within(charge, "\(base).uaeReRefiningUsdPerOzFine", ScenarioLimits.chargeUsdPerOz) }
        if let charge = fiscal.uaeFreightUsdPerOzFine { within(charge, "\(base).uaeFreightUsdPerOzFine", ScenarioLimits.chargeUsdPerOz) }
        if let rate = fiscal.capitalGoodsDuty { fraction(rate, "\(base).capitalGoodsDuty") }
        if let rate = fiscal.importedInputsDuty { fraction(rate, "\(base).importedInputsDuty") }
        if let rate = fiscal.importLevies { fraction(rate, "\(base).importLevies") }
        if let rate = fiscal.vatRate { fraction(rate, "\(base).vatRate") }
        if let days = fiscal.vatRefundDelayDays { range(days, "\(base).vatRefundDelayDays", 0, 3650, what: "a number of days") }
        if let margin = fiscal.uaeTraderMargin { range(margin, "\(base).uaeTraderMargin", 0, 1, openUpper: true, what: "a fraction of the fine value") }
        if let factors = fiscal.progressivityGoldPriceFactors {
            if factors.isEmpty { problems.append(ScenarioProblem(path: "\(base).progressivityGoldPriceFactors", value: "[]", message: "must list at least one factor")) }
            for (index, factor) in factors.enumerated() {
                range(factor, "\(base).progressivityGoldPriceFactors[\(index)]", 0, 100, openLower: true, what: "a factor on the gold price")
            }
        }
    }

    mutating func check(_ ownership: Ownership) {
        if ownership.holders.isEmpty {
            problems.append(ScenarioProblem(path: "ownership.holders", value: "[]", message: "must list at least one holder"))
            return
        }
        unique(ownership.holders.map(\.id), "ownership.holders")
        for (index, holder) in ownership.holders.enumerated() {
            fraction(holder.share, "ownership.holders[\(index)].share")
        }
        let total = ownership.holders.reduce(0) { $0 + $1.share }
        if abs(total - 1) > 1e-9 {
            report("ownership.holders", nil, "shares add up to \(JSONValue.format(total)); they must add up to 1")
        }
        if !ownership.holders.contains(where: { !$0.carried }) {
            report("ownership.holders", nil, "are all carried interests; at least one holder must contribute capital")
        } else if !ownership.holders.contains(where: { !$0.carried && $0.share > 0 }) {
            report("ownership.holders", nil, "that contribute capital all have share 0; at least one of them must have a share above 0")
        }
        let rule = ownership.malianShareRule
        if let stated = ownership.minimumMalianShare {
            range(stated, "ownership.minimumMalianShare", 0, 1, openUpper: true, what: "a fraction")
        }
        let malian = ownership.malianShare
        if !(malian > rule) && (0..<1).contains(rule) {
            report("ownership.holders", nil, "Malian holders own \(JSONValue.format(malian)) in total; more than \(JSONValue.format(rule)) is required"
                   + (ownership.minimumMalianShare == nil ? " (a Malian majority, unless ownership.minimumMalianShare states another rule)" : " (ownership.minimumMalianShare)"))
        }
    }
}
