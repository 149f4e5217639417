/// The valuation's tables (the `valuation`, `ownership`, `valueAdded`, `tornado` and
/// `monteCarlo` sections of ``ValuationReport`` and ``RunReport``). Money is nominal USD.
extension CSVTable {
    /// `cash_flows_by_year`: the company's cash flows, one row per year of the timeline
    /// (construction years carry capex and financing only).
    public static func cashFlowsByYear(_ years: [CashFlowYear]) -> CSVTable {
        typealias Column = TableColumn<CashFlowYear>
        func usd(_ name: String, _ description: String, _ field: KeyPath<CashFlowYear, Double>) -> Column {
            .number(name + "_usd", description + ", USD.") { $0[keyPath: field] }
        }
        let columns: [Column] = [
            .integer("year", "Calendar year.") { $0.year },
            .boolean("operating", "Whether the plant operates (a horizon year) rather than being built.") { $0.operating },
            .number("volume_scale_fraction", "The share of the throughput model's volumes processed (intake factor, capacity cap).") { $0.volumeScale },
            .number("gold_intake_kg", "Gold received, kg.") { $0.goldIntakeKg },
            .number("gold_processed_kg", "Gold processed, kg.") { $0.goldProcessedKg },
            .number("gold_price_usd_per_oz", "Gold price, USD per troy ounce.") { $0.goldPriceUsdPerOz },
            usd("refining_charges", "Refining charges on gross ounces received", \.refiningCharges),
            usd("penalties", "Impurity penalties", \.penalties),
            usd("lot_fees", "Fees per lot", \.lotFees),
            usd("metal_gain", "Gold recovered beyond what is returned to clients, at the gold price", \.metalGain),
            usd("silver_credit", "Silver recovered beyond what is returned to clients, at the silver price", \.silverCredit),
            usd("purchase_margin", "Margin on gold bought outright", \.purchaseMargin),
            usd("unaccredited_discount", "Discount given back to clients until accreditation (≤ 0)", \.unaccreditedDiscount),
            usd("revenue", "Revenue: the sum of the lines above", \.revenue),
            usd("staff_malian", "Malian staff", \.staffMalian),
            usd("staff_expatriate", "Expatriate staff", \.staffExpatriate),
            usd("energy_grid", "Grid power", \.energyGrid),
            usd("energy_diesel", "Diesel", \.energyDiesel),
            usd("insurance", "Insurance", \.insurance),
            usd("other_opex", "The other cost lines, total (one by one in other_opex_by_year)", \.otherOpex),
            usd("opex", "Operating costs: the sum of the lines above", \.opex),
            usd("local_purchases", "Non-wage opex bought in Mali", \.localPurchases),
            usd("imported_purchases", "Non-wage opex imported", \.importedPurchases),
            usd("ebitda", "EBITDA = revenue − opex", \.ebitda),
            usd("depreciation", "Depreciation", \.depreciation),
            usd("interest", "Interest", \.interest),
            usd("taxable_income", "EBITDA − depreciation − interest, before losses carried forward", \.taxableIncome),
            usd("losses_used", "Earlier losses set against the year's income", \.lossesUsed),
            usd("income_tax", "Corporate income tax at its rate", \.incomeTax),
            usd("minimum_tax_top_up", "What the minimum tax on turnover adds to income tax", \.minimumTaxTopUp),
            usd("corporate_tax", "Corporate tax = income tax + minimum-tax top-up", \.corporateTax),
            usd("tax_turnover", "The turnover the minimum tax applies to", \.taxTurnover),
            usd("unlevered_tax", "Corporate tax as if the company had no debt", \.unleveredTax),
            usd("capex", "Phase investments", \.capex),
            usd("local_capex", "Of the investments, what is bought in Mali", \.localCapex),
            usd("sustaining_capex", "Sustaining capex", \.sustainingCapex),
            usd("working_capital", "Working capital at year end", \.workingCapital),
            usd("working_capital_change", "Change in working capital", \.workingCapitalChange),
            usd("debt_drawn", "Debt drawn", \.debtDrawn),
            usd("principal_repaid", "Principal repaid", \.principalRepaid),
            usd("debt_outstanding", "Debt outstanding at year end", \.debtOutstanding),
            usd("free_cash_flow_to_firm", "Free cash flow to the firm", \.freeCashFlowToFirm),
            usd("free_cash_flow_to_equity", "Free cash flow to equity", \.freeCashFlowToEquity),
            usd("dividend_withholding", "Withholding tax on the year's dividends", \.dividendWithholding),
        ]
        return CSVTable(name: "cash_flows_by_year", description: "One row per year: revenue and opex lines, tax, capex, debt and free cash flows (USD).", columns, rows: years)
    }

    /// `valuation_summary`: the headline figures of the valuation, one row (the JSON's
    /// `valuation.summary`). An IRR is given when it is unique; the notes say why not otherwise.
    public static func valuationSummary(_ summary: ValuationSummary) -> CSVTable {
        func unique(_ irr: IRRResult) -> Double? { irr.rates.count == 1 ? irr.rates[0] : nil }
        let columns: [TableColumn<ValuationSummary>] = [
            .number("discount_rate_fraction", "The discount rate (a fraction a year).") { $0.discountRate },
            .number("project_npv_usd", "NPV of the free cash flow to the firm at the start of the timeline, USD.") { $0.projectNPVUsd },
            .number("project_irr_fraction", "The project IRR when it is unique (a fraction; empty otherwise).") { unique($0.projectIRR) },
            .text("project_irr_note", "What the project IRR result means, in words.") { $0.projectIRR.note },
            .number("equity_npv_usd", "NPV of the free cash flow to equity, USD.") { $0.equityNPVUsd },
            .number("equity_irr_fraction", "The equity IRR when it is unique (a fraction; empty otherwise).") { unique($0.equityIRR) },
            .text("equity_irr_note", "What the equity IRR result means, in words.") { $0.equityIRR.note },
            .number("payback_years", "Years from the start of the timeline until the cumulative free cash flow to the firm turns non-negative (empty: never within the horizon).") { $0.paybackYears },
            .number("discounted_payback_years", "The same with discounted flows (empty: never within the horizon).") { $0.discountedPaybackYears },
            .number("ebitda_margin_fraction", "EBITDA ÷ revenue over the horizon (empty when revenue is not positive).") { $0.ebitdaMargin },
            .number("total_revenue_usd", "Revenue over the horizon, USD.") { $0.totalRevenueUsd },
            .number("total_ebitda_usd", "EBITDA over the horizon, USD.") { $0.totalEBITDAUsd },
            .number("total_taxes_usd", "Corporate tax and dividend withholding over the timeline, USD.") { $0.totalTaxesUsd },
            .number("total_capex_usd", "Investments over the timeline, USD.") { $0.totalCapexUsd },
            .number("break_even_refining_charge_usd_per_oz_gross", "The refining charge on every kind that makes the project NPV zero, USD per gross troy ounce (empty when there is none).") { $0.breakEvenRefiningCharge.value },
            .text("break_even_refining_charge_note", "What the break-even refining charge means, or why there is none.") { $0.breakEvenRefiningCharge.note },
            .number("break_even_intake_factor", "The factor on intake that makes the project NPV zero (empty when there is none).") { $0.breakEvenIntakeFactor.value },
            .text("break_even_intake_note", "What the break-even intake means, or why there is none.") { $0.breakEvenIntakeFactor.note },
            .number("break_even_intake_t_per_year", "Average yearly gold intake over the operating years at the break-even factor, t a year.") { $0.breakEvenIntakeTonnesPerYear },
        ]
        return CSVTable(name: "valuation_summary", description: "One row: NPV, IRR, payback, totals and break-evens of the valuation.", columns, rows: [summary])
    }

    /// `other_opex_by_year`: the other cost lines one by one, one row per line and year (lines
    /// in id order).
    public static func otherOpexByYear(_ years: [CashFlowYear]) -> CSVTable {
        typealias Row = (year: Int, line: String, usd: Double)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("line", "The cost line's id.") { $0.line },
            .number("cost_usd", "The line's cost in the year, USD.") { $0.usd },
        ]
        let rows = years.flatMap { year in year.otherOpexLines.sorted { $0.key < $1.key }.map { (year: year.year, line: $0.key, usd: $0.value) } }
        return CSVTable(name: "other_opex_by_year", description: "One row per other cost line and year (USD).", columns, rows: rows)
    }

    /// `holders`: what each shareholder puts in and takes out, one row per holder.
    public static func holders(_ holders: [HolderResult]) -> CSVTable {
        let columns: [TableColumn<HolderResult>] = [
            .text("holder_id", "The holder's id.") { $0.id },
            .text("name", "The holder's name.") { $0.name },
            .number("share_fraction", "The holder's share of the equity (a fraction).") { $0.share },
            .boolean("malian", "Whether the holder is Malian.") { $0.malian },
            .text("kind", "The kind of holder.") { $0.kind.rawValue },
            .boolean("carried", "Whether the interest is carried (pays no contributions).") { $0.carried },
            .number("contributions_usd", "Capital contributed over the timeline, USD.") { $0.contributionsUsd },
            .number("gross_dividends_usd", "Dividends before withholding, USD.") { $0.grossDividendsUsd },
            .number("withholding_usd", "Withholding tax on the dividends, USD.") { $0.withholdingUsd },
            .number("net_dividends_usd", "Dividends after withholding, USD.") { $0.netDividendsUsd },
            .number("npv_usd", "NPV of the net flows at the scenario's discount rate, USD.") { $0.npvUsd },
            .number("irr_fraction", "The IRR of the net flows when it is unique (a fraction; empty otherwise, see irr_note).") { $0.irr.rates.count == 1 ? $0.irr.rates[0] : nil },
            .text("irr_note", "What the IRR result means, in words.") { $0.irr.note },
        ]
        return CSVTable(name: "holders", description: "One row per shareholder: contributions, dividends, NPV and IRR (USD).", columns, rows: holders)
    }

    /// `holder_flows_by_year`: each holder's flows, one row per holder and year of `years`
    /// (the cash-flow years the flows are indexed by).
    public static func holderFlowsByYear(_ holders: [HolderResult], years: [CashFlowYear]) -> CSVTable {
        typealias Row = (year: Int, holder: HolderResult, index: Int)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("holder_id", "The holder's id.") { $0.holder.id },
            .number("gross_flow_usd", "Contributions (negative) and dividends before withholding (positive), USD.") { $0.holder.grossFlows[$0.index] },
            .number("net_flow_usd", "The gross flow less withholding, USD.") { $0.holder.netFlows[$0.index] },
        ]
        let rows = years.enumerated().flatMap { index, year in
            holders.filter { index < $0.grossFlows.count && index < $0.netFlows.count }.map { (year: year.year, holder: $0, index: index) }
        }
        return CSVTable(name: "holder_flows_by_year", description: "One row per holder and year: gross and net flows (USD).", columns, rows: rows)
    }

    /// The columns of the value-added tables (a row of ``ValueAddedYear``).
    static func valueAddedColumns() -> [TableColumn<ValueAddedYear>] {
        func usd(_ name: String, _ description: String, _ field: KeyPath<ValueAddedYear, Double>) -> TableColumn<ValueAddedYear> {
            .number(name + "_usd", description + ", USD.") { $0[keyPath: field] }
        }
        return [
            usd("gross_output", "Gross output: the refinery's revenue", \.grossOutput),
            usd("intermediate_local", "Intermediate consumption bought in Mali", \.intermediateLocal),
            usd("intermediate_imported", "Intermediate consumption imported", \.intermediateImported),
            usd("value_added", "Value added = gross output − intermediate consumption", \.valueAdded),
            usd("wages", "Wages", \.wages),
            usd("wages_malian", "Wages of Malian staff", \.wagesMalian),
            usd("corporate_taxes", "Corporate income tax and minimum tax", \.corporateTaxes),
            usd("operating_surplus", "Value added − wages − corporate taxes", \.operatingSurplus),
            usd("withholding_on_foreign_holders", "Withholding tax on foreign holders' dividends", \.withholdingOnForeignHolders),
            usd("malian_share_of_surplus", "The Malian holders' share of the surplus after interest", \.malianShareOfSurplus),
            usd("interest_to_malian_lenders", "Interest paid to Malian lenders", \.interestToMalianLenders),
            usd("local_capex", "Investments bought in Mali", \.localCapex),
            usd("avoided_foreign_refining_fees", "Foreign refining fees no longer paid for domestic gold", \.avoidedForeignRefiningFees),
            usd("avoided_export_logistics", "Export logistics no longer paid for domestic gold", \.avoidedExportLogistics),
            usd("import_duties", "Customs duty and levies on imported opex and capital goods, paid to the state", \.importDuties),
            usd("national_capture", "What stays in Mali", \.nationalCapture),
            usd("national_capture_excluding_avoided_fees", "National capture without the avoided fees and logistics", \.nationalCaptureExcludingAvoidedFees),
            usd("gold_value_processed", "Gold processed × gold price", \.goldValueProcessed),
            .number("value_added_share_of_gold_fraction", "Value added ÷ the value of the gold processed (empty when none is processed).") { $0.valueAddedShareOfGold },
            .number("capture_share_of_gold_fraction", "National capture ÷ the value of the gold processed (empty when none is processed).") { $0.captureShareOfGold },
        ]
    }

    /// `value_added_by_year`: value added and national capture, one row per year.
    public static func valueAddedByYear(_ report: ValueAddedReport) -> CSVTable {
        let columns: [TableColumn<ValueAddedYear>] = [.integer("year", "Calendar year.") { $0.year }] + valueAddedColumns()
        return CSVTable(name: "value_added_by_year", description: "One row per year: value added and what of it stays in Mali (USD).", columns, rows: report.years)
    }

    /// `value_added_totals`: the same figures over the whole timeline, summed (`total`) and
    /// discounted to its start at the scenario's discount rate (`present_value`).
    public static func valueAddedTotals(_ report: ValueAddedReport) -> CSVTable {
        typealias Row = (basis: String, figures: ValueAddedYear)
        let columns: [TableColumn<Row>] = [.text("basis", "`total` (summed over the timeline) or `present_value` (discounted to its start).") { $0.basis }]
            + valueAddedColumns().map { column in TableColumn<Row>(column: column.column) { column.cell($0.figures) } }
        return CSVTable(name: "value_added_totals", description: "Two rows: value added over the timeline, summed and in present value (USD).", columns,
                        rows: [(basis: "total", figures: report.total), (basis: "present_value", figures: report.presentValue)])
    }

    /// `tornado`: one-at-a-time sensitivity, one row per uncertain input, largest NPV swing
    /// first (the JSON's `tornado.byNPV`), with its rank by the swing of every other output.
    public static func tornado(_ tornado: Tornado) -> CSVTable {
        typealias Row = (bar: TornadoBar, captureRank: Int?)
        func rank(_ list: [TornadoBar], _ input: UncertainInput) -> Int? { list.firstIndex { $0.input == input }.map { $0 + 1 } }
        let columns: [TableColumn<Row>] = [
            .text("input", "The uncertain input.") { $0.bar.input.rawValue },
            .text("input_kind", "`factor` (a factor on the scenario's values, base 1) or `value` (the input itself: rates as fractions, accreditation in years).") { $0.bar.input.isFactor ? "factor" : "value" },
            .number("low", "The input at the low end (a factor or a value, as input_kind says).") { $0.bar.low },
            .number("base", "The input in the scenario.") { $0.bar.base },
            .number("high", "The input at the high end.") { $0.bar.high },
            .number("npv_at_low_usd", "Project NPV with the input at its low end, USD.") { $0.bar.npvAtLowUsd },
            .number("npv_at_high_usd", "Project NPV with the input at its high end, USD.") { $0.bar.npvAtHighUsd },
            .number("npv_swing_usd", "|NPV at high − NPV at low|, USD.") { $0.bar.npvSwingUsd },
            .number("base_npv_usd", "Project NPV of the scenario, USD.") { _ in tornado.baseNPVUsd },
            .number("capture_at_low_usd", "National capture with the input at its low end, USD.") { $0.bar.captureAtLowUsd },
            .number("capture_at_high_usd", "National capture with the input at its high end, USD.") { $0.bar.captureAtHighUsd },
            .number("capture_swing_usd", "|capture at high − capture at low|, USD.") { $0.bar.captureSwingUsd },
            .number("base_capture_usd", "National capture of the scenario, USD.") { _ in tornado.baseCaptureUsd },
            .integer("capture_rank", "The input's rank by capture swing (1: largest).") { $0.captureRank },
            .number("state_net_cash_npv_at_low_usd", "NPV of the state's net cash (government discount rate) with the input at its low end, USD.") { $0.bar.stateNetCashNpvAtLowUsd },
            .number("state_net_cash_npv_at_high_usd", "NPV of the state's net cash with the input at its high end, USD.") { $0.bar.stateNetCashNpvAtHighUsd },
            .number("state_net_cash_npv_swing_usd", "|state net cash NPV at high − at low|, USD.") { $0.bar.stateNetCashNpvSwingUsd },
            .number("base_state_net_cash_npv_usd", "NPV of the state's net cash of the scenario, USD.") { _ in tornado.baseStateNetCashNpvUsd },
            .integer("state_net_cash_rank", "The input's rank by the swing of the state's net cash NPV (1: largest).") { rank(tornado.byStateNetCash, $0.bar.input) },
            .number("government_take_at_low_fraction", "The government take with the input at its low end, a fraction (empty: undefined).") { $0.bar.governmentTakeAtLow },
            .number("government_take_at_high_fraction", "The government take with the input at its high end, a fraction (empty: undefined).") { $0.bar.governmentTakeAtHigh },
            .number("government_take_swing_fraction", "|take at high − take at low|, a fraction (empty: either undefined).") { $0.bar.governmentTakeSwing },
            .number("base_government_take_fraction", "The government take of the scenario, a fraction (empty: undefined).") { _ in tornado.baseGovernmentTake },
            .number("net_gain_to_mali_at_low_usd", "Net gain to Mali against exporting doré as today (present value) with the input at its low end, USD.") { $0.bar.netGainToMaliAtLowUsd },
            .number("net_gain_to_mali_at_high_usd", "Net gain to Mali with the input at its high end, USD.") { $0.bar.netGainToMaliAtHighUsd },
            .number("net_gain_to_mali_swing_usd", "|net gain at high − at low|, USD.") { $0.bar.netGainToMaliSwingUsd },
            .number("base_net_gain_to_mali_usd", "Net gain to Mali of the scenario, USD.") { _ in tornado.baseNetGainToMaliUsd },
            .integer("net_gain_to_mali_rank", "The input's rank by the swing of the net gain to Mali (1: largest).") { rank(tornado.byNetGainToMali, $0.bar.input) },
        ]
        let rows = tornado.byNPV.map { bar in (bar: bar, captureRank: tornado.byCapture.firstIndex { $0.input == bar.input }.map { $0 + 1 }) }
        return CSVTable(name: "tornado", description: "One row per uncertain input, largest NPV swing first: NPV, capture, the state's net cash NPV, the government take and the net gain to Mali at its low and high ends (USD; the take a fraction).", columns, rows: rows)
    }

    /// `monte_carlo_percentiles`: P10, P50, P90 and mean of the project NPV, national capture,
    /// the state's net cash NPV and the net gain to Mali, one row per output (the government
    /// take, a fraction, is in ``monteCarloGovernmentTake(_:)``).
    public static func monteCarloPercentiles(_ monteCarlo: MonteCarlo) -> CSVTable {
        typealias Row = (output: String, percentiles: Percentiles, negative: Double?)
        let columns: [TableColumn<Row>] = [
            .text("output", "`project_npv`, `national_capture`, `state_net_cash_npv` or `net_gain_to_mali`.") { $0.output },
            .integer("draws", "Draws made.") { _ in monteCarlo.draws },
            .text("seed", "The seed (the same seed gives the same draws on any machine).") { _ in String(monteCarlo.seed) },
            .number("p10_usd", "10th percentile, USD.") { $0.percentiles.p10 },
            .number("p50_usd", "Median, USD.") { $0.percentiles.p50 },
            .number("p90_usd", "90th percentile, USD.") { $0.percentiles.p90 },
            .number("mean_usd", "Mean, USD.") { $0.percentiles.mean },
            .number("probability_negative_fraction", "The share of draws below zero (project NPV and net gain to Mali; empty for the others).") { $0.negative },
        ]
        let rows: [Row] = [(output: "project_npv", percentiles: monteCarlo.projectNPV, negative: monteCarlo.probabilityNPVNegative),
                           (output: "national_capture", percentiles: monteCarlo.nationalCapture, negative: nil),
                           (output: "state_net_cash_npv", percentiles: monteCarlo.stateNetCashNpv, negative: nil),
                           (output: "net_gain_to_mali", percentiles: monteCarlo.netGainToMali, negative: monteCarlo.probabilityNetGainNegative)]
        return CSVTable(name: "monte_carlo_percentiles", description: "Four rows: the Monte Carlo's percentiles of project NPV, national capture, the state's net cash NPV and the net gain to Mali (USD).", columns, rows: rows)
    }

    /// `monte_carlo_government_take`: P10, P50, P90 and mean of the government take over the
    /// draws where it is defined (one row; the percentiles empty when it is defined in none).
    public static func monteCarloGovernmentTake(_ monteCarlo: MonteCarlo) -> CSVTable {
        let columns: [TableColumn<Percentiles?>] = [
            .integer("draws", "Draws made.") { _ in monteCarlo.draws },
            .integer("undefined_draws", "Draws whose government take is undefined (pre-tax net cash flow ≤ 0).") { _ in monteCarlo.governmentTakeUndefinedDraws },
            .number("p10_fraction", "10th percentile of the take, a fraction.") { $0?.p10 },
            .number("p50_fraction", "Median, a fraction.") { $0?.p50 },
            .number("p90_fraction", "90th percentile, a fraction.") { $0?.p90 },
            .number("mean_fraction", "Mean, a fraction.") { $0?.mean },
        ]
        return CSVTable(name: "monte_carlo_government_take", description: "One row: the Monte Carlo's percentiles of the government take over the draws where it is defined (fractions).", columns,
                        rows: [monteCarlo.governmentTake])
    }

    /// `monte_carlo_draws`: every draw's project NPV and national capture, in draw order (one
    /// row per draw; only when the draws are kept, as ``ValuationRun/monteCarlo`` keeps them).
    public static func monteCarloDraws(_ monteCarlo: MonteCarlo) -> CSVTable {
        let columns: [TableColumn<Int>] = [
            .integer("draw", "The draw's index, from 0 (its generator is seeded by the seed and this index).") { $0 },
            .number("project_npv_usd", "Project NPV of the draw, USD.") { monteCarlo.npvs[$0] },
            .number("national_capture_usd", "National capture of the draw, USD.") { monteCarlo.captures[$0] },
            .number("state_net_cash_npv_usd", "NPV of the state's net cash of the draw, USD.") { $0 < monteCarlo.stateNetCashNpvs.count ? monteCarlo.stateNetCashNpvs[$0] : nil },
            .number("government_take_fraction", "The government take of the draw, a fraction (empty: undefined).") { $0 < monteCarlo.governmentTakes.count ? monteCarlo.governmentTakes[$0] : nil },
            .number("net_gain_to_mali_usd", "Net gain to Mali of the draw (present value), USD.") { $0 < monteCarlo.netGainsToMali.count ? monteCarlo.netGainsToMali[$0] : nil },
        ]
        return CSVTable(name: "monte_carlo_draws", description: "One row per Monte Carlo draw: project NPV, national capture, the state's net cash NPV, the government take and the net gain to Mali (USD; the take a fraction).", columns,
                        rows: Array(0..<min(monteCarlo.npvs.count, monteCarlo.captures.count)))
    }
}
