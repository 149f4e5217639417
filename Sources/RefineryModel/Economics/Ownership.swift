/// Who owns the refining company: the `ownership` section of a scenario.
///
/// Shares add up to 1. Unless ``minimumMalianShare`` says otherwise, Malian holders together
/// own more than one half (the project is announced as Malian-majority).
public struct Ownership: Codable, Sendable, Equatable {
    /// The shareholders; their shares add up to 1.
    public var holders: [Holder]
    /// The Malian holders' aggregate share must exceed this. The default is 0.5 (a Malian
    /// majority); a scenario that states another rule sets it, e.g. 0 for none.
    public var minimumMalianShare: Double?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the ownership section; the parameters are the properties of the same names.
    public init(holders: [Holder], minimumMalianShare: Double? = nil, basis: String? = nil) {
        self.holders = holders
        self.minimumMalianShare = minimumMalianShare
        self.basis = basis
    }

    /// The rule in force: ``minimumMalianShare`` or 0.5.
    public var malianShareRule: Double { minimumMalianShare ?? 0.5 }

    /// The Malian holders' aggregate share.
    public var malianShare: Double { holders.filter(\.malian).reduce(0) { $0 + $1.share } }
}

/// A shareholder.
public struct Holder: Codable, Sendable, Equatable {
    /// A unique identifier, such as `mali-state`.
    public var id: String
    /// The holder's name, as reports show it.
    public var name: String
    /// Share of the company, in [0, 1] (0: no stake).
    public var share: Double
    /// Whether the holder is Malian (national capture, the majority rule).
    public var malian: Bool
    /// Whether the holder is the state or a private party (the state may be exempt from withholding).
    public var kind: HolderKind
    /// A carried interest contributes no capital; the paying holders fund its part.
    public var carried: Bool
    /// When a carried interest starts receiving dividends. Ignored for paying holders.
    public var dividendsFrom: DividendStart
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates a holder; the parameters are the properties of the same names.
    public init(id: String, name: String, share: Double, malian: Bool, kind: HolderKind, carried: Bool = false,
                dividendsFrom: DividendStart = .start, basis: String? = nil) {
        self.id = id
        self.name = name
        self.share = share
        self.malian = malian
        self.kind = kind
        self.carried = carried
        self.dividendsFrom = dividendsFrom
        self.basis = basis
    }
}

/// What kind of holder.
public enum HolderKind: String, Codable, Sendable, CaseIterable {
    /// The state, or a state agency (exempt from dividend withholding when
    /// ``Taxes/stateExemptFromWithholding`` says so).
    case state
    /// A private investor, Malian or foreign.
    case `private`
}

/// When a carried interest's dividends start.
public enum DividendStart: String, Codable, Sendable, CaseIterable {
    /// From the first distribution.
    case start
    /// Once the paying holders have had their contributions back (the equity's payback).
    case payback
}
