/// One shareholder's cash flows and value. Flows are per timeline year, in USD, from the
/// holder's side: contributions negative, dividends after withholding positive.
public struct HolderResult: Codable, Sendable, Equatable {
    /// The holder's identifier, as in ``Holder/id``.
    public var id: String
    /// The holder's name, as in ``Holder/name``.
    public var name: String
    /// The holder's share of the company, a fraction in [0, 1].
    public var share: Double
    /// Whether the holder is Malian (its share of the surplus counts in national capture).
    public var malian: Bool
    /// Whether the holder is the state or a private party.
    public var kind: HolderKind
    /// Whether the holder has a carried interest (contributes no capital).
    public var carried: Bool
    /// Capital contributed over the timeline (a positive amount).
    public var contributionsUsd: Double
    /// Dividends before withholding.
    public var grossDividendsUsd: Double
    /// Withholding tax on those dividends.
    public var withholdingUsd: Double
    /// Dividends after withholding.
    public var netDividendsUsd: Double
    /// Gross flows per year (contributions negative, gross dividends positive): the holders'
    /// gross flows add up to the company's free cash flow to equity.
    public var grossFlows: [Double]
    /// Net flows per year: gross flows less withholding.
    public var netFlows: [Double]
    /// NPV of the net flows at the scenario's discount rate.
    public var npvUsd: Double
    /// The internal rates of return of the net flows (none, one, or several).
    public var irr: IRRResult
    /// The timeline year of each entry of ``grossFlows`` and ``netFlows`` (set by the valuation;
    /// the JSON writes the flows as `flows`, one `{year, grossUsd, netUsd}` per year).
    public var flowYears: [Int] = []
}

/// Splits the company's equity flows among its holders.
///
/// A negative free cash flow to equity is called from the paying holders (not carried) in
/// proportion to their shares; a positive one is distributed as dividends to the holders
/// entitled that year in proportion to their shares: all holders, except carried interests
/// whose dividends start at payback before the paying holders' cumulative flow turns
/// non-negative. Every distribution is treated as a dividend; which flows are distributions
/// (the distributable-profit test) is ``CashFlowModel/equityDistributions(_:)``'s choice.
public enum OwnershipSplit {
    /// `computeIRR: false` skips the holders' IRRs (for Monte Carlo draws).
    public static func split(equityFlows: [Double], ownership: Ownership, taxes: Taxes, discountRate: Double,
                             computeIRR: Bool = true) -> [HolderResult] {
        let holders = ownership.holders
        let payingShare = holders.filter { !$0.carried }.reduce(0) { $0 + $1.share }
        var gross = [[Double]](repeating: [Double](repeating: 0, count: equityFlows.count), count: holders.count)
        var withholding = gross
        var cumulative = 0.0
        var contributed = false
        for (t, flow) in equityFlows.enumerated() {
            if flow < 0 {
                contributed = true
                for (h, holder) in holders.enumerated() where !holder.carried { gross[h][t] = flow * holder.share / payingShare }
            } else if flow > 0 {
                let paidBack = contributed ? cumulative >= 0 : true
                let entitled = holders.map { !$0.carried || $0.dividendsFrom == .start || paidBack }
                let entitledShare = zip(holders, entitled).filter(\.1).reduce(0) { $0 + $1.0.share }
                for (h, holder) in holders.enumerated() where entitled[h] {
                    gross[h][t] = flow * holder.share / entitledShare
                    let exempt = holder.kind == .state && taxes.stateExemptFromWithholding
                    withholding[h][t] = exempt ? 0 : gross[h][t] * taxes.dividendWithholding
                }
            }
            cumulative += flow
        }
        return holders.enumerated().map { h, holder in
            let net = zip(gross[h], withholding[h]).map { $0 - $1 }
            let dividends = gross[h].filter { $0 > 0 }.reduce(0, +)
            let tax = withholding[h].reduce(0, +)
            return HolderResult(
                id: holder.id, name: holder.name, share: holder.share, malian: holder.malian, kind: holder.kind, carried: holder.carried,
                contributionsUsd: -gross[h].filter { $0 < 0 }.reduce(0, +), grossDividendsUsd: dividends, withholdingUsd: tax,
                netDividendsUsd: dividends - tax, grossFlows: gross[h], netFlows: net,
                npvUsd: FinancialMath.npv(rate: discountRate, net),
                irr: computeIRR ? FinancialMath.irr(net) : IRRResult(rates: [], signChanges: FinancialMath.signChanges(net), note: "not computed"))
        }
    }
}
