/// The highest purchase margin the refinery can take on artisanal gold and still draw it away
/// from the UAE channel, where most Malian artisanal gold goes today (domain.md §2).
///
/// A seller weighs the refinery's price, (1 − margin) × the fine value, against what a trader
/// of the UAE channel pays: the fine value less the cost of re-refining non-LBMA bars, the
/// freight to Dubai and the trader's own margin. So:
///
///     maximum purchase margin = trader margin + (re-refining + freight) ÷ gold price
///
/// in the operating year where the bound is tightest, the channel's costs (written in dollars of
/// the first horizon year) indexed like prices, ``Economics/priceIndex(operatingYear:)``. A scenario
/// whose artisanal purchase margin exceeds it gets a ``note``, not an error: the gold it counts
/// on would rather go to the UAE. The channel's inputs are in ``FiscalInputs``.
public struct ArtisanalPriceBound: Codable, Sendable, Equatable {
    /// The UAE channel's cost of re-refining non-LBMA bars in force, USD per fine troy ounce of
    /// the year the bound is taken (indexed like prices from the first horizon year).
    public var reRefiningUsdPerOzFine: Double
    /// Freight and insurance to Dubai in force, USD per fine troy ounce of the year the bound is
    /// taken.
    public var freightUsdPerOzFine: Double
    /// The UAE trader's margin in force, a fraction of the fine value.
    public var traderMargin: Double
    /// The gold price of the operating year where the bound is tightest, USD/oz.
    public var goldPriceUsdPerOz: Double
    /// The highest artisanal purchase margin that still matches the UAE channel, a fraction.
    public var maximumPurchaseMargin: Double
    /// The highest artisanal purchase margin in force (the kind's, or an artisanal source's own
    /// in ``CommercialTerms/bySource``), a fraction of the fine value.
    public var purchaseMargin: Double
    /// Why the scenario's margin cannot hold against the UAE channel; nil when it can.
    public var note: String?

    /// The bound for `economics` (fiscal inputs resolved as `inputs`) over the cash-flow
    /// `rows`, with the artisanal purchase margin `margin` (the highest in force, sources with
    /// margins of their own included); nil when no artisanal gold is
    /// bought (a zero margin) or no year operates.
    static func make(economics: Economics, inputs: ResolvedFiscalInputs, rows: [CashFlowYear], margin: Double) -> ArtisanalPriceBound? {
        let operating = rows.filter { $0.operating && $0.goldPriceUsdPerOz > 0 }
        guard margin > 0, let firstYear = operating.first?.year else { return nil }
        let f = economics.fiscal ?? FiscalInputs()
        let reRefining = f.uaeReRefiningUsdPerOzFine ?? FiscalInputs.Defaults.uaeReRefiningUsdPerOzFine
        let freight = f.uaeFreightUsdPerOzFine ?? inputs.freightAndInsuranceUsdPerOzFine
        let traderMargin = f.uaeTraderMargin ?? FiscalInputs.Defaults.uaeTraderMargin
        // The channel's costs are in dollars of the first horizon year and move with prices;
        // the bound is taken in the year where it is tightest.
        guard let tightest = operating.map({ row -> (price: Double, index: Double, maximum: Double) in
            let index = economics.priceIndex(operatingYear: row.year - firstYear)
            return (row.goldPriceUsdPerOz, index, traderMargin + (reRefining + freight) * index / row.goldPriceUsdPerOz)
        }).min(by: { $0.maximum < $1.maximum }) else { return nil }
        let price = tightest.price, maximum = tightest.maximum
        let reRefiningThen = reRefining * tightest.index, freightThen = freight * tightest.index
        let percent = { (x: Double) in JSONValue.format((x * 10_000).rounded() / 100) + "%" }
        let note = margin > maximum
            ? "the artisanal purchase margin \(percent(margin)) exceeds the \(percent(maximum)) the UAE channel allows "
                + "(trader margin \(percent(traderMargin)) + (\(JSONValue.format((reRefiningThen * 100).rounded() / 100)) + \(JSONValue.format((freightThen * 100).rounded() / 100))) USD/oz "
                + "÷ \(JSONValue.format(price.rounded())) USD/oz): sellers would get more from the UAE channel"
            : nil
        return ArtisanalPriceBound(reRefiningUsdPerOzFine: reRefiningThen, freightUsdPerOzFine: freightThen, traderMargin: traderMargin,
                                   goldPriceUsdPerOz: price, maximumPurchaseMargin: maximum, purchaseMargin: margin, note: note)
    }
}
