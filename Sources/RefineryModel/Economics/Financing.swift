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
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the financing; the parameters are the properties of the same names.
    public init(debtShare: Double, interestRate: Double, tenorYears: Int, lenderMalian: Bool, basis: String? = nil) {
        self.debtShare = debtShare
        self.interestRate = interestRate
        self.tenorYears = tenorYears
        self.lenderMalian = lenderMalian
        self.basis = basis
    }
}
