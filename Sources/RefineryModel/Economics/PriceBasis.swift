import Foundation

/// The money in which a valuation is expressed (``ValuationParameters/priceBasis``).
public enum PriceBasis: String, Codable, Sendable, Equatable, CaseIterable {
    /// Current US dollars of each year (the default): costs grow at
    /// ``ValuationParameters/inflation``, and so do prices, charges and fees when
    /// ``Conventions/indexPricesToInflation`` is on; flows are discounted at the nominal rates.
    case nominal
    /// Constant US dollars of the first horizon year: nothing inflates, and every discount rate
    /// (project, cost of equity, government) is the nominal one deflated by Fisher's relation,
    /// `(1 + nominal) ÷ (1 + inflation) − 1`. Financing rates (debt, gold loan) stay as given,
    /// and depreciation is on the amounts spent, as in the nominal view.
    case real
}

extension Economics {
    /// The price basis in force (``ValuationParameters/priceBasis``, default nominal).
    public var priceBasis: PriceBasis { valuation.priceBasis ?? .nominal }

    /// The yearly rate at which costs grow: ``ValuationParameters/inflation``, or 0 in real terms.
    public var costInflation: Double { priceBasis == .real ? 0 : valuation.inflation }

    /// The yearly rate at which prices, charges and fees grow: ``costInflation`` with
    /// ``Conventions/indexPricesToInflation`` (the default), else 0 (flat as written).
    public var priceInflation: Double { resolvedConventions.indexPricesToInflation ? costInflation : 0 }

    /// The factor on prices, charges and fees written in dollars of the first horizon year, in
    /// operating year `h` (0 for the first): `(1 + priceInflation)^h`. The refinery's charges,
    /// the foreign charges and logistics of the counterfactual, and the UAE channel's costs all
    /// move by it, so no comparison mixes dollars of different years.
    public func priceIndex(operatingYear h: Int) -> Double {
        h > 0 ? pow(1 + priceInflation, Double(h)) : 1
    }

    /// A nominal discount rate in the valuation's price basis: itself in nominal terms,
    /// `(1 + rate) ÷ (1 + inflation) − 1` (Fisher) in real terms.
    public func inPriceBasis(rate: Double) -> Double {
        priceBasis == .real ? (1 + rate) / (1 + valuation.inflation) - 1 : rate
    }
}
