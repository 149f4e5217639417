/// The exchange rates used to show headline figures in West African CFA francs (XOF) and euros
/// (EUR): the `economics.currency` section of a scenario. The model computes in US dollars;
/// these rates only convert its results.
///
/// The XOF is pegged to the euro at 655.957 XOF per EUR (BCEAO, fixed since 1 January 1999
/// when the euro replaced the French franc at 100 XOF = 1 FRF), so only the dollar rate is an
/// input.
public struct Currency: Codable, Sendable, Equatable {
    /// CFA francs (XOF) per US dollar. Default ``defaultXofPerUsd``.
    public var xofPerUsd: Double?
    /// Where the rate comes from: a citation with its date, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the section; the parameters are the properties of the same names.
    public init(xofPerUsd: Double? = nil, basis: String? = nil) {
        self.xofPerUsd = xofPerUsd
        self.basis = basis
    }

    /// The fixed parity of the CFA franc: 655.957 XOF per euro (BCEAO; 1 EUR = 6.55957 FRF and
    /// 1 FRF = 100 XOF since 1 January 1999).
    public static let xofPerEur = 655.957

    /// The dollar rate when a scenario gives none: 565 XOF per USD, an assumption (domain.md
    /// §9, "about 565 XOF/USD" in June 2025; range 540–620).
    public static let defaultXofPerUsd = 565.0
}

/// One amount in US dollars, CFA francs and euros.
public struct MoneyAmount: Codable, Sendable, Equatable {
    /// The amount in US dollars.
    public var usd: Double
    /// The amount in CFA francs (XOF): `usd × xofPerUsd`.
    public var xof: Double
    /// The amount in euros: `xof ÷ 655.957`.
    public var eur: Double

    /// Converts `usd` at `xofPerUsd` and the fixed euro peg.
    public init(usd: Double, xofPerUsd: Double) {
        self.usd = usd
        xof = usd * xofPerUsd
        eur = xof / Currency.xofPerEur
    }
}

/// The headline figures of a valuation in USD, XOF and EUR, with the rates used.
public struct HeadlineCurrencies: Codable, Sendable, Equatable {
    /// CFA francs per US dollar (``Currency/xofPerUsd`` or its default).
    public var xofPerUsd: Double
    /// CFA francs per euro: the fixed peg, 655.957.
    public var xofPerEur: Double
    /// Where the dollar rate comes from.
    public var basis: String
    /// NPV of the free cash flow to the firm.
    public var projectNPV: MoneyAmount
    /// National capture over the timeline (undiscounted).
    public var nationalCapture: MoneyAmount
    /// The present value of the state's net cash flow (nil without a fiscal view).
    public var stateNetCashNpv: MoneyAmount?
    /// The net gain to Mali against exporting doré, in present value (nil without a fiscal view).
    public var netGainToMali: MoneyAmount?

    /// The basis written when the scenario gives no dollar rate.
    public static let defaultBasis = "assumption: about 565 XOF/USD (June 2025, domain.md §9; range 540–620); 655.957 XOF/EUR fixed (BCEAO, 1999)"

    /// Whether the dollar rate is the default assumption rather than a scenario input.
    public var usesDefaultRate: Bool { basis == Self.defaultBasis && xofPerUsd == Currency.defaultXofPerUsd }

    /// Converts the headline figures of `valuation` at `currency`'s rate (nil: the default).
    public init(_ valuation: Valuation, currency: Currency?) {
        let rate = currency?.xofPerUsd ?? Currency.defaultXofPerUsd
        xofPerUsd = rate
        xofPerEur = Currency.xofPerEur
        basis = currency?.xofPerUsd != nil ? currency?.basis ?? "scenario input" : Self.defaultBasis
        projectNPV = MoneyAmount(usd: valuation.summary.projectNPVUsd, xofPerUsd: rate)
        nationalCapture = MoneyAmount(usd: valuation.valueAdded.total.nationalCapture, xofPerUsd: rate)
        stateNetCashNpv = valuation.fiscal.map { MoneyAmount(usd: $0.stateNetCashNpvUsd, xofPerUsd: rate) }
        netGainToMali = valuation.fiscal.map { MoneyAmount(usd: $0.doreExport.presentValue.netGainToMali, xofPerUsd: rate) }
    }
}
