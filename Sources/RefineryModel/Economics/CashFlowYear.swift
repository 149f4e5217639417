/// One year of the company's cash flows, all in nominal USD. Construction years (before the
/// first horizon year) carry capex and financing only.
///
/// Identities (checked by the tests):
/// - `revenue` = the sum of the revenue lines; `opex` = the sum of the opex lines;
/// - `ebitda` = `revenue` − `opex`; `corporateTax` = `incomeTax` + `minimumTaxTopUp`;
/// - `freeCashFlowToFirm` = `ebitda` − `unleveredTax` − `capex` − `sustainingCapex` − `workingCapitalChange`;
/// - `freeCashFlowToEquity` = `ebitda` − `corporateTax` − `capex` − `sustainingCapex` −
///   `workingCapitalChange` + `debtDrawn` − `interest` − `principalRepaid`.
public struct CashFlowYear: Codable, Sendable, Equatable {
    public var year: Int
    /// Whether the plant operates (a horizon year) rather than being built.
    public var operating: Bool
    /// The share of the throughput model's volumes processed (intake factor, capacity cap).
    public var volumeScale: Double
    public var goldIntakeKg: Double
    public var goldProcessedKg: Double
    public var goldPriceUsdPerOz: Double

    // Revenue lines.
    /// Refining charges on gross ounces received.
    public var refiningCharges: Double
    /// Impurity penalties.
    public var penalties: Double
    /// Fees per lot.
    public var lotFees: Double
    /// Gold recovered beyond what is returned to clients (recovery − payable), at the gold price.
    public var metalGain: Double
    /// Silver recovered beyond what is returned to clients, at the silver price (negative when
    /// recovery falls short of the payable).
    public var silverCredit: Double
    /// The margin on gold bought outright (artisanal).
    public var purchaseMargin: Double
    /// The discount given back to clients until the brand is accredited (≤ 0).
    public var unaccreditedDiscount: Double
    public var revenue: Double

    // Opex lines.
    public var staffMalian: Double
    public var staffExpatriate: Double
    public var energyGrid: Double
    public var energyDiesel: Double
    public var insurance: Double
    /// The other cost lines (chemicals, security, G&A…), total.
    public var otherOpex: Double
    /// The other cost lines one by one (by id).
    public var otherOpexLines: [String: Double]
    public var opex: Double
    /// Of the opex that is not wages, what is bought in Mali and what is imported.
    public var localPurchases: Double
    public var importedPurchases: Double
    public var ebitda: Double

    public var depreciation: Double
    public var interest: Double
    /// EBITDA − depreciation − interest, before losses carried forward.
    public var taxableIncome: Double
    /// Earlier losses set against this year's income.
    public var lossesUsed: Double
    /// Corporate income tax at its rate.
    public var incomeTax: Double
    /// What the minimum tax on turnover adds to income tax.
    public var minimumTaxTopUp: Double
    public var corporateTax: Double
    /// The turnover the minimum tax applies to.
    public var taxTurnover: Double
    /// Corporate tax as if the company had no debt (for the free cash flow to the firm).
    public var unleveredTax: Double

    /// Phase investments.
    public var capex: Double
    public var localCapex: Double
    public var sustainingCapex: Double
    /// Working capital at year end (own gold in units, gold bought in process, receivables);
    /// 0 at the end of the horizon, when it is released.
    public var workingCapital: Double
    public var workingCapitalChange: Double

    public var debtDrawn: Double
    public var principalRepaid: Double
    public var debtOutstanding: Double

    public var freeCashFlowToFirm: Double
    public var freeCashFlowToEquity: Double
    /// Withholding tax on the dividends of the year (collected from holders).
    public var dividendWithholding: Double
}
