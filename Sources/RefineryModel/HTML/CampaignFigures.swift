/// The campaign schedule's charts: refined gold and gold in process by month, and the lots'
/// turnaround distribution. Sections without a schedule say why in one sentence.
extension PageBuilder {
    /// The campaign section of a run: a sentence when the schedule was skipped or not found.
    mutating func campaignBlocks(_ schedule: ScheduleSection?, notes: [String]) -> [HTMLSection.Block] {
        guard let schedule else {
            let requested = !notes.contains { $0.contains("--no-schedule") }
            return [.paragraph(strings[requested ? .noScheduleOther : .noScheduleRequested])]
        }
        guard let summary = schedule.summary else { return [.paragraph(strings[.scheduleNotFound])] }
        var blocks: [HTMLSection.Block] = [.facts(scheduleFacts(summary))]
        let months = schedule.months
        if !months.isEmpty {
            let line = LineChart(
                text: ChartText(id: "campaign-months", title: strings.format(.campaignTitle, String(schedule.year)),
                                reading: strings.format(.readingCampaign, tonnes(summary.refinedGoldKg), String(schedule.year),
                                                        format.number(summary.averageGoldInProcessKg, fractionDigits: 0))),
                categories: months.map { monthLabel($0.label) },
                series: [.init(name: strings[.refined], values: months.map { $0.refinedGoldKg / 1000 }),
                         .init(name: strings[.goldInProcess], values: months.map { $0.averageGoldInProcessKg / 1000 })],
                categoryAxis: AxisLabel(strings[.month]), valueAxis: AxisLabel(strings[.gold], unit: strings[.tonnes]), fractionDigits: 2)
            blocks.append(figure(line))
        }
        blocks += turnaroundBlocks(schedule.lots ?? [], summary: summary)
        return blocks
    }

    /// The turnaround histogram of the lots that finished, with the report's mean and longest.
    mutating func turnaroundBlocks(_ lots: [RefineryScheduleReport.Lot], summary: RefineryScheduleReport.Summary) -> [HTMLSection.Block] {
        let days = lots.compactMap { $0.turnaroundHours.map { $0 / 24 } }.filter(\.isFinite)
        guard !days.isEmpty, let mean = summary.meanTurnaroundHours, let longest = summary.maxTurnaroundHours else {
            return [.paragraph(strings[.noTurnaround])]
        }
        let chart = Histogram(
            text: ChartText(id: "turnaround", title: strings[.turnaroundTitle],
                            reading: strings.format(.readingTurnaround, format.integer(days.count), format.number(mean / 24, fractionDigits: 1),
                                                    format.number(longest / 24, fractionDigits: 1))),
            // About a bin a day: campaign turnarounds come in whole days (daily buckets).
            bins: Histogram.bins(of: days, count: max(Int(min((days.max() ?? 0) - (days.min() ?? 0), 30).rounded(.up)), 4)),
            percentiles: [.init(label: strings[.mean], value: mean / 24), .init(label: strings[.longest], value: longest / 24)],
            valueAxis: AxisLabel(strings[.turnaround], unit: strings[.unitDays]), countAxis: AxisLabel(strings[.lotCount]))
        return [figure(chart)]
    }

    /// A schedule's headline figures as facts.
    func scheduleFacts(_ summary: RefineryScheduleReport.Summary) -> [HTMLFact] {
        [HTMLFact(strings[.received], "\(format.integer(summary.lotsReceived)) \(strings[.unitLots]) · \(tonnes(summary.intakeGoldKg)) \(strings[.tonnes])"),
         HTMLFact(strings[.refined], "\(format.integer(summary.lotsCompleted)) \(strings[.unitLots]) · \(tonnes(summary.refinedGoldKg)) \(strings[.tonnes])"),
         HTMLFact(strings[.late], format.integer(summary.lotsLate)),
         HTMLFact(strings[.goldInProcess], "\(format.number(summary.averageGoldInProcessKg, fractionDigits: 0)) \(strings[.kilograms])")]
    }

    /// `YYYY-MM` as a short month and year in the page's language; other labels as they are.
    func monthLabel(_ label: String) -> String {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return label }
        return format.monthYear(year: year, month: month)
    }
}
