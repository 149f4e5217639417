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
    /// Days from a bar sold from gold the refinery bought to its payment (receivables on the
    /// sales of bought gold, with ``Conventions/ownedGoldWorkingCapital``). Default
    /// ``defaultBarSettlementDays``.
    public var barSettlementDays: Double?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the capital inputs; the parameters are the properties of the same names.
    public init(investments: [Investment], sustainingShare: Double, depreciationYears: Int, receivableDays: Double,
                barSettlementDays: Double? = nil, basis: String? = nil) {
        self.barSettlementDays = barSettlementDays
        self.investments = investments
        self.sustainingShare = sustainingShare
        self.depreciationYears = depreciationYears
        self.receivableDays = receivableDays
        self.basis = basis
    }

    /// 10 days: assumption, the time bars from Bamako take to reach a buyer and be paid (the
    /// same 10 days as in ``FiscalInputs/Defaults/settlementDaysAtSenou``, which adds them to
    /// the Miller route's 10-day turnaround, domain.md §9).
    public static let defaultBarSettlementDays = 10.0
}

/// One investment, such as phase 1 construction.
public struct Investment: Codable, Sendable, Equatable {
    /// The investment's name, shown in reports (such as "Phase 1 construction").
    public var name: String
    /// The calendar year it is paid.
    public var year: Int
    /// Amount, USD (nominal).
    public var usd: Double
    /// Share spent with Malian suppliers and contractors (national capture).
    public var localShare: Double
    /// The name of the plant expansion (`plant.expansions[].name`) this investment pays for;
    /// nil for investments every plant needs. With ``Conventions/capexOnlyForBuiltExpansions``
    /// it is spent only when the plant has that expansion.
    public var expansion: String?
    /// Where the figure comes from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates an investment; the parameters are the properties of the same names.
    public init(name: String, year: Int, usd: Double, localShare: Double, expansion: String? = nil, basis: String? = nil) {
        self.expansion = expansion
        self.name = name
        self.year = year
        self.usd = usd
        self.localShare = localShare
        self.basis = basis
    }
}
