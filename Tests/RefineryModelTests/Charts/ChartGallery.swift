import RefineryModel

/// Every chart type with sample data shaped like the Sénou refinery's, on one page: what the
/// browser test renders and what a person looks at to judge the charts.
enum ChartGallery {
    static let years = (2027...2036).map(String.init)
    static let stages = ["receipt & assay", "melt-sample", "chlorination", "electrolysis", "casting"]

    static func barChart(_ language: ReportLanguage) -> BarChart {
        let s = language.strings
        return BarChart(
            text: ChartText(id: "intake", title: "\(s[.intake]) / \(s[.capacity])",
                            reading: "melt-sample saturates at 224 t/yr from 2030"),
            categories: years,
            series: [.init(name: s[.intake], values: [120, 160, 200, 224, 224, 224, 224, 224, 224, 224])],
            categoryAxis: AxisLabel(s[.year]), valueAxis: AxisLabel(s[.intake], unit: s[.tonnesPerYear]),
            limit: .init(name: s[.capacity], values: [250, 250, 240, 224, 224, 224, 224, 230, 230, 230]),
            markers: (3...9).map { CategoryMarker(category: $0, label: "melt", style: .label) })
    }

    static func stackedChart(_ language: ReportLanguage) -> BarChart {
        let s = language.strings
        return BarChart(
            text: ChartText(id: "gold-balance", title: s[.goldBalanceSection], reading: "99.2 % of the gold received leaves refined"),
            categories: Array(years.prefix(6)),
            series: [.init(name: s[.refined], values: [118, 158, 198, 222, 222, 222]),
                     .init(name: s[.inProcess], values: [1.5, 1.6, 1.7, 1.6, 1.6, 1.6]),
                     .init(name: s[.byProducts], values: [0.4, 0.5, 0.6, 0.6, 0.6, 0.6]),
                     .init(name: s[.lost], values: [0.1, 0.1, 0.2, 0.2, 0.2, 0.2])],
            layout: .stacked, categoryAxis: AxisLabel(s[.year]), valueAxis: AxisLabel(s[.received], unit: s[.tonnes]))
    }

    static func cashFlowChart(_ language: ReportLanguage) -> BarChart {
        let s = language.strings
        let revenue: [Double] = [0, 40, 55, 62, 62, 62, 62, 62, 62, 62]
        let opex: [Double] = [0, -18, -22, -24, -24, -24, -24, -24, -24, -24]
        let capex: [Double] = [-150, -30, -5, -5, -5, -5, -5, -5, -5, -5]
        let tax: [Double] = [0, 0, -4, -8, -8, -8, -8, -8, -8, -8]
        var cumulative: [Double?] = []
        var running = 0.0
        for year in years.indices {
            running += revenue[year] + opex[year] + capex[year] + tax[year]
            cumulative.append(running)
        }
        return BarChart(
            text: ChartText(id: "cash-flows", title: s[.cashFlowSection], reading: "pays back in 2036"),
            categories: years,
            series: [.init(name: s[.revenue], values: revenue), .init(name: s[.opex], values: opex),
                     .init(name: s[.capex], values: capex), .init(name: s[.tax], values: tax)],
            categoryAxis: AxisLabel(s[.year]), valueAxis: AxisLabel(s[.value], unit: s[.millionUSD]),
            line: .init(name: s[.cumulative], values: cumulative),
            markers: [CategoryMarker(category: 9, label: s[.payback])])
    }

    static func lineChart(_ language: ReportLanguage) -> LineChart {
        let s = language.strings
        let months = (1...12).map { language.format.monthYear(year: 2027, month: $0) }
        let refined: [Double?] = [8, 9, 10, 10, 11, 10, 9, 10, 11, 11, 10, 9]
        var cumulative: [Double?] = []
        var total = 0.0
        for value in refined { total += value ?? 0; cumulative.append(total) }
        return LineChart(
            text: ChartText(id: "campaign", title: s[.campaignSection], reading: "about 10 t refined a month, 3 t in process"),
            categories: months,
            series: [.init(name: s[.refined], values: refined),
                     .init(name: s[.inProcess], values: [3, 3.2, 2.9, 3.1, 3, 2.8, 3, 3.1, nil, 3, 2.9, 3])],
            categoryAxis: AxisLabel(s[.month]), valueAxis: AxisLabel(s[.refined], unit: s[.tonnes]),
            cumulative: .init(name: s[.cumulative], values: cumulative, showsMarkers: false),
            cumulativeAxis: AxisLabel(s[.cumulative], unit: s[.tonnes]))
    }

    static func heatMap(_ language: ReportLanguage) -> HeatMap {
        let s = language.strings
        let values: [[Double?]] = stages.indices.map { stage in
            years.indices.map { year in
                let load = [0.5, 0.68, 0.85, 1.0, 1.0, 1.0, 1.0, 0.97, 0.97, 0.97][year]
                return stage == 1 ? load : load * [0.6, 1, 0.8, 0.7, 0.45][stage]
            }
        }
        return HeatMap(text: ChartText(id: "utilization", title: s[.utilization], reading: "melt-sample is the bottleneck from 2030"),
                       rows: stages, columns: years, values: values, rowAxis: AxisLabel(s[.stage]),
                       columnAxis: AxisLabel(s[.year]), valueLabel: s[.utilization], thresholdLabel: s[.saturated])
    }

    static func gantt(_ language: ReportLanguage) -> GanttChart {
        let s = language.strings
        let units = ["assay lab", "induction furnace", "chlorination", "electrolysis cell 1", "electrolysis cell 2", "casting"]
        let classes = ["doré", "scrap", "artisanal"]
        var bars: [GanttChart.Bar] = []
        for lot in 0..<6 {
            let start = Double(lot) * 10
            let lotClass = classes[lot % 3]
            bars.append(.init(lane: units[0], label: "L\(lot + 1)", lotClass: lotClass, startHours: start, durationHours: 4))
            bars.append(.init(lane: units[1], label: "L\(lot + 1) melt", lotClass: lotClass, startHours: start + 4, durationHours: 6))
            bars.append(.init(lane: units[2], label: "L\(lot + 1) Cl₂", lotClass: lotClass, startHours: start + 10, durationHours: 8))
            bars.append(.init(lane: units[3 + lot % 2], label: "L\(lot + 1) cell", lotClass: lotClass, startHours: start + 18, durationHours: 24))
            bars.append(.init(lane: units[5], label: "L\(lot + 1)", lotClass: lotClass, startHours: start + 42, durationHours: 3))
        }
        let dueDates = (0..<6).map { GanttChart.DueDate(label: "L\($0 + 1)", hours: Double($0) * 10 + 48, lane: units[5]) }
        return GanttChart(text: ChartText(id: "gantt", title: s[.scheduleSection], reading: "every lot meets its due date"),
                          lanes: units, classes: classes, bars: bars, dueDates: dueDates,
                          startDate: CivilDate(year: 2027, month: 3, day: 1))
    }

    static func histogram(_ language: ReportLanguage) -> Histogram {
        let s = language.strings
        // A fixed, bell-shaped sample: sums of three evenly spread values.
        var samples: [Double] = []
        for i in 0..<20 { for j in 0..<20 { for k in 0..<5 { samples.append(40 + Double(i) * 2 + Double(j) * 3 + Double(k) * 4) } } }
        let sorted = samples.sorted()
        let percentile = { (p: Double) in sorted[Int(p * Double(sorted.count - 1))] }
        return Histogram(text: ChartText(id: "monte-carlo", title: s[.monteCarloSection], reading: "P50 of NPV is 115 million US$"),
                         bins: Histogram.bins(of: samples, count: 24),
                         percentiles: [.init(label: "P10", value: percentile(0.1)), .init(label: "P50", value: percentile(0.5)),
                                       .init(label: "P90", value: percentile(0.9))],
                         valueAxis: AxisLabel(s[.npv], unit: s[.millionUSD]), countAxis: AxisLabel(s[.draws]))
    }

    static func waterfall(_ language: ReportLanguage) -> WaterfallChart {
        let s = language.strings
        return WaterfallChart(
            text: ChartText(id: "capture", title: s[.valueAddedSection], reading: "Mali keeps 61 % of the value added"),
            steps: [.init(label: s[.valueAdded], value: 100, isTotal: true), .init(label: "foreign shareholders' dividends", value: -22),
                    .init(label: "imported inputs", value: -12), .init(label: "foreign lenders' interest", value: -5),
                    .init(label: "local suppliers", value: 0), .init(label: s[.nationalCapture], value: 61, isTotal: true)],
            valueAxis: AxisLabel(s[.value], unit: s[.millionUSD]))
    }

    static func tornado(_ language: ReportLanguage) -> TornadoChart {
        let s = language.strings
        return TornadoChart(
            text: ChartText(id: "tornado", title: s[.sensitivitySection], reading: "the refining margin moves NPV most"),
            base: 115,
            rows: [.init(label: "refining margin", lowValue: 60, highValue: 170), .init(label: "intake", lowValue: 80, highValue: 140),
                   .init(label: "capital cost", lowValue: 140, highValue: 90), .init(label: "discount rate", lowValue: 135, highValue: 98),
                   .init(label: "opex", lowValue: 122, highValue: 108)],
            valueAxis: AxisLabel(s[.npv], unit: s[.millionUSD]))
    }

    static func charts(_ language: ReportLanguage) -> [any Chart] {
        [barChart(language), stackedChart(language), heatMap(language), lineChart(language), gantt(language),
         cashFlowChart(language), tornado(language), histogram(language), waterfall(language)]
    }

    static func page(_ language: ReportLanguage) -> HTMLDocument {
        let s = language.strings
        let figures = charts(language).map { $0.figure(in: language) }
        let section = { (id: String, heading: ReportText, range: Range<Int>) in
            HTMLSection(id: id, heading: s[heading], blocks: figures[range].map { .figure($0) })
        }
        return HTMLDocument(
            language: language, title: "refinery-model: chart gallery", subtitle: "Every chart type with sample data",
            facts: [HTMLFact(s[.scenario], "gallery"), HTMLFact(s[.currency], "USD"),
                    HTMLFact(s[.dateBasis], language.format.longDate(CivilDate(year: 2027, month: 1, day: 1)))],
            sections: [section("plant", .throughputSection, 0..<3), section("campaign", .campaignSection, 3..<5),
                       section("money", .cashFlowSection, 5..<9),
                       HTMLSection(id: "notes", heading: s[.notesSection], blocks: [.paragraph("Sample data, not a model run.")])],
            footer: "test gallery")
    }
}
