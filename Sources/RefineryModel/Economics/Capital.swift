/// Investment, depreciation and working capital.
public struct Capital: Codable, Sendable, Equatable {
    /// Investments by phase, in the year they are paid (possibly before the first horizon
    /// year: the cash-flow timeline then starts with the construction years).
    public var investments: [Investment]
    /// Sustaining capex each operating year, as a fraction of the investments made so far.
    public var sustainingShare: Double
    /// Straight-line depreciation period of every investment (and sustaining capex), years.
    public var depreciationYears: Int
    /// Trade receivables, in days of revenue (working capital).
    public var receivableDays: Double
    public var basis: String?

    public init(investments: [Investment], sustainingShare: Double, depreciationYears: Int, receivableDays: Double, basis: String? = nil) {
        self.investments = investments
        self.sustainingShare = sustainingShare
        self.depreciationYears = depreciationYears
        self.receivableDays = receivableDays
        self.basis = basis
    }
}

/// One investment, such as phase 1 construction.
public struct Investment: Codable, Sendable, Equatable {
    public var name: String
    /// The calendar year it is paid.
    public var year: Int
    /// Amount, USD (nominal).
    public var usd: Double
    /// Share spent with Malian suppliers and contractors (national capture).
    public var localShare: Double
    public var basis: String?

    public init(name: String, year: Int, usd: Double, localShare: Double, basis: String? = nil) {
        self.name = name
        self.year = year
        self.usd = usd
        self.localShare = localShare
        self.basis = basis
    }
}

/// How investments are funded. Debt is drawn with each investment and repaid in equal
/// instalments of principal over the tenor, starting the year after drawing; what the
/// horizon leaves outstanding is repaid in its last year. Equity covers the rest.
public struct Financing: Codable, Sendable, Equatable {
    /// Share of each investment funded by debt, in [0, 1].
    public var debtShare: Double
    /// Interest rate, a fraction a year.
    public var interestRate: Double
    /// Years over which each drawing is repaid.
    public var tenorYears: Int
    /// Whether the lenders are Malian (their interest then stays in Mali).
    public var lenderMalian: Bool
    public var basis: String?

    public init(debtShare: Double, interestRate: Double, tenorYears: Int, lenderMalian: Bool, basis: String? = nil) {
        self.debtShare = debtShare
        self.interestRate = interestRate
        self.tenorYears = tenorYears
        self.lenderMalian = lenderMalian
        self.basis = basis
    }
}

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
    /// buys and resells (artisanal gold), rather than only its margin. The default is false
    /// (turnover = revenue: fees, metal gain, margins).
    public var turnoverIncludesGoldSales: Bool?
    public var basis: String?

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
