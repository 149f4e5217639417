/// The headline figures and yearly cash flows of a valuation, as the `run` and `value` reports
/// carry them (`valuation` in their JSON).
public struct ValuationSection: Codable, Sendable {
    /// NPV, IRR, payback, totals and break-evens.
    public var summary: ValuationSummary
    /// Each year's revenue, costs, tax, debt and free cash flows.
    public var years: [CashFlowYear]
    /// The headline figures in USD, XOF and EUR (absent in a report written without them).
    public var currencies: HeadlineCurrencies?

    /// The section of a valuation.
    public init(_ valuation: Valuation) {
        summary = valuation.summary
        years = valuation.years
        currencies = valuation.currencies
    }
}
