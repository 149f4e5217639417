/// The accounting conventions of the valuation: the `economics.conventions` section of a
/// scenario. Each switch defaults to the honest convention (documented with its source in
/// `data/SOURCES.md` and the DocC article "Accounting conventions"); setting it to the other value restores
/// the model's earlier convention, so earlier figures stay reproducible:
///
/// ```sh
/// refinery-cli value senou-base --set economics.conventions.metalGainOnPurchasedGold=true
/// ```
///
/// The minimum tax's turnover, the sixth convention, is ``Taxes/turnoverIncludesGoldSales``.
public struct Conventions: Codable, Sendable, Equatable {
    /// Whether metal gain (refined gold above the payable share) is booked on gold the refinery
    /// buys outright too. Default false: the seller of bought gold was paid on the full assay,
    /// so the refinery sells what it refines of it and bears its losses; metal gain is earned
    /// on toll gold only. True is the earlier convention (metal gain on all gold processed).
    public var metalGainOnPurchasedGold: Bool?
    /// Whether the gold the refinery owns is carried as working capital and financed by a gold
    /// loan: bars sold from bought gold are receivables for ``Capital/barSettlementDays``, and
    /// the owned gold (bought gold in process, bar receivables, gold locked in units) is
    /// financed at the fiscal ``FiscalInputs/goldFinancingRate`` (interest deductible). Toll
    /// gold stays the customer's and carries only insurance. Default true; false is the
    /// earlier convention (no bar receivables, no gold loan).
    public var ownedGoldWorkingCapital: Bool?
    /// Whether dividends are paid only out of distributable profit (OHADA Uniform Act on
    /// commercial companies, art. 143): a positive free cash flow to equity is paid out only as
    /// far as retained earnings are positive; the rest stays in the company as cash (used for
    /// later calls first) and what remains is returned to the holders in the last horizon year.
    /// Default true; false is the earlier convention (every positive flow is a dividend).
    public var distributableProfitTest: Bool?
    /// Whether an investment tied to a plant expansion (``Investment/expansion``) is spent only
    /// when the plant has that expansion. Default true; false is the earlier convention (every
    /// investment is spent).
    public var capexOnlyForBuiltExpansions: Bool?
    /// Whether the free cash flow to equity (and the holders' flows) is discounted at the cost
    /// of equity (``ValuationParameters/costOfEquity``) rather than the project rate. Default
    /// true; false is the earlier convention (one rate for firm and equity).
    public var separateCostOfEquity: Bool?
    /// Whether charges, penalties, lot fees and purchase margins are billed on the gold
    /// processed in the year (refined or lost) rather than on the gold received: a backlog
    /// that is never refined earns nothing. Default true; false is the earlier convention
    /// (billed on intake).
    public var chargeOnProcessedGold: Bool?
    /// Whether the gold and silver prices, refining charges, penalties, lot fees and the
    /// non-accredited discount are read in dollars of the first horizon year and grow at
    /// ``ValuationParameters/inflation`` like costs. Default true: a price held flat in
    /// nominal dollars while costs inflate is a real fall of the gold price nobody forecast.
    /// False is the earlier convention (prices, charges and fees flat in nominal dollars).
    public var indexPricesToInflation: Bool?
    /// Where the choices come from, or why a scenario departs from the defaults.
    public var basis: String?

    /// Creates the section; every switch defaults to nil (the honest default).
    public init(metalGainOnPurchasedGold: Bool? = nil, ownedGoldWorkingCapital: Bool? = nil, distributableProfitTest: Bool? = nil,
                capexOnlyForBuiltExpansions: Bool? = nil, separateCostOfEquity: Bool? = nil, chargeOnProcessedGold: Bool? = nil,
                indexPricesToInflation: Bool? = nil, basis: String? = nil) {
        self.metalGainOnPurchasedGold = metalGainOnPurchasedGold
        self.ownedGoldWorkingCapital = ownedGoldWorkingCapital
        self.distributableProfitTest = distributableProfitTest
        self.capexOnlyForBuiltExpansions = capexOnlyForBuiltExpansions
        self.separateCostOfEquity = separateCostOfEquity
        self.chargeOnProcessedGold = chargeOnProcessedGold
        self.indexPricesToInflation = indexPricesToInflation
        self.basis = basis
    }

    /// Every switch set to the model's earlier convention, the minimum tax's turnover included
    /// (apply with ``Economics/useEarlierConventions()``).
    public static let earlier = Conventions(
        metalGainOnPurchasedGold: true, ownedGoldWorkingCapital: false, distributableProfitTest: false,
        capexOnlyForBuiltExpansions: false, separateCostOfEquity: false, chargeOnProcessedGold: false, indexPricesToInflation: false)

    /// The switches with their defaults filled in.
    public var resolved: ResolvedConventions {
        ResolvedConventions(
            metalGainOnPurchasedGold: metalGainOnPurchasedGold ?? false, ownedGoldWorkingCapital: ownedGoldWorkingCapital ?? true,
            distributableProfitTest: distributableProfitTest ?? true, capexOnlyForBuiltExpansions: capexOnlyForBuiltExpansions ?? true,
            separateCostOfEquity: separateCostOfEquity ?? true, chargeOnProcessedGold: chargeOnProcessedGold ?? true,
            indexPricesToInflation: indexPricesToInflation ?? true)
    }
}

/// ``Conventions`` with every default filled in.
public struct ResolvedConventions: Sendable, Equatable {
    /// ``Conventions/metalGainOnPurchasedGold`` in force.
    public var metalGainOnPurchasedGold: Bool
    /// ``Conventions/ownedGoldWorkingCapital`` in force.
    public var ownedGoldWorkingCapital: Bool
    /// ``Conventions/distributableProfitTest`` in force.
    public var distributableProfitTest: Bool
    /// ``Conventions/capexOnlyForBuiltExpansions`` in force.
    public var capexOnlyForBuiltExpansions: Bool
    /// ``Conventions/separateCostOfEquity`` in force.
    public var separateCostOfEquity: Bool
    /// ``Conventions/chargeOnProcessedGold`` in force.
    public var chargeOnProcessedGold: Bool
    /// ``Conventions/indexPricesToInflation`` in force.
    public var indexPricesToInflation: Bool
}

extension Economics {
    /// The conventions in force (``conventions`` with its defaults filled in).
    public var resolvedConventions: ResolvedConventions { (conventions ?? Conventions()).resolved }

    /// Whether the minimum tax's turnover counts gold sales (``Taxes/turnoverIncludesGoldSales``,
    /// default true).
    public var turnoverIncludesGoldSales: Bool { taxes.turnoverIncludesGoldSales ?? true }

    /// Switches every convention to the model's earlier one (``Conventions/earlier``, and a
    /// minimum tax on the refinery's revenue only), keeping the section's `basis`.
    public mutating func useEarlierConventions() {
        let basis = conventions?.basis
        conventions = .earlier
        conventions?.basis = basis
        taxes.turnoverIncludesGoldSales = false
    }

    /// The cost of equity: ``ValuationParameters/costOfEquity`` when given, else the project
    /// rate `rate` levered by Modigliani and Miller's proposition II (no taxes) at the
    /// financing's debt share and interest rate: `rate + (rate − interest) × debt ÷ equity`
    /// (never below `rate`). With ``Conventions/separateCostOfEquity`` off, `rate` itself.
    public func costOfEquity(projectRate rate: Double) -> Double {
        guard resolvedConventions.separateCostOfEquity else { return rate }
        if let given = valuation.costOfEquity { return given }
        let debt = financing.debtShare
        guard debt < 1 else { return rate }
        return rate + max(0, rate - financing.interestRate) * debt / (1 - debt)
    }
}
