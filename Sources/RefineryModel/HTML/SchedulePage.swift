extension RefineryScheduleReport {
    /// The schedule as a page (`refinery-cli schedule --format html`): the headline, a Gantt
    /// chart with one lane per unit (batches coloured by the kind of material of their lots,
    /// hours on a real time axis from the window's first midnight, due dates marked), each
    /// stage's use of its hours, and the lots' turnaround. `scenario` names the scenario in
    /// the header (the schedule report does not carry it).
    public func page(in language: ReportLanguage, scenario: String) -> ReportPage {
        var builder = PageBuilder(language)
        let s = builder.strings
        let tool = ReportTool()
        let window = s.format(.windowText, builder.format.integer(request.days), CivilDate(parsing: startDate).map(builder.format.longDate) ?? startDate,
                              builder.format.number(request.periodHours, fractionDigits: request.periodHours.rounded() == request.periodHours ? 0 : 2))
        let headline = summary.map {
            s.format(.headlineSchedule, builder.format.integer($0.lotsReceived), builder.format.integer($0.lotsCompleted), builder.format.integer(request.days),
                     builder.format.number($0.refinedGoldKg / 1000, fractionDigits: 2), builder.format.integer($0.lotsLate))
        } ?? s[.scheduleNotFound]

        var sections: [HTMLSection] = []
        if let summary {
            sections.append(HTMLSection(id: "gantt", heading: s[.scheduleSection], blocks: [.facts(builder.scheduleFacts(summary))] + builder.ganttBlocks(self)))
            sections.append(HTMLSection(id: "stages", heading: s[.utilization], blocks: builder.stageUseBlocks(stages)))
            sections.append(HTMLSection(id: "turnaround", heading: s[.turnaround], blocks: builder.turnaroundBlocks(lots, summary: summary)))
        } else {
            sections.append(HTMLSection(id: "gantt", heading: s[.scheduleSection], blocks: [.paragraph(s[.scheduleNotFound])]))
        }
        if let notesSection = builder.notes(findings: [], notes: notes) { sections.append(notesSection) }
        let document = HTMLDocument(
            language: language, title: s[.scheduleReportTitle], subtitle: headline,
            facts: [HTMLFact(s[.scenario], scenario), HTMLFact(s[.dateBasis], window)] + builder.toolFacts(tool),
            sections: sections, footer: "\(tool.name) \(tool.version) · GLPK \(tool.glpk)")
        return ReportPage(document: document, charts: builder.charts)
    }
}

extension PageBuilder {
    /// The Gantt chart: each stage's batches laid on its units (a batch of `count` takes
    /// `count` units free at its start), coloured by the kind of material of their lots.
    mutating func ganttBlocks(_ report: RefineryScheduleReport) -> [HTMLSection.Block] {
        guard !report.batches.isEmpty else { return [.paragraph(strings[.noBatches])] }
        let hours = report.request.periodHours
        let kinds = Dictionary(report.lots.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        func lotClass(_ batch: RefineryScheduleReport.Batch) -> String {
            let found = Set(batch.lots.compactMap { kinds[$0] })
            if found.count == 1, let kind = found.first { return strings.label(of: kind) }
            return strings[found.isEmpty ? .kindNone : .kindMixed]
        }
        var lanes: [String] = [], bars: [GanttChart.Bar] = []
        for stage in report.stages {
            let units = max(stage.units, 1)
            let names = units == 1 ? [stage.stage] : (1...units).map { "\(stage.stage) \($0)" }
            lanes += names
            var freeAt = Array(repeating: Int.min, count: units)
            let batches = report.batches.filter { $0.stage == stage.stage && $0.rides == nil }.sorted { ($0.start, $0.task) < ($1.start, $1.task) }
            for batch in batches {
                for _ in 0..<max(batch.count, 1) {
                    let unit = freeAt.firstIndex { $0 <= batch.start } ?? freeAt.indices.min { freeAt[$0] < freeAt[$1] } ?? 0
                    freeAt[unit] = batch.end
                    bars.append(.init(lane: names[unit], label: batch.task, lotClass: lotClass(batch),
                                      startHours: Double(batch.start) * hours, durationHours: Double(batch.end - batch.start) * hours))
                }
            }
        }
        let present = Set(bars.map(\.lotClass))
        let classes = (MaterialKind.allCases.map { strings.label(of: $0) } + [strings[.kindMixed], strings[.kindNone]]).filter(present.contains)
        let dueDates = report.lots.compactMap { lot in lot.due.map { GanttChart.DueDate(label: lot.id, hours: Double($0) * hours) } }
        let chart = GanttChart(
            text: ChartText(id: "gantt", title: strings[.ganttTitle],
                            reading: strings.format(.readingGantt, format.integer(bars.count), format.integer(lanes.count),
                                                    format.number(Double(report.periods) * hours, fractionDigits: 0),
                                                    format.integer(report.summary?.lotsLate ?? 0))),
            lanes: lanes, classes: classes, bars: bars, dueDates: dueDates, startDate: CivilDate(parsing: report.startDate))
        var blocks = [figure(chart)]
        if dueDates.isEmpty { blocks.append(.paragraph(strings[.noDueDates])) }
        return blocks
    }

    /// Each stage's share of its unit hours used in the window.
    mutating func stageUseBlocks(_ stages: [RefineryScheduleReport.StageUse]) -> [HTMLSection.Block] {
        guard let busiest = stages.max(by: { $0.utilization < $1.utilization }) else { return [.paragraph(strings[.noBatches])] }
        let chart = BarChart(
            text: ChartText(id: "stage-use", title: strings[.stageUseTitle],
                            reading: strings.format(.readingStageUse, busiest.stage, format.percent(fraction: busiest.utilization))),
            categories: stages.map(\.stage), series: [.init(name: strings[.utilization], values: stages.map { $0.utilization * 100 })],
            categoryAxis: AxisLabel(strings[.stage]), valueAxis: AxisLabel(strings[.utilization], unit: strings[.percentUnit]))
        return [figure(chart)]
    }
}
