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
    /// With it (the default), a distribution is a dividend only out of distributable profit
    /// (OHADA Uniform Act on commercial companies and economic interest groups, art. 143):
    /// the year's net income (`taxableIncome` − `corporateTax`) is added to retained earnings,
    /// dividends never exceed them when positive, and the cash not paid out stays in the
    /// company (it meets later calls first); the last horizon year returns what is left.
    public func equityDistributions(_ rows: [CashFlowYear]) -> [Double] {
        let flows = rows.map(\.freeCashFlowToEquity)
        guard economics.resolvedConventions.distributableProfitTest else { return flows }
        var retainedEarnings = 0.0, cash = 0.0
        return rows.indices.map { t in
            retainedEarnings += rows[t].taxableIncome - rows[t].corporateTax
            let available = flows[t] + cash
            if t == rows.count - 1 || available <= 0 {
                cash = 0
                return available
            }
            let dividend = min(available, max(0, retainedEarnings))
            retainedEarnings -= dividend
            cash = available - dividend
            return dividend
        }
    }
}
