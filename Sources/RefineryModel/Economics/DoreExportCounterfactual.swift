/// Doré exported as today (to Switzerland, the UAE or South Africa) against refining at Sénou:
/// what the mines, the state and Mali gain or lose, per year and in present value.
///
/// Conventions (amounts in nominal USD; positive = better with Sénou than today; charges,
/// freight and insurance, here and abroad, are written in dollars of the first horizon year and
/// indexed like the refinery's own, ``Economics/priceIndex(operatingYear:)``):
/// - The mines are the sources in the origin country whose gold the refinery tolls (no purchase
///   margin: their kind's, or their own in ``CommercialTerms/bySource``). Bought (artisanal)
///   gold is not theirs and has no change here. A source with terms of its own pays its own
///   refining charge at Sénou.
/// - The mines' change in net-back, per year = (Sénou's gold payable − the payable abroad) ×
///   fine oz × gold price − (Sénou's refining charge − the charge abroad) × gross oz + freight and
///   insurance abroad × fine oz − (settlement days at Sénou − abroad) ÷ 365 × the gold
///   financing rate × fine oz × gold price. Penalties are taken as the same schedule abroad
///   (Sénou's penalty is a Swiss contract's tier), silver payables as equal, and the discount
///   on unaccredited bars as handed back to the mines: none of them changes the net-back.
/// - The state's change from the mines = the mines' corporate tax on their change + the state's
///   stake in the mines × their change after that tax (royalties fall on the gold's value,
///   which does not change).
/// - The state's change against today = its change from the mines + its net cash from the
///   refinery (``FiscalView``).
/// - Refinery capture = national capture without the avoided foreign fees and logistics
///   (``ValueAddedYear/nationalCaptureExcludingAvoidedFees``): the foreign charges avoided are
///   already in the mines' change, so counting them again would count them twice.
/// - Net gain to Mali against today = refinery capture + the mines' change (= capture − the
///   mines' loss). The whole of the mines' change counts, foreign shareholders' part included:
///   a conservative reading.
/// - Present values are at the government discount rate, so they add up like the years.
public struct DoreExportCounterfactual: Codable, Sendable, Equatable {
    /// One row per timeline year, construction years first.
    public var years: [DoreExportYear]
    /// Every field summed over the timeline (year 0).
    public var total: DoreExportYear
    /// Every field discounted at the government discount rate (year 0).
    public var presentValue: DoreExportYear

    /// The counterfactual of `valuation` (computed by `model` under `adjustments`).
    static func make(model: CashFlowModel, valuation: Valuation, stateNetCash: [Double], adjustments: Adjustments,
                     inputs: ResolvedFiscalInputs) -> DoreExportCounterfactual {
        make(model: model, rows: valuation.years, captures: valuation.valueAdded.years.map(\.nationalCaptureExcludingAvoidedFees),
             stateNetCash: stateNetCash, adjustments: adjustments, inputs: inputs)
    }

    /// The counterfactual of the cash flows `rows` (computed by `model` under `adjustments`),
    /// with the refinery's capture without avoided fees, `captures`, one per row.
    static func make(model: CashFlowModel, rows: [CashFlowYear], captures: [Double], stateNetCash: [Double], adjustments: Adjustments,
                     inputs: ResolvedFiscalInputs) -> DoreExportCounterfactual {
        let e = model.economics
        let ounces = TroyOunce.perKilogram
        let firstYear = model.scenario.horizon.firstYear
        let kinds = MaterialKind.allCases
        let payable = adjustments.goldPayable ?? e.terms.goldPayable
        // Only tolled kinds count here: scaling the artisanal volume matters only when it is tolled.
        let artisanalTolled = adjustments.artisanalVolume != 1 && e.terms.byKind[.artisanal].purchaseMargin == 0
        let kindTerms = model.kindTermsInForce(adjustments)
        let sources = model.sourceTermsInForce(adjustments, kinds: kindTerms).filter(\.source.domestic)
        let stateShare = inputs.minesCorporateTax + inputs.stateStakeInMines * (1 - inputs.minesCorporateTax)
        let years = rows.enumerated().map { t, row -> DoreExportYear in
            var fineOz = 0.0, change = 0.0
            if row.operating {
                let v = artisanalTolled ? model.volumes[row.year - firstYear].scaling(.artisanal, by: adjustments.artisanalVolume) : model.volumes[row.year - firstYear]
                // Charges and freight are written in dollars of the first horizon year and move
                // with prices, at Sénou as abroad (the gold price already does).
                let index = e.priceIndex(operatingYear: row.year - firstYear)
                func netBackChange(fine: Double, gross: Double, charge: Double) -> Double {
                    (payable - inputs.goldPayableAbroad) * fine * row.goldPriceUsdPerOz
                        - (charge - inputs.refiningChargeAbroadUsdPerOzGross) * index * gross
                        + inputs.freightAndInsuranceUsdPerOzFine * index * fine
                        - (inputs.settlementDaysAtSenou - inputs.settlementDaysAbroad) / 365 * inputs.goldFinancingRate * fine * row.goldPriceUsdPerOz
                }
                for k in kinds.indices where !kindTerms.bought[k] {
                    let fine = v.domesticGoldKg(kind: k) * row.volumeScale * ounces
                    let gross = v.domesticGrossKg(kind: k) * row.volumeScale * ounces
                    fineOz += fine
                    change += netBackChange(fine: fine, gross: gross, charge: kindTerms.charges[k])
                }
                // Domestic sources with terms of their own: their charge in place of their
                // kind's, and their gold in or out of the mines' as their own margin says.
                let h = row.year - firstYear
                for source in sources {
                    let k = source.source.kind
                    let fine = source.source.goldKg[h] * source.volumeFactor * row.volumeScale * ounces
                    let gross = source.source.grossKg[h] * source.volumeFactor * row.volumeScale * ounces
                    switch (kindTerms.bought[k], source.bought) {
                    case (false, false): change -= (source.charge - kindTerms.charges[k]) * index * gross
                    case (false, true): fineOz -= fine; change -= netBackChange(fine: fine, gross: gross, charge: kindTerms.charges[k])
                    case (true, false): fineOz += fine; change += netBackChange(fine: fine, gross: gross, charge: source.charge)
                    case (true, true): break
                    }
                }
            }
            let capture = captures[t]
            let fromMines = stateShare * change
            return DoreExportYear(year: row.year, minesGoldOz: fineOz, minesNetBackChange: change, stateChangeFromMines: fromMines,
                                  stateNetCashFromRefinery: stateNetCash[t], stateChange: fromMines + stateNetCash[t],
                                  refineryCapture: capture, netGainToMali: capture + change)
        }
        return DoreExportCounterfactual(years: years, total: DoreExportYear.combine(years, weights: years.map { _ in 1 }),
                                        presentValue: DoreExportYear.combine(years, weights: FinancialMath.discounted(rate: inputs.governmentDiscountRate, years.map { _ in 1 })))
    }
}

/// One year of ``DoreExportCounterfactual``, in nominal USD (year 0 in totals).
public struct DoreExportYear: Codable, Sendable, Equatable {
    /// The calendar year (0 in totals).
    public var year: Int
    /// The mines' fine gold refined at Sénou instead of abroad, troy ounces.
    public var minesGoldOz: Double
    /// The change in the mines' net-back, Sénou against abroad (negative: the mines lose).
    public var minesNetBackChange: Double
    /// The change in the state's corporate tax and stake dividends from the mines.
    public var stateChangeFromMines: Double
    /// The state's net cash from the refinery (``GovernmentRevenueYear/stateNetCash``).
    public var stateNetCashFromRefinery: Double
    /// The state's change against today: from the mines + from the refinery.
    public var stateChange: Double
    /// National capture without the avoided foreign fees and logistics.
    public var refineryCapture: Double
    /// Net gain to Mali against today: refinery capture + the mines' change.
    public var netGainToMali: Double

    static func combine(_ rows: [DoreExportYear], weights: [Double]) -> DoreExportYear {
        // A closure, not a key path: a key path literal instantiates generic metadata on every call,
        // which made these sums most of a Monte Carlo draw's time.
        func sum(_ field: (DoreExportYear) -> Double) -> Double {
            var total = 0.0
            for i in rows.indices { total += field(rows[i]) * weights[i] }
            return total
        }
        return DoreExportYear(year: 0, minesGoldOz: sum { $0.minesGoldOz }, minesNetBackChange: sum { $0.minesNetBackChange },
                              stateChangeFromMines: sum { $0.stateChangeFromMines }, stateNetCashFromRefinery: sum { $0.stateNetCashFromRefinery },
                              stateChange: sum { $0.stateChange }, refineryCapture: sum { $0.refineryCapture }, netGainToMali: sum { $0.netGainToMali })
    }
}
