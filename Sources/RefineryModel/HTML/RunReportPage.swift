extension RunReport {
    /// The run as a page (`refinery-cli run --format html`): the headline and key results,
    /// then the headline figures in CFA francs and euros, the plant, where the gold goes, the campaign, the cash flows, the holders and
    /// national capture, and the model's notes. A part the run did not produce (no schedule
    /// with `--no-schedule`, no valuation without economics) keeps its section with a sentence
    /// saying why. The campaign's turnaround chart needs the schedule's lots: make the report
    /// with `includeLots: true`, as the CLI does for HTML.
    public func page(in language: ReportLanguage) -> ReportPage {
        var builder = PageBuilder(language)
        let s = builder.strings
        // The valuation's key results read the report's own sections (no figure is recomputed).
        let valuationValue = valuation.flatMap { section in
            valueAdded.map { Valuation(scenario: scenario.name, summary: section.summary, years: section.years, holders: ownership ?? [], valueAdded: $0, fiscal: fiscal) }
        }
        let throughputMetrics = KeyResults.throughput(throughput.years)
        let metrics = throughputMetrics + (valuationValue.map { KeyResults.valuation($0) } ?? [])

        var headline = builder.throughputHeadline(throughput.years)
        if let valuation, let valueAdded {
            headline += " " + s.format(.headlineValuation, builder.millions(valuation.summary.projectNPVUsd),
                                       builder.format.percent(fraction: valuation.summary.discountRate, fractionDigits: 1),
                                       builder.millions(valueAdded.total.nationalCapture))
        }
        var sections = [HTMLSection(id: "key-results", heading: s[.keyResults],
                                    blocks: (scenario.description.map { [HTMLSection.Block.paragraph($0)] } ?? [])
                                        + [.table(builder.keyResults(throughputMetrics))]
                                        + (metrics.count > throughputMetrics.count ? [.table(builder.keyResults(Array(metrics.dropFirst(throughputMetrics.count))))] : []))]
        sections.append(HTMLSection(id: "plant", heading: s[.throughputSection], blocks: builder.throughputBlocks(throughput.years)))
        sections.append(HTMLSection(id: "gold", heading: s[.goldBalanceSection], blocks: builder.goldBalanceBlocks(throughput.years, metrics: throughputMetrics)))
        sections.append(HTMLSection(id: "campaign", heading: s[.campaignSection], blocks: builder.campaignBlocks(schedule, notes: notes)))
        if let valuation {
            let currencyBlocks = builder.currencyBlocks(valuation.currencies)
            if !currencyBlocks.isEmpty { sections.insert(HTMLSection(id: "currencies", heading: s[.currencySection], blocks: currencyBlocks), at: 1) }
            sections.append(HTMLSection(id: "cash-flows", heading: s[.cashFlowSection], blocks: builder.cashFlowBlocks(valuation)))
            sections.append(HTMLSection(id: "sensitivity", heading: s[.sensitivitySection], blocks: [.paragraph(s[.sensitivityElsewhere])]))
            sections.append(HTMLSection(id: "holders", heading: s[.holdersSection], blocks: builder.holderBlocks(ownership ?? [])))
            sections.append(HTMLSection(id: "value-added", heading: s[.valueAddedSection],
                                        blocks: valueAdded.map { builder.valueAddedBlocks($0) } ?? [.paragraph(s[.noValuation])]))
            if let fiscal { sections.append(HTMLSection(id: "fiscal", heading: s[.fiscalSection], blocks: builder.fiscalBlocks(fiscal))) }
        } else {
            sections.append(HTMLSection(id: "cash-flows", heading: s[.cashFlowSection], blocks: [.paragraph(s[.noValuation])]))
        }
        if let notesSection = builder.notes(findings: throughput.findings, notes: notes) { sections.append(notesSection) }

        let discountYear = valuation?.years.first?.year
        let document = HTMLDocument(
            language: language, title: s[.runReportTitle], subtitle: headline,
            facts: [HTMLFact(s[.scenario], scenario.name),
                    HTMLFact(s[.dateBasis], builder.dateBasis(firstYear: scenario.horizon.firstYear, years: scenario.horizon.years,
                                                              discountRate: valuation?.summary.discountRate, discountYear: discountYear)),
                    HTMLFact(s[.currency], s[.currencyText])] + builder.toolFacts(tool),
            sections: sections, footer: "\(tool.name) \(tool.version) · GLPK \(tool.glpk)")
        return ReportPage(document: document, charts: builder.charts)
    }
}

extension PageBuilder {
    /// The throughput headline: the peak year's busiest stage and what the plant could take.
    func throughputHeadline(_ years: [YearThroughput]) -> String {
        guard let peak = ThroughputReport.peakIntakeYear(of: years), peak.intake.goldKg > 0, let bottleneck = peak.bottleneck,
              let row = peak.stages.first(where: { $0.id == bottleneck }), let sustainable = peak.sustainableIntakeTonnes else {
            return strings[.headlineNoIntake]
        }
        return strings.format(.headlineThroughput, tonnes(peak.intake.goldKg), String(peak.year), bottleneck,
                              format.percent(fraction: row.utilization), format.number(sustainable, fractionDigits: 0))
    }
}
