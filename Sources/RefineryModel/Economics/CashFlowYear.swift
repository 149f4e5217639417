/// One year of the company's cash flows, all in nominal USD. Construction years (before the
/// first horizon year) carry capex and financing only.
///
/// Identities (checked by the tests):
/// - `revenue` = the sum of the revenue lines; `opex` = the sum of the opex lines and `importDuties`;
/// - `ebitda` = `revenue` − `opex`; `corporateTax` = `incomeTax` + `minimumTaxTopUp`;
/// - `freeCashFlowToFirm` = `ebitda` − `unleveredTax` − `capex` − `sustainingCapex` − `workingCapitalChange`;
/// - `freeCashFlowToEquity` = `ebitda` − `corporateTax` − `capex` − `sustainingCapex` −
///   `workingCapitalChange` + `debtDrawn` − `interest` − `principalRepaid`
///   + (change in `goldLoanOutstanding`) − `goldLoanInterest`;
/// - `taxableIncome` = `ebitda` − `depreciation` − `interest` − `goldLoanInterest`.
public struct CashFlowYear: Codable, Sendable, Equatable {
    /// The calendar year.
    public var year: Int
    /// Whether the plant operates (a horizon year) rather than being built.
    public var operating: Bool
    /// The share of the throughput model's volumes processed (intake factor, capacity cap).
    public var volumeScale: Double
    /// Fine gold received this year, kg, after the intake factor and capacity cap (`volumeScale`).
    public var goldIntakeKg: Double
    /// Fine gold finished this year (refined + lost), kg, scaled like `goldIntakeKg`.
    public var goldProcessedKg: Double
    /// The gold price used this year, USD per fine troy ounce (0 in construction years).
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
    /// Total revenue: the sum of the revenue lines above.
    public var revenue: Double

    // Opex lines.
    /// Wages of the Malian staff groups (loaded cost, inflated).
    public var staffMalian: Double
    /// Wages of the expatriate staff groups (loaded cost, inflated).
    public var staffExpatriate: Double
    /// Grid electricity (a local purchase).
    public var energyGrid: Double
    /// Diesel for the generators (imported).
    public var energyDiesel: Double
    /// Insurance on the gold on site (clients' gold in process and the refiner's locked gold).
    public var insurance: Double
    /// The other cost lines (chemicals, security, G&A…), total.
    public var otherOpex: Double
    /// The other cost lines one by one (by id).
    public var otherOpexLines: [String: Double]
    /// Total operating costs: the sum of the opex lines above.
    public var opex: Double
    /// Of the opex that is not wages, what is bought in Mali and what is imported.
    public var localPurchases: Double
    /// Opex that is neither wages nor bought in Mali.
    public var importedPurchases: Double
    /// Earnings before interest, tax, depreciation and amortisation: `revenue` − `opex`.
    public var ebitda: Double

    /// Straight-line depreciation of the investments and sustaining capex, from the first
    /// operating year after each is spent.
    public var depreciation: Double
    /// Interest on the debt outstanding at the start of the year.
    public var interest: Double
    /// EBITDA − depreciation − interest, before losses carried forward.
    public var taxableIncome: Double
    /// Earlier losses set against this year's income.
    public var lossesUsed: Double
    /// Corporate income tax at its rate.
    public var incomeTax: Double
    /// What the minimum tax on turnover adds to income tax.
    public var minimumTaxTopUp: Double
    /// Corporate tax paid: `incomeTax` + `minimumTaxTopUp`.
    public var corporateTax: Double
    /// The turnover the minimum tax applies to.
    public var taxTurnover: Double
    /// Corporate tax as if the company had no debt (for the free cash flow to the firm).
    public var unleveredTax: Double

    /// Phase investments.
    public var capex: Double
    /// The share of `capex` spent with Malian suppliers and contractors.
    public var localCapex: Double
    /// Sustaining capex: a share of the investments made so far, inflated (operating years only).
    public var sustainingCapex: Double
    /// Working capital at year end (own gold in units, gold bought in process, receivables,
    /// VAT awaiting refund); 0 at the end of the horizon, when it is released.
    public var workingCapital: Double
    /// This year's increase in working capital (negative when it is released).
    public var workingCapitalChange: Double

    /// Debt drawn this year: the debt share of this year's investments.
    public var debtDrawn: Double
    /// Principal repaid this year (what the horizon leaves outstanding is repaid in its last year).
    public var principalRepaid: Double
    /// Debt outstanding at the end of the year.
    public var debtOutstanding: Double
    /// The gold loan financing the gold the refinery owns (bought gold in process, bar
    /// receivables, gold locked in units) at the end of the year: the year's average holding,
    /// repaid in the last horizon year (0 without ``Conventions/ownedGoldWorkingCapital``).
    public var goldLoanOutstanding: Double = 0
    /// Interest on the gold loan at the gold financing rate, on the year's average holding
    /// (deductible from taxable income).
    public var goldLoanInterest: Double = 0

    /// Free cash flow to the firm: before financing, with tax as if there were no debt (`unleveredTax`).
    public var freeCashFlowToFirm: Double
    /// Free cash flow to equity: after interest, principal, debt drawn and corporate tax; what
    /// the holders fund (negative) or receive (positive).
    public var freeCashFlowToEquity: Double
    /// Withholding tax on the dividends of the year (collected from holders).
    public var dividendWithholding: Double

    // Customs and VAT (economics.fiscal).
    /// Customs duty and levies on the year's imported operating purchases: an opex line,
    /// included in `opex` (`importedPurchases` is their customs value, before duty).
    public var importDuties: Double = 0
    /// Customs duty and levies on the imported share of the year's investments and sustaining
    /// capex: capitalised, included in `capex` and `sustainingCapex` (and so depreciated).
    public var capexImportDuties: Double = 0
    /// VAT paid on the year's purchases (local and imported opex, capex and duties), refunded
    /// because the refinery's sales are zero-rated exports.
    public var vatPaid: Double = 0
    /// VAT paid and not yet refunded at year end (`vatPaid` × refund delay ÷ 365): part of
    /// `workingCapital`; 0 at the end of the horizon.
    public var vatReceivable: Double = 0
}
