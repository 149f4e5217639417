/// The fiscal view's tables (the `fiscal` section of ``ValuationReport`` and ``RunReport``).
/// Money is nominal USD.
extension CSVTable {
    /// `fiscal_by_year`: the state's cash from the refinery in long format, one row per year
    /// and instrument (``FiscalInstrument``, in its order); equity calls are negative.
    public static func fiscalByYear(_ fiscal: FiscalView) -> CSVTable {
        typealias Row = (year: Int, instrument: FiscalInstrument, usd: Double)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("instrument", "The instrument: " + FiscalInstrument.allCases.map(\.rawValue).joined(separator: ", ") + ".") { $0.instrument.rawValue },
            .number("usd", "The state's cash through the instrument in the year (equity calls negative), USD.") { $0.usd },
        ]
        let rows = fiscal.years.flatMap { year in FiscalInstrument.allCases.map { (year: year.year, instrument: $0, usd: year.amount($0)) } }
        return CSVTable(name: "fiscal_by_year", description: "One row per year and instrument: the state's cash from the refinery (USD).", columns, rows: rows)
    }

    /// `fiscal_summary`: the fiscal view's headline figures, one row (take and AETR empty
    /// when undefined).
    public static func fiscalSummary(_ fiscal: FiscalView) -> CSVTable {
        func unique(_ irr: IRRResult) -> Double? { irr.rates.count == 1 ? irr.rates[0] : nil }
        let columns: [TableColumn<FiscalView>] = [
            .number("government_discount_rate_fraction", "The government discount rate, a fraction a year.") { $0.inputs.governmentDiscountRate },
            .number("state_net_cash_usd", "The state's net cash over the timeline, USD.") { $0.total.stateNetCash },
            .number("state_net_cash_npv_usd", "NPV of the state's net cash at the government discount rate, USD.") { $0.stateNetCashNpvUsd },
            .number("pre_tax_net_cash_flow_usd", "The project's pre-tax net cash flow over the timeline, USD.") { $0.total.preTaxNetCashFlow },
            .number("government_take_fraction", "FARI government take (empty when undefined).") { $0.governmentTake },
            .number("aetr_fraction", "FARI average effective tax rate at the government discount rate (empty when undefined).") { $0.aetr },
            .number("pre_tax_irr_fraction", "The pre-tax IRR when unique (empty otherwise).") { unique($0.preTaxIRR) },
            .number("post_tax_irr_fraction", "The post-tax IRR when unique (empty otherwise).") { unique($0.postTaxIRR) },
            .number("mines_net_back_change_pv_usd", "The change in the mines' net-back against exporting doré, PV at the government rate, USD.") { $0.doreExport.presentValue.minesNetBackChange },
            .number("state_change_pv_usd", "The state's change against exporting doré (from the mines and the refinery), PV, USD.") { $0.doreExport.presentValue.stateChange },
            .number("net_gain_to_mali_usd", "Net gain to Mali against exporting doré over the timeline, USD.") { $0.doreExport.total.netGainToMali },
            .number("net_gain_to_mali_pv_usd", "Net gain to Mali against exporting doré, PV at the government rate, USD.") { $0.doreExport.presentValue.netGainToMali },
        ]
        return CSVTable(name: "fiscal_summary", description: "One row: the state's net cash and NPV, government take, AETR, IRRs and the net gain to Mali (USD).", columns, rows: [fiscal])
    }
}
