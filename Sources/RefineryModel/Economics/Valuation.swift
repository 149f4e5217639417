import Foundation

/// A complete valuation of a scenario: yearly cash flows, headline figures, the holder table
/// and the value-added split.
public struct Valuation: Codable, Sendable, Equatable {
    /// The name of the scenario valued.
    public var scenario: String
    /// The headline figures: NPVs, IRRs, paybacks, totals, break-evens.
    public var summary: ValuationSummary
    /// The yearly cash flows, construction years first.
    public var years: [CashFlowYear]
    /// One row per shareholder, largest share first.
    public var holders: [HolderResult]
    /// Value added and national capture, per year and in total.
    public var valueAdded: ValueAddedReport
    /// What the state gets by instrument, government take, AETR and the doré-export
    /// counterfactual (nil when not computed, e.g. a valuation rebuilt from a report without it).
    public var fiscal: FiscalView? = nil
    /// The headline figures in USD, XOF and EUR (nil when not computed).
    public var currencies: HeadlineCurrencies? = nil
}

/// The headline figures of a valuation. NPVs are at the start of the timeline (the first
/// construction year), in nominal USD.
public struct ValuationSummary: Codable, Sendable, Equatable {
    /// The discount rate applied, a fraction a year.
    public var discountRate: Double
    /// NPV of the free cash flow to the firm.
    public var projectNPVUsd: Double
    /// The internal rates of return of the free cash flow to the firm.
    public var projectIRR: IRRResult
    /// NPV of the free cash flow to equity, at the cost of equity (``costOfEquity``).
    public var equityNPVUsd: Double
    /// The internal rates of return of the free cash flow to equity.
    public var equityIRR: IRRResult
    /// Years from the start of the timeline until the cumulative free cash flow to the firm
    /// turns non-negative (nil: never within the horizon).
    public var paybackYears: Double?
    /// As `paybackYears`, on the flows discounted at `discountRate`.
    public var discountedPaybackYears: Double?
    /// Over the horizon: EBITDA ÷ revenue (nil when revenue is not positive).
    public var ebitdaMargin: Double?
    /// Revenue over the timeline, USD.
    public var totalRevenueUsd: Double
    /// EBITDA over the timeline, USD.
    public var totalEBITDAUsd: Double
    /// Corporate tax + dividend withholding over the timeline.
    public var totalTaxesUsd: Double
    /// Phase investments and sustaining capex over the timeline, USD.
    public var totalCapexUsd: Double
    /// The refining charge, the same for every kind, that makes the project NPV zero.
    public var breakEvenRefiningCharge: BreakEven
    /// The factor on intake that makes the project NPV zero (capped by capacity).
    public var breakEvenIntakeFactor: BreakEven
    /// Average yearly gold intake over the operating years at the break-even factor, tonnes.
    public var breakEvenIntakeTonnesPerYear: Double?
    /// The rate at which the free cash flow to equity and the holders' flows are discounted, a
    /// fraction a year (nil in a valuation rebuilt from a report without it: `discountRate`).
    public var costOfEquity: Double? = nil
    /// The money of the figures: nominal, or real (constant dollars of the first horizon year)
    /// (nil in a valuation rebuilt from a report without it: nominal).
    public var priceBasis: PriceBasis? = nil
    /// The Gordon terminal value at the last timeline year, included in ``projectNPVUsd``
    /// (nil: none, the default; see ``ValuationParameters/terminalGrowth``).
    public var terminalValueUsd: Double? = nil
    /// What the terminal value adds to ``projectNPVUsd``: its present value (nil: none).
    public var terminalValueNPVUsd: Double? = nil
}

/// A break-even value, or why there is none.
public struct BreakEven: Codable, Sendable, Equatable {
    /// The break-even value, or nil when there is none within the search range.
    public var value: Double?
    /// How the value was found, or why there is none, in words.
    public var note: String

    /// Creates a break-even result; the parameters are the properties of the same names.
    public init(value: Double?, note: String) {
        self.value = value
        self.note = note
    }
}

extension CashFlowModel {
    /// The full valuation under `adjustments` (the scenario as written by default).
    public func valuation(with adjustments: Adjustments = .none, breakEvens: Bool = true) -> Valuation {
        let rows = cashFlows(with: adjustments)
        let rate = discountRate(adjustments)
        let firm = rows.map(\.freeCashFlowToFirm)
        let equity = rows.map(\.freeCashFlowToEquity)
        let equityRate = costOfEquity(adjustments)
        var holders = OwnershipSplit.split(equityFlows: equityDistributions(rows), ownership: ownership, taxes: economics.taxes, discountRate: equityRate)
        for h in holders.indices { holders[h].flowYears = rows.map(\.year) }
        var years = rows
        for t in years.indices { years[t].dividendWithholding = holders.reduce(0) { $0 + $1.grossFlows[t] - $1.netFlows[t] } }
        holders.sort { $0.share > $1.share }
        let valueAdded = ValueAddedReport.make(rows: years, holders: holders, ownership: ownership, economics: economics,
                                               volumes: volumes(adjustments), firstYear: scenario.horizon.firstYear, discountRate: rate)
        let revenue = rows.reduce(0) { $0 + $1.revenue }
        let ebitda = rows.reduce(0) { $0 + $1.ebitda }
        let terminal = terminalValue(of: rows, rate: rate)
        var summary = ValuationSummary(
            discountRate: rate, projectNPVUsd: firmNPV(rows, rate: rate), projectIRR: FinancialMath.irr(firm),
            equityNPVUsd: FinancialMath.npv(rate: equityRate, equity), equityIRR: FinancialMath.irr(equity),
            paybackYears: FinancialMath.payback(firm), discountedPaybackYears: FinancialMath.discountedPayback(rate: rate, firm),
            ebitdaMargin: revenue > 0 ? ebitda / revenue : nil, totalRevenueUsd: revenue, totalEBITDAUsd: ebitda,
            totalTaxesUsd: years.reduce(0) { $0 + $1.corporateTax + $1.dividendWithholding },
            totalCapexUsd: rows.reduce(0) { $0 + $1.capex + $1.sustainingCapex },
            breakEvenRefiningCharge: BreakEven(value: nil, note: "not computed"), breakEvenIntakeFactor: BreakEven(value: nil, note: "not computed"),
            breakEvenIntakeTonnesPerYear: nil, costOfEquity: equityRate, priceBasis: economics.priceBasis)
        summary.terminalValueUsd = terminal
        summary.terminalValueNPVUsd = terminal.map { $0 / pow(1 + rate, Double(rows.count - 1)) }
        if breakEvens {
            summary.breakEvenRefiningCharge = breakEvenRefiningCharge(adjustments)
            summary.breakEvenIntakeFactor = breakEvenIntake(adjustments)
            if let factor = summary.breakEvenIntakeFactor.value {
                var at = adjustments
                at.intake = factor
                let operating = cashFlows(with: at, lineDetail: false).filter(\.operating)
                summary.breakEvenIntakeTonnesPerYear = operating.reduce(0) { $0 + $1.goldIntakeKg } / 1000 / Double(max(1, operating.count))
            }
        }
        var valuation = Valuation(scenario: scenario.name, summary: summary, years: years, holders: holders, valueAdded: valueAdded)
        valuation.fiscal = fiscalView(of: valuation, adjustments: adjustments, marginal: breakEvens)
        valuation.currencies = HeadlineCurrencies(valuation, currency: economics.currency)
        return valuation
    }

    /// The project NPV (free cash flow to the firm, and the terminal value when there is one)
    /// under `adjustments`.
    public func projectNPV(_ adjustments: Adjustments = .none) -> Double {
        firmNPV(cashFlows(with: adjustments, lineDetail: false), rate: discountRate(adjustments))
    }

    /// The Gordon terminal value at the last timeline year: the last year's free cash flow to
    /// the firm without its working-capital release (a going concern keeps its working
    /// capital), grown one year and capitalised, `FCFF × (1 + g) ÷ (rate − g)`. Nil without
    /// ``ValuationParameters/terminalGrowth``, or when `rate` is not above it (a what-if rate).
    public func terminalValue(of rows: [CashFlowYear], rate: Double) -> Double? {
        guard let growth = economics.valuation.terminalGrowth, rate > growth, let last = rows.last else { return nil }
        return (last.freeCashFlowToFirm + last.workingCapitalChange) * (1 + growth) / (rate - growth)
    }

    /// The NPV of the free cash flows to the firm of `rows` at `rate`, the terminal value
    /// added to the last year.
    func firmNPV(_ rows: [CashFlowYear], rate: Double) -> Double {
        var flows = rows.map(\.freeCashFlowToFirm)
        if let terminal = terminalValue(of: rows, rate: rate), !flows.isEmpty { flows[flows.count - 1] += terminal }
        return FinancialMath.npv(rate: rate, flows)
    }

    /// The two figures sensitivity analysis follows: the project NPV and national capture over
    /// the timeline (undiscounted USD).
    public func keyFigures(_ adjustments: Adjustments = .none) -> (projectNPVUsd: Double, nationalCaptureUsd: Double) {
        let rows = cashFlows(with: adjustments, lineDetail: false)
        let rate = discountRate(adjustments)
        let holders = OwnershipSplit.split(equityFlows: equityDistributions(rows), ownership: ownership, taxes: economics.taxes,
                                           discountRate: costOfEquity(adjustments), computeIRR: false)
        let valueAdded = ValueAddedReport.make(rows: rows, holders: holders, ownership: ownership, economics: economics,
                                               volumes: volumes(adjustments), firstYear: scenario.horizon.firstYear, discountRate: rate)
        return (firmNPV(rows, rate: rate), valueAdded.total.nationalCapture)
    }

    func breakEvenRefiningCharge(_ adjustments: Adjustments) -> BreakEven {
        let npv = { (charge: Double) -> Double in
            var a = adjustments
            a.uniformRefiningChargeUsdPerOzGross = charge
            return self.projectNPV(a)
        }
        let atZero = npv(0)
        if atZero >= 0 { return BreakEven(value: 0, note: "the project NPV is positive even with no refining charge") }
        var low = 0.0, atLow = atZero, high = 1.0, atHigh = npv(high)
        while atHigh < 0 {
            low = high
            atLow = atHigh
            high *= 2
            if high > 1e6 { return BreakEven(value: nil, note: "no refining charge up to USD 1,000,000/oz makes the NPV positive") }
            atHigh = npv(high)
        }
        return BreakEven(value: RootFinding.zero(low: low, high: high, valueAtLow: atLow, valueAtHigh: atHigh, npv),
                         note: "USD per gross ounce, every kind of material")
    }

    func breakEvenIntake(_ adjustments: Adjustments) -> BreakEven {
        let npv = { (factor: Double) -> Double in
            var a = adjustments
            a.intake = factor
            return self.projectNPV(a)
        }
        // The largest useful factor: every year at its capacity cap.
        let fuel = adjustments.fuelAvailability ?? economics.opex.energy.fuelAvailability
        let cap = volumes.compactMap(\.capacityRatio).map { fuel * max(1, $0) }.max() ?? 1
        let atZero = npv(0)
        if atZero >= 0 { return BreakEven(value: 0, note: "the project NPV is positive with no intake") }
        let atCap = npv(cap)
        if atCap < 0 {
            return BreakEven(value: nil, note: "the NPV stays negative even with intake at the plant's capacity every year (×\(JSONValue.format((cap * 100).rounded() / 100)))")
        }
        return BreakEven(value: RootFinding.zero(low: 0, high: cap, valueAtLow: atZero, valueAtHigh: atCap, npv), note: "factor on the scenario's intake, capped by capacity year by year")
    }
}
