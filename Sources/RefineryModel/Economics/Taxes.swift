/// The taxes the refinery and its shareholders pay.
public struct Taxes: Codable, Sendable, Equatable {
    /// Corporate income tax rate on taxable profit (after depreciation, interest and losses
    /// carried forward).
    public var corporateIncomeTax: Double
    /// Minimum tax, as a fraction of turnover (revenue): income tax is never less.
    public var minimumTaxOnTurnover: Double
    /// Withholding tax on dividends, as a fraction of gross dividends.
    public var dividendWithholding: Double
    /// Whether holders of kind `state` are exempt from withholding (a state does not tax itself).
    public var stateExemptFromWithholding: Bool
    /// Years a tax loss can be carried forward.
    public var lossCarryForwardYears: Int
    /// Whether the minimum tax's turnover counts the full sales value of gold the refiner
    /// buys and resells (artisanal gold), rather than only its margin. The default is true:
    /// under SYSCOHADA a trader's turnover (chiffre d'affaires) is its sales of goods, here the
    /// bars sold from bought gold, plus its services. False is the earlier convention
    /// (turnover = revenue: fees, metal gain, margins). See ``Conventions``.
    public var turnoverIncludesGoldSales: Bool?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the tax inputs; the parameters are the properties of the same names.
    public init(corporateIncomeTax: Double, minimumTaxOnTurnover: Double, dividendWithholding: Double,
                stateExemptFromWithholding: Bool, lossCarryForwardYears: Int, turnoverIncludesGoldSales: Bool? = nil, basis: String? = nil) {
        self.corporateIncomeTax = corporateIncomeTax
        self.minimumTaxOnTurnover = minimumTaxOnTurnover
        self.dividendWithholding = dividendWithholding
        self.stateExemptFromWithholding = stateExemptFromWithholding
        self.lossCarryForwardYears = lossCarryForwardYears
        self.turnoverIncludesGoldSales = turnoverIncludesGoldSales
        self.basis = basis
    }
}
