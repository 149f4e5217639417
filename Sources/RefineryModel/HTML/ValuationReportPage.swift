extension ValuationReport {
    /// The valuation as a page (`refinery-cli value --format html`): the headline and key
    /// results, the headline figures in CFA francs and euros, cash flows, the tornado, the
    /// Monte Carlo histogram, the holders and national capture, and the report's notes (a
    /// widened uncertainty range). The report keeps only the Monte Carlo's percentiles; the histogram draws
    /// `npvDraws` (``MonteCarlo/npvs`` of the same run, in US$), and says so in a sentence
    /// when they are not given.
    public func page(in language: ReportLanguage, npvDraws: [Double] = []) -> ReportPage {
        var builder = PageBuilder(language)
        let s = builder.strings
        let summary = valuation.summary
        let metrics = KeyResults.valuation(Valuation(scenario: scenario, summary: summary, years: valuation.years,
                                                     holders: ownership, valueAdded: valueAdded, fiscal: fiscal))
        let headline = s.format(.headlineValuation, builder.millions(summary.projectNPVUsd),
                                builder.format.percent(fraction: summary.discountRate, fractionDigits: 1),
                                builder.millions(valueAdded.total.nationalCapture))
        var sections = [
            HTMLSection(id: "key-results", heading: s[.keyResults], blocks: [.table(builder.keyResults(metrics))]),
        ]
        let currencyBlocks = builder.currencyBlocks(valuation.currencies)
        if !currencyBlocks.isEmpty { sections.append(HTMLSection(id: "currencies", heading: s[.currencySection], blocks: currencyBlocks)) }
        sections += [
            HTMLSection(id: "cash-flows", heading: s[.cashFlowSection], blocks: builder.cashFlowBlocks(valuation)),
            HTMLSection(id: "sensitivity", heading: s[.sensitivitySection], blocks: builder.tornadoBlocks(tornado)),
            HTMLSection(id: "monte-carlo", heading: s[.monteCarloSection], blocks: builder.monteCarloBlocks(monteCarlo, draws: npvDraws)),
            HTMLSection(id: "holders", heading: s[.holdersSection], blocks: builder.holderBlocks(ownership)),
            HTMLSection(id: "value-added", heading: s[.valueAddedSection], blocks: builder.valueAddedBlocks(valueAdded)),
        ]
        if let fiscal { sections.append(HTMLSection(id: "fiscal", heading: s[.fiscalSection], blocks: builder.fiscalBlocks(fiscal))) }
        if let notes = builder.notes(findings: [], notes: notes ?? []) { sections.append(notes) }
        let first = valuation.years.first?.year ?? 0
        let document = HTMLDocument(
            language: language, title: s[.valuationReportTitle], subtitle: headline,
            facts: [HTMLFact(s[.scenario], scenario),
                    HTMLFact(s[.dateBasis], builder.dateBasis(firstYear: first, years: valuation.years.count,
                                                              discountRate: summary.discountRate, discountYear: first)),
                    HTMLFact(s[.currency], s[.currencyText])] + builder.toolFacts(tool),
            sections: sections, footer: "\(tool.name) \(tool.version) · GLPK \(tool.glpk)")
        return ReportPage(document: document, charts: builder.charts)
    }
}
