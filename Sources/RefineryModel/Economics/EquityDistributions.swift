extension CashFlowModel {
    /// The cost of equity under `adjustments`: the rate of the free cash flow to equity and of
    /// the holders' flows (see ``Economics/costOfEquity(projectRate:)``).
    public func costOfEquity(_ adjustments: Adjustments = .none) -> Double {
        economics.inPriceBasis(rate: economics.costOfEquity(projectRate: adjustments.discountRate ?? economics.valuation.discountRate))
    }

    /// The flows between the company and its holders, one per row: calls negative,
    /// distributions positive.
    ///
    /// Without ``Conventions/distributableProfitTest`` they are the free cash flows to equity.
    /// With it (the default), a distribution is a dividend only out of distributable profit as
    /// the OHADA Uniform Act on commercial companies defines it (art. 143): the year's profit,
    /// less earlier losses and the legal reserve, plus profit carried forward. The year's net
    /// income (`taxableIncome` − `corporateTax`) is added to retained earnings; in a year with
    /// a profit, a tenth of it (less earlier losses still uncovered) goes to the legal reserve
    /// until the reserve reaches a fifth of the share capital (art. 346; the share capital is
    /// the equity called so far); dividends never exceed the retained earnings left, and the
    /// cash not paid out stays in the company (it meets later calls first). The last horizon
    /// year returns what is left, the reserve included (the company is wound up).
    public func equityDistributions(_ rows: [CashFlowYear]) -> [Double] {
        let flows = rows.map(\.freeCashFlowToEquity)
        guard economics.resolvedConventions.distributableProfitTest else { return flows }
        var retainedEarnings = 0.0, cash = 0.0, legalReserve = 0.0, shareCapital = 0.0
        return rows.indices.map { t in
            let income = rows[t].taxableIncome - rows[t].corporateTax
            retainedEarnings += income
            if income > 0, retainedEarnings > 0 {
                let allocation = min(Self.legalReserveShareOfProfit * min(income, retainedEarnings),
                                     max(0, Self.legalReserveCapShareOfCapital * shareCapital - legalReserve))
                legalReserve += allocation
                retainedEarnings -= allocation
            }
            let available = flows[t] + cash
            if t == rows.count - 1 || available <= 0 {
                cash = 0
                if available < 0 { shareCapital -= available }
                return available
            }
            let dividend = min(available, max(0, retainedEarnings))
            retainedEarnings -= dividend
            cash = available - dividend
            return dividend
        }
    }

    /// The share of a year's profit (less earlier losses) allocated to the legal reserve:
    /// one tenth (OHADA Uniform Act on commercial companies, art. 346).
    public static let legalReserveShareOfProfit = 0.1

    /// The legal reserve's ceiling, as a share of the share capital: one fifth (art. 346);
    /// allocations stop once it is reached.
    public static let legalReserveCapShareOfCapital = 0.2
}
