/// What the Malian state gets from the refinery, with the definitions of the IMF's Fiscal
/// Analysis of Resource Industries (FARI): government revenue by instrument and year, the
/// state's net cash and its NPV, the government take, the average effective tax rate (AETR),
/// pre- and post-tax project IRRs, how the take moves with the gold price, and the
/// counterfactual of exporting doré as today (``DoreExportCounterfactual``).
///
/// Conventions:
/// - Government revenue = every instrument of ``FiscalInstrument``, state dividends included and
///   the state's equity calls subtracted: the state's net cash (``GovernmentRevenueYear/stateNetCash``).
///   Taxes are those actually paid (with the interest deduction and losses carried forward).
/// - Pre-tax net cash flow = EBITDA + payroll taxes + import duties on opex − (capex +
///   sustaining capex − the import duties capitalised in them) − (the change in working capital
///   − the change in VAT awaiting refund): before financing and before any government revenue.
/// - Government take = Σ government revenue ÷ Σ pre-tax net cash flow, undiscounted; nil when
///   the denominator is ≤ 0 (the ratio has no meaning: ``governmentTakeNote`` says why).
/// - AETR = PV(government revenue) ÷ PV(pre-tax net cash flow), nil when the denominator is ≤ 0.
///   FARI discounts both sides at one rate; here the government discount rate
///   (``ResolvedFiscalInputs/governmentDiscountRate``, 10% by default), which also gives the
///   state's NPV. The project's own rate (``ValuationSummary/discountRate``) is the investor's.
/// - METR (FARI's marginal project): the refining charge, the same on every kind, is lowered or
///   raised until the post-tax flow's NPV at the project's discount rate r (the investor's
///   hurdle) is zero; at that charge METR = (pre-tax IRR − r) ÷ pre-tax IRR. Nil, with a note,
///   when no charge up to USD 1,000,000/oz gives such a project, when the pre-tax IRR there is
///   not unique and positive, or when the valuation skipped its break-even searches.
public struct FiscalView: Codable, Sendable, Equatable {
    /// The fiscal inputs in force (defaults filled in).
    public var inputs: ResolvedFiscalInputs
    /// The state's cash by instrument, one row per timeline year, construction years first.
    public var years: [GovernmentRevenueYear]
    /// Every field summed over the timeline (year 0).
    public var total: GovernmentRevenueYear
    /// Every field discounted at the government discount rate to the start of the timeline (year 0).
    public var presentValue: GovernmentRevenueYear
    /// NPV of the state's net cash at the government discount rate, USD.
    public var stateNetCashNpvUsd: Double
    /// FARI's government take, a fraction, or nil when undefined.
    public var governmentTake: Double?
    /// Why the take is undefined (nil when it is defined).
    public var governmentTakeNote: String?
    /// FARI's average effective tax rate, a fraction, or nil when undefined.
    public var aetr: Double?
    /// Why the AETR is undefined (nil when it is defined).
    public var aetrNote: String?
    /// The IRRs of the pre-tax net cash flow.
    public var preTaxIRR: IRRResult
    /// The IRRs of the post-tax net cash flow (pre-tax less government revenue).
    public var postTaxIRR: IRRResult
    /// The government take at each factor on the gold price.
    public var progressivity: [ProgressivityPoint]
    /// FARI's marginal effective tax rate, a fraction, or nil when undefined or not computed.
    public var metr: Double?
    /// How the METR was found, or why there is none.
    public var metrNote: String
    /// The refining charge, USD per gross oz on every kind, that makes the project marginal
    /// (post-tax NPV zero at the project's rate); nil when there is none or it was not searched.
    public var marginalRefiningChargeUsdPerOzGross: Double?
    /// Doré exported as today against refining at Sénou.
    public var doreExport: DoreExportCounterfactual
    /// The highest artisanal purchase margin that competes with the UAE channel, with a note
    /// when the scenario's margin exceeds it; nil when no artisanal gold is bought.
    public var artisanalPriceBound: ArtisanalPriceBound?
}

/// The government take at one gold price.
public struct ProgressivityPoint: Codable, Sendable, Equatable {
    /// The factor on the scenario's gold price.
    public var goldPriceFactor: Double
    /// Σ government revenue (the state's net cash), USD.
    public var governmentRevenueUsd: Double
    /// Σ pre-tax net cash flow, USD.
    public var preTaxNetCashFlowUsd: Double
    /// The government take, or nil when the pre-tax flow is ≤ 0.
    public var governmentTake: Double?
}

extension FiscalView {
    /// The take and AETR as FARI defines them, or nil with the reason when the denominator is ≤ 0.
    static func ratio(_ numerator: Double, _ denominator: Double, what: String) -> (value: Double?, note: String?) {
        guard denominator > 0, numerator.isFinite else {
            return (nil, "undefined: the project's \(what) pre-tax net cash flow is \(JSONValue.format((denominator / 1e6 * 10).rounded() / 10)) M USD (≤ 0)")
        }
        return (numerator / denominator, nil)
    }
}

extension CashFlowModel {
    /// The state's cash by year under `adjustments` (the company's flows split among holders).
    func governmentRevenue(_ adjustments: Adjustments = .none) -> [GovernmentRevenueYear] {
        let rows = cashFlows(with: adjustments, lineDetail: false)
        let holders = OwnershipSplit.split(equityFlows: equityDistributions(rows), ownership: ownership, taxes: economics.taxes,
                                           discountRate: costOfEquity(adjustments), computeIRR: false)
        return GovernmentRevenueYear.years(rows: rows, holders: holders, economics: economics, inputs: ResolvedFiscalInputs(economics))
    }

    /// The fiscal view of `valuation` (computed under `adjustments`), its progressivity
    /// re-priced at each gold-price factor and, when `marginal`, the METR's marginal project
    /// searched (Brent's method on the refining charge, like the break-evens).
    public func fiscalView(of valuation: Valuation, adjustments: Adjustments = .none, marginal: Bool = true) -> FiscalView {
        let inputs = ResolvedFiscalInputs(economics)
        let years = GovernmentRevenueYear.years(rows: valuation.years, holders: valuation.holders, economics: economics, inputs: inputs)
        let rate = inputs.governmentDiscountRate
        let total = GovernmentRevenueYear.combine(years, weights: years.map { _ in 1 })
        let presentValue = GovernmentRevenueYear.combine(years, weights: FinancialMath.discounted(rate: rate, years.map { _ in 1 }))
        let take = FiscalView.ratio(total.stateNetCash, total.preTaxNetCashFlow, what: "undiscounted")
        let aetr = FiscalView.ratio(presentValue.stateNetCash, presentValue.preTaxNetCashFlow,
                                    what: "present value at \(JSONValue.format((rate * 1000).rounded() / 10))% of the")
        let progressivity = inputs.progressivityGoldPriceFactors.map { factor -> ProgressivityPoint in
            var at = adjustments
            at.goldPrice *= factor
            let sum = GovernmentRevenueYear.combine(governmentRevenue(at), weights: years.map { _ in 1 })
            return ProgressivityPoint(goldPriceFactor: factor, governmentRevenueUsd: sum.stateNetCash, preTaxNetCashFlowUsd: sum.preTaxNetCashFlow,
                                      governmentTake: FiscalView.ratio(sum.stateNetCash, sum.preTaxNetCashFlow, what: "").value)
        }
        let metr = marginal ? marginalEffectiveTaxRate(adjustments)
            : (value: nil, note: "not computed (the valuation skipped its break-even searches)", charge: nil)
        return FiscalView(
            inputs: inputs, years: years, total: total, presentValue: presentValue,
            stateNetCashNpvUsd: presentValue.stateNetCash, governmentTake: take.value, governmentTakeNote: take.note,
            aetr: aetr.value, aetrNote: aetr.note, preTaxIRR: FinancialMath.irr(years.map(\.preTaxNetCashFlow)),
            postTaxIRR: FinancialMath.irr(years.map(\.postTaxNetCashFlow)), progressivity: progressivity,
            metr: metr.value, metrNote: metr.note, marginalRefiningChargeUsdPerOzGross: metr.charge,
            doreExport: DoreExportCounterfactual.make(model: self, valuation: valuation, stateNetCash: years.map(\.stateNetCash),
                                                      adjustments: adjustments, inputs: inputs),
            artisanalPriceBound: ArtisanalPriceBound.make(
                economics: economics, inputs: inputs, rows: valuation.years,
                margin: artisanalPurchaseMarginInForce(adjustments)))
    }

    /// FARI's METR: the refining charge at which the post-tax NPV at the project's rate is zero,
    /// then (pre-tax IRR − rate) ÷ pre-tax IRR there.
    func marginalEffectiveTaxRate(_ adjustments: Adjustments) -> (value: Double?, note: String, charge: Double?) {
        let rate = discountRate(adjustments)
        func flows(_ charge: Double) -> [GovernmentRevenueYear] {
            var a = adjustments
            a.uniformRefiningChargeUsdPerOzGross = charge
            return governmentRevenue(a)
        }
        func postTaxNPV(_ charge: Double) -> Double { FinancialMath.npv(rate: rate, flows(charge).map(\.postTaxNetCashFlow)) }
        var low = 0.0, atLow = postTaxNPV(low)
        if atLow >= 0 {
            return (nil, "undefined: the project clears its \(JSONValue.format((rate * 1000).rounded() / 10))% hurdle after government revenue even with no refining charge", nil)
        }
        var high = 1.0, atHigh = postTaxNPV(high)
        while atHigh < 0 {
            low = high
            atLow = atHigh
            high *= 2
            if high > 1e6 { return (nil, "undefined: no refining charge up to USD 1,000,000/oz makes the project marginal", nil) }
            atHigh = postTaxNPV(high)
        }
        let charge = RootFinding.zero(low: low, high: high, valueAtLow: atLow, valueAtHigh: atHigh, postTaxNPV)
        let irr = FinancialMath.irr(flows(charge).map(\.preTaxNetCashFlow))
        guard irr.rates.count == 1, let pre = irr.rates.first, pre > 0 else {
            return (nil, "undefined: the marginal project's pre-tax IRR is not a single positive rate (\(irr.note))", charge)
        }
        return ((pre - rate) / pre, "marginal project: refining charge \(JSONValue.format((charge * 100).rounded() / 100)) USD/oz gross on every kind, pre-tax IRR \(JSONValue.format((pre * 1000).rounded() / 10))%", charge)
    }
}
