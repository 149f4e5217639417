/// The money's charts, from a valuation's sections: cash flows by year with the cumulative
/// free cash flow and the payback year, the holders, national capture as a waterfall, the
/// tornado and the Monte Carlo histogram.
extension PageBuilder {
    /// Revenue up, operating costs, capital spending and tax down, stacked by year, with the
    /// cumulative free cash flow to the firm and the payback year marked.
    mutating func cashFlowBlocks(_ section: ValuationSection) -> [HTMLSection.Block] {
        let years = section.years
        guard let first = years.first else { return [.paragraph(strings[.noValuation])] }
        var running = 0.0
        let cumulative: [Double?] = years.map { running += $0.freeCashFlowToFirm; return running / 1e6 }
        var markers: [CategoryMarker] = []
        let reading: String
        if let payback = section.summary.paybackYears, payback.isFinite, payback < 1000 {
            let year = first.year + Int(payback.rounded(.up))
            if let index = years.firstIndex(where: { $0.year == year }) {
                markers.append(CategoryMarker(category: index, label: strings[.payback]))
            }
            reading = strings.format(.readingPayback, String(year), format.number(running / 1e6, fractionDigits: 1))
        } else {
            reading = strings.format(.readingNoPayback, format.number(running / 1e6, fractionDigits: 1))
        }
        let chart = BarChart(
            text: ChartText(id: "cash-flows", title: strings[.cashFlowTitle], reading: reading),
            categories: years.map { String($0.year) },
            series: [.init(name: strings[.revenue], values: years.map { $0.revenue / 1e6 }),
                     .init(name: strings[.opex], values: years.map { -$0.opex / 1e6 }),
                     .init(name: strings[.capex], values: years.map { -($0.capex + $0.sustainingCapex) / 1e6 }),
                     .init(name: strings[.tax], values: years.map { -$0.corporateTax / 1e6 })],
            layout: .stacked, categoryAxis: AxisLabel(strings[.year]), valueAxis: AxisLabel(strings[.value], unit: strings[.millionUSD]),
            line: .init(name: strings[.cumulativeFreeCashFlow], values: cumulative), markers: markers)
        return [figure(chart)]
    }

    /// Each holder's contributions, net dividends and NPV side by side.
    mutating func holderBlocks(_ holders: [HolderResult]) -> [HTMLSection.Block] {
        guard !holders.isEmpty else { return [.paragraph(strings[.noHolders])] }
        let contributed = holders.reduce(0) { $0 + $1.contributionsUsd }, received = holders.reduce(0) { $0 + $1.netDividendsUsd }
        let chart = BarChart(
            text: ChartText(id: "holders", title: strings[.holdersTitle],
                            reading: strings.format(.readingHolders, millions(contributed), millions(received))),
            categories: holders.map(\.name),
            series: [.init(name: strings[.contributions], values: holders.map { $0.contributionsUsd / 1e6 }),
                     .init(name: strings[.netDividends], values: holders.map { $0.netDividendsUsd / 1e6 }),
                     .init(name: strings[.npv], values: holders.map { $0.npvUsd / 1e6 })],
            categoryAxis: AxisLabel(strings[.holder]), valueAxis: AxisLabel(strings[.value], unit: strings[.millionUSD]))
        return [figure(chart)]
    }

    /// National capture built up from its parts over the horizon, ending at the report's total.
    mutating func valueAddedBlocks(_ report: ValueAddedReport) -> [HTMLSection.Block] {
        let t = report.total
        let steps: [WaterfallChart.Step] = [
            .init(label: strings[.malianWages], value: t.wagesMalian / 1e6),
            .init(label: strings[.taxesAndWithholding], value: (t.corporateTaxes + t.withholdingOnForeignHolders + t.importDuties) / 1e6),
            .init(label: strings[.malianSurplus], value: t.malianShareOfSurplus / 1e6),
            .init(label: strings[.malianInterest], value: t.interestToMalianLenders / 1e6),
            .init(label: strings[.localPurchases], value: (t.intermediateLocal + t.localCapex) / 1e6),
            .init(label: strings[.avoidedAbroad], value: (t.avoidedForeignRefiningFees + t.avoidedExportLogistics) / 1e6),
            .init(label: strings[.nationalCapture], value: t.nationalCapture / 1e6, isTotal: true),
        ]
        let chart = WaterfallChart(
            text: ChartText(id: "national-capture", title: strings[.waterfallTitle],
                            reading: strings.format(.readingWaterfall, millions(t.nationalCapture), millions(t.valueAdded))),
            steps: steps, valueAxis: AxisLabel(strings[.value], unit: strings[.millionUSD]), width: 900)
        return [.facts([HTMLFact(strings[.valueAdded], "\(millions(t.valueAdded)) \(strings[.millionUSD])"),
                        HTMLFact(strings[.nationalCapture], "\(millions(t.nationalCapture)) \(strings[.millionUSD])")]),
                figure(chart)]
    }

    /// The state's net cash over the horizon as a waterfall of its instruments (equity calls
    /// down), with its NPV, the government take and the net gain to Mali against today.
    mutating func fiscalBlocks(_ fiscal: FiscalView) -> [HTMLSection.Block] {
        let t = fiscal.total
        let labels: [FiscalInstrument: ReportText] = [
            .corporateIncomeTax: .instrumentCorporateIncomeTax, .minimumTax: .instrumentMinimumTax,
            .dividendWithholding: .instrumentDividendWithholding, .interestWithholding: .instrumentInterestWithholding,
            .payrollTaxes: .instrumentPayrollTaxes, .importDuties: .instrumentImportDuties, .vat: .instrumentVat, .stateDividends: .instrumentStateDividends, .stateEquityCalls: .instrumentStateEquityCalls,
        ]
        let steps = FiscalInstrument.allCases.map { WaterfallChart.Step(label: strings[labels[$0] ?? .stateNetCash], value: t.amount($0) / 1e6) }
            + [WaterfallChart.Step(label: strings[.stateNetCash], value: t.stateNetCash / 1e6, isTotal: true)]
        let take = fiscal.governmentTake.map { format.percent(fraction: $0, fractionDigits: 1) } ?? strings[.takeUndefined]
        let rate = format.percent(fraction: fiscal.inputs.governmentDiscountRate, fractionDigits: 0)
        let chart = WaterfallChart(
            text: ChartText(id: "state-net-cash", title: strings[.fiscalTitle],
                            reading: strings.format(.readingFiscal, millions(t.stateNetCash), millions(fiscal.stateNetCashNpvUsd), rate, take)),
            steps: steps, valueAxis: AxisLabel(strings[.value], unit: strings[.millionUSD]), width: 900)
        return [.facts([HTMLFact(strings[.stateNetCash], "\(millions(t.stateNetCash)) \(strings[.millionUSD])"),
                        HTMLFact(strings[.metricStateNetCashNpvMillionUsd], "\(millions(fiscal.stateNetCashNpvUsd)) \(strings[.millionUSD])"),
                        HTMLFact(strings[.governmentTake], take),
                        HTMLFact(strings[.netGainToMali], "\(millions(fiscal.doreExport.presentValue.netGainToMali)) \(strings[.millionUSD])")]),
                figure(chart)]
    }

    /// The project NPV with each uncertain input at its low and high value, widest swing first.
    mutating func tornadoBlocks(_ tornado: Tornado) -> [HTMLSection.Block] {
        let bars = Array(tornado.byNPV.prefix(8))
        guard let top = bars.first else { return [.paragraph(strings[.noTornado])] }
        let chart = TornadoChart(
            text: ChartText(id: "tornado", title: strings[.tornadoTitle],
                            reading: strings.format(.readingTornado, strings.label(of: top.input), millions(top.npvAtLowUsd), millions(top.npvAtHighUsd))),
            base: tornado.baseNPVUsd / 1e6,
            rows: bars.map { .init(label: strings.label(of: $0.input), lowValue: $0.npvAtLowUsd / 1e6, highValue: $0.npvAtHighUsd / 1e6) },
            valueAxis: AxisLabel(strings[.npv], unit: strings[.millionUSD]))
        return [figure(chart)]
    }

    /// The Monte Carlo's NPV draws as a histogram, with the report's P10, P50 and P90.
    mutating func monteCarloBlocks(_ monteCarlo: MonteCarlo?, draws: [Double]) -> [HTMLSection.Block] {
        guard let monteCarlo, !draws.isEmpty else { return [.paragraph(strings[.noMonteCarlo])] }
        let p = monteCarlo.projectNPV
        let chart = Histogram(
            text: ChartText(id: "monte-carlo", title: strings[.monteCarloTitle],
                            reading: strings.format(.readingMonteCarlo, millions(p.p50), millions(p.p10), millions(p.p90),
                                                    format.percent(fraction: monteCarlo.probabilityNPVNegative))),
            bins: Histogram.bins(of: draws.map { $0 / 1e6 }, count: 40),
            percentiles: [.init(label: "P10", value: p.p10 / 1e6), .init(label: "P50", value: p.p50 / 1e6), .init(label: "P90", value: p.p90 / 1e6)],
            valueAxis: AxisLabel(strings[.npv], unit: strings[.millionUSD]), countAxis: AxisLabel(strings[.draws]))
        return [.facts([HTMLFact(strings[.draws], format.integer(monteCarlo.draws))]), figure(chart)]
    }
}

extension PageBuilder {
    /// The headline figures (project NPV, national capture, the state's net cash NPV and the
    /// net gain to Mali) in US dollars, CFA francs and euros, with the rates and their basis;
    /// nothing when the report carries no conversion.
    func currencyBlocks(_ currencies: HeadlineCurrencies?) -> [HTMLSection.Block] {
        guard let c = currencies else { return [] }
        var rows: [(ReportText, MoneyAmount)] = [(.projectNpv, c.projectNPV), (.nationalCapture, c.nationalCapture)]
        if let state = c.stateNetCashNpv { rows.append((.metricStateNetCashNpvMillionUsd, state)) }
        if let gain = c.netGainToMali { rows.append((.netGainToMaliPresentValue, gain)) }
        let table = DataTable(columns: [strings[.headlineFigure], strings[.millionUSD], strings[.billionXof], strings[.millionEur]],
                              rows: rows.map { [strings[$0.0], millions($0.1.usd), format.number($0.1.xof / 1e9, fractionDigits: 1),
                                                format.number($0.1.eur / 1e6, fractionDigits: 1)] })
        let basis = c.usesDefaultRate ? strings[.defaultRateBasis] : c.basis
        let rates = strings.format(.currencyRates, format.number(c.xofPerUsd, fractionDigits: 1), basis, format.number(c.xofPerEur, fractionDigits: 3))
        return [.table(table), .paragraph(rates)]
    }
}
