extension Comparison {
    /// The comparison as a page (`refinery-cli compare --format html`): every key result of A
    /// and B side by side with B − A, the rows that differ highlighted (and marked in words,
    /// not by colour alone), then A's and B's gold and money figures as paired bars.
    public func page(in language: ReportLanguage) -> ReportPage {
        var builder = PageBuilder(language)
        let s = builder.strings, format = builder.format
        let changed = rows.indices.filter { index in
            let row = rows[index]
            if let delta = row.delta { return format.number(delta, fractionDigits: row.a.decimals) != format.number(0, fractionDigits: row.a.decimals) }
            return row.a.value != row.b.value
        }
        let headline = s.format(.readingCompare, format.integer(changed.count), format.integer(rows.count))
        let table = DataTable(
            columns: [s[.keyResult], s[.unit], s[.sideA], s[.sideB], s[.difference], s[.change]],
            rows: rows.indices.map { index in
                let row = rows[index]
                var difference = changed.contains(index) ? s[.changed] : s[.unchanged]
                if let delta = row.delta, changed.contains(index) { difference = format.signedNumber(delta, fractionDigits: row.a.decimals) }
                let relative = row.relative.flatMap { changed.contains(index) ? format.signedNumber($0 * 100, fractionDigits: 1) + format.percentSeparator + "%" : nil } ?? ""
                return [s.label(of: row.a), s.unit(of: row.a), format.value(of: row.a), format.value(of: row.b), difference, relative]
            },
            numericColumns: [2, 3, 4, 5], highlightedRows: Set(changed))
        let gold = ["refinedGoldMeanTonnesPerYear", "refinedGoldPeakTonnesPerYear", "peakIntakeTonnes", "bottleneckCapacityTonnesPerYear"]
        let money = ["projectNpvMillionUsd", "equityNpvMillionUsd", "malianHoldersNpvMillionUsd", "valueAddedMillionUsd", "nationalCaptureMillionUsd"]
        let sections = [
            HTMLSection(id: "key-results", heading: s[.keyResults], blocks: [.table(table)]),
            HTMLSection(id: "gold", heading: s[.compareGoldTitle],
                        blocks: builder.pairedBars(self, ids: gold, id: "compare-gold", title: s[.compareGoldTitle], unit: s[.tonnesPerYear])),
            HTMLSection(id: "money", heading: s[.compareMoneyTitle],
                        blocks: builder.pairedBars(self, ids: money, id: "compare-money", title: s[.compareMoneyTitle], unit: s[.millionUSD])),
        ]
        let tool = ReportTool()
        let document = HTMLDocument(
            language: language, title: s[.comparisonReportTitle], subtitle: headline,
            facts: [HTMLFact(s[.sideA], Self.describe(a, s)), HTMLFact(s[.sideB], Self.describe(b, s)),
                    HTMLFact(s[.currency], s[.currencyText])] + builder.toolFacts(tool),
            sections: sections, footer: "\(tool.name) \(tool.version) · GLPK \(tool.glpk)")
        return ReportPage(document: document, charts: builder.charts)
    }
}

extension Comparison {
    /// A side as the header names it: its label, and its scenario when the label is not just that.
    static func describe(_ side: Side, _ strings: ReportStrings) -> String {
        side.label == side.scenario ? side.label : "\(side.label) (\(strings[.scenario]) \(side.scenario))"
    }
}

extension PageBuilder {
    /// A and B's values of the metrics `ids` (those that both sides have) as paired bars.
    mutating func pairedBars(_ comparison: Comparison, ids: [String], id: String, title: String, unit: String) -> [HTMLSection.Block] {
        let rows = ids.compactMap { id in comparison.rows.first { $0.a.id == id && $0.a.number != nil && $0.b.number != nil } }
        guard !rows.isEmpty else { return [.paragraph(strings[.notAvailable])] }
        let changed = rows.filter { ($0.delta ?? 0) != 0 }.count
        let chart = BarChart(
            text: ChartText(id: id, title: title, reading: strings.format(.readingCompare, format.integer(changed), format.integer(rows.count))),
            categories: rows.map { strings.label(of: $0.a) },
            series: [.init(name: strings[.sideA], values: rows.map { $0.a.number ?? 0 }),
                     .init(name: strings[.sideB], values: rows.map { $0.b.number ?? 0 })],
            categoryAxis: AxisLabel(strings[.keyResult]), valueAxis: AxisLabel(strings[.value], unit: unit), width: 900, height: 400)
        return [figure(chart)]
    }
}
