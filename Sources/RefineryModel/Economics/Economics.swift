/// The commercial, cost, capital, tax and valuation inputs of a refinery: the `economics`
/// section of a scenario. Money is in US dollars (USD), gold and silver in troy ounces (oz) or
/// kilograms as each name says, rates and shares as fractions.
///
/// The physical side (what comes in, what is refined, lost or held in process) comes from the
/// ``ThroughputModel``; this section prices it. Every figure should carry a `basis`: a source,
/// or "assumption" with the reasoning (see `data/SOURCES.md`).
///
/// ```swift
/// let scenario = Scenario.senouBase
/// let model = try CashFlowModel(scenario: scenario)
/// let valuation = model.valuation()
/// print(valuation.summary.projectNPVUsd, valuation.summary.projectIRR.rates)
/// ```
public struct Economics: Codable, Sendable, Equatable {
    /// Gold and silver prices.
    public var prices: MetalPrices
    /// What the refinery charges and keeps: refining charges, payables, fees, discounts.
    public var terms: CommercialTerms
    /// Operating costs: staff, energy and other cost lines.
    public var opex: OperatingCosts
    /// Investment, depreciation and working capital.
    public var capital: Capital
    /// How the investment is funded: equity and debt.
    public var financing: Financing
    /// Corporate income tax, minimum tax, dividend withholding.
    public var taxes: Taxes
    /// Discount rate and inflation.
    public var valuation: ValuationParameters
    /// What Mali paid abroad before the refinery existed (for national capture).
    public var counterfactual: Counterfactual
    /// The inputs the tornado moves and the Monte Carlo draws, with their ranges. The default
    /// is none (no sensitivity analysis).
    public var uncertainties: [Uncertainty]
    /// The inputs of the fiscal view and of the doré-export counterfactual; nil (absent) takes
    /// every default of ``FiscalInputs/Defaults``.
    public var fiscal: FiscalInputs?
    /// The accounting conventions; nil (absent) takes every honest default of ``Conventions``.
    public var conventions: Conventions?
    /// The exchange rates that show headline figures in XOF and EUR; nil (absent) takes
    /// ``Currency/defaultXofPerUsd``.
    public var currency: Currency?

    /// Creates the economics section; the parameters are the properties of the same names.
    public init(prices: MetalPrices, terms: CommercialTerms, opex: OperatingCosts, capital: Capital, financing: Financing,
                taxes: Taxes, valuation: ValuationParameters, counterfactual: Counterfactual, uncertainties: [Uncertainty] = [], fiscal: FiscalInputs? = nil,
                conventions: Conventions? = nil, currency: Currency? = nil) {
        self.prices = prices
        self.terms = terms
        self.opex = opex
        self.capital = capital
        self.financing = financing
        self.taxes = taxes
        self.valuation = valuation
        self.counterfactual = counterfactual
        self.uncertainties = uncertainties
        self.fiscal = fiscal
        self.conventions = conventions
        self.currency = currency
    }

    private enum CodingKeys: String, CodingKey {
        case prices, terms, opex, capital, financing, taxes, valuation, counterfactual, uncertainties, fiscal, conventions, currency
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prices = try container.decode(MetalPrices.self, forKey: .prices)
        terms = try container.decode(CommercialTerms.self, forKey: .terms)
        opex = try container.decode(OperatingCosts.self, forKey: .opex)
        capital = try container.decode(Capital.self, forKey: .capital)
        financing = try container.decode(Financing.self, forKey: .financing)
        taxes = try container.decode(Taxes.self, forKey: .taxes)
        valuation = try container.decode(ValuationParameters.self, forKey: .valuation)
        counterfactual = try container.decode(Counterfactual.self, forKey: .counterfactual)
        uncertainties = try container.decodeIfPresent([Uncertainty].self, forKey: .uncertainties) ?? []
        fiscal = try container.decodeIfPresent(FiscalInputs.self, forKey: .fiscal)
        conventions = try container.decodeIfPresent(Conventions.self, forKey: .conventions)
        currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
    }
}

/// Metal prices in USD per troy ounce, flat (one value) or a yearly path from the first
/// horizon year (the last value repeats).
public struct MetalPrices: Codable, Sendable, Equatable {
    /// Gold, USD per fine troy ounce, per horizon year; the last value repeats.
    public var goldUsdPerOz: [Double]
    /// Silver, USD per fine troy ounce, per horizon year; the last value repeats.
    public var silverUsdPerOz: [Double]
    /// Where the figures come from.
    public var basis: String?

    /// Creates a price set; one value per array is a flat price.
    public init(goldUsdPerOz: [Double], silverUsdPerOz: [Double], basis: String? = nil) {
        self.goldUsdPerOz = goldUsdPerOz
        self.silverUsdPerOz = silverUsdPerOz
        self.basis = basis
    }
}

/// Discounting and inflation.
public struct ValuationParameters: Codable, Sendable, Equatable {
    /// The nominal USD discount rate of the project (the free cash flow to the firm), as a
    /// fraction a year, such as 0.14; also the equity's when ``Conventions/separateCostOfEquity``
    /// is off.
    public var discountRate: Double
    /// The rate at which the free cash flow to equity and the holders' flows are discounted, a
    /// fraction a year. Default: ``discountRate`` levered by Modigliani and Miller's
    /// proposition II at the debt share and interest rate (see ``Economics/costOfEquity(projectRate:)``).
    public var costOfEquity: Double?
    /// Yearly inflation of costs (staff, energy prices, other opex lines, sustaining capex),
    /// from the first horizon year; of prices, charges and fees too with
    /// ``Conventions/indexPricesToInflation`` (the default). None in real terms.
    public var inflation: Double
    /// The money of the valuation: nominal (default) or real (constant dollars of the first
    /// horizon year, discounted at Fisher's real rates), see ``PriceBasis``.
    public var priceBasis: PriceBasis?
    /// The yearly growth of the free cash flow to the firm after the horizon, for a Gordon
    /// terminal value added to the project NPV (``CashFlowModel/terminalValue(of:rate:)``); in
    /// the valuation's price basis and below its discount rate. Nil (the default): no terminal
    /// value, the project ends with the horizon.
    public var terminalGrowth: Double?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the valuation parameters; the parameters are the properties of the same names.
    public init(discountRate: Double, inflation: Double, costOfEquity: Double? = nil, priceBasis: PriceBasis? = nil, terminalGrowth: Double? = nil,
                basis: String? = nil) {
        self.discountRate = discountRate
        self.costOfEquity = costOfEquity
        self.inflation = inflation
        self.priceBasis = priceBasis
        self.terminalGrowth = terminalGrowth
        self.basis = basis
    }
}

/// What the gold processed would have cost Mali abroad without the refinery: the export
/// logistics and foreign refining fees it no longer pays. Counted in national capture for
/// gold whose source is in ``originCountry``.
public struct Counterfactual: Codable, Sendable, Equatable {
    /// The refining charge a foreign refiner would have taken, USD per gross ounce.
    public var foreignRefiningUsdPerOzGross: Double
    /// Export logistics (transport, insurance) no longer paid abroad, USD per fine ounce of gold.
    public var exportLogisticsUsdPerOzFine: Double
    /// ISO 3166 code of the country whose capture is measured; sources with this `country`
    /// count as domestic gold. Such as "ML".
    public var originCountry: String
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the counterfactual; the parameters are the properties of the same names.
    public init(foreignRefiningUsdPerOzGross: Double, exportLogisticsUsdPerOzFine: Double, originCountry: String, basis: String? = nil) {
        self.foreignRefiningUsdPerOzGross = foreignRefiningUsdPerOzGross
        self.exportLogisticsUsdPerOzFine = exportLogisticsUsdPerOzFine
        self.originCountry = originCountry
        self.basis = basis
    }
}

/// Troy ounces and kilograms.
public enum TroyOunce {
    /// Troy ounces in one kilogram: 1 kg = 32.150 746 6 oz t (1 oz t = 31.103 476 8 g).
    public static let perKilogram = 1000 / 31.1034768
}
