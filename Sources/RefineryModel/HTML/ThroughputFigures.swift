/// The plant's charts, from the throughput model's years: intake against capacity, the
/// stage × year utilization heat map, and where the gold goes each year.
extension PageBuilder {
    /// Intake against the capacity the bottleneck leaves at each year's mix, the peak year's
    /// bottleneck marked; then the utilization heat map.
    mutating func throughputBlocks(_ years: [YearThroughput]) -> [HTMLSection.Block] {
        guard let peak = ThroughputReport.peakIntakeYear(of: years), peak.intake.goldKg > 0 else {
            return [.paragraph(strings[.headlineNoIntake])]
        }
        let categories = years.map { String($0.year) }
        let peakIndex = years.firstIndex { $0.year == peak.year } ?? 0
        let bottleneck = peak.bottleneck ?? strings[.notAvailable]
        let intake = BarChart(
            text: ChartText(id: "intake-capacity", title: strings[.intakeCapacityTitle],
                            reading: strings.format(.readingIntake, bottleneck, String(peak.year), tonnes(peak.intake.goldKg),
                                                    peak.sustainableIntakeTonnes.map { format.number($0, fractionDigits: 1) } ?? strings[.notAvailable])),
            categories: categories,
            series: [.init(name: strings[.goldIntake], values: years.map { $0.intake.goldKg / 1000 })],
            categoryAxis: AxisLabel(strings[.year]), valueAxis: AxisLabel(strings[.gold], unit: strings[.tonnesPerYear]),
            limit: .init(name: strings[.sustainableIntake], values: years.map(\.sustainableIntakeTonnes)),
            markers: peak.bottleneck.map { [CategoryMarker(category: peakIndex, label: "\(strings[.bottleneck])\(format.colon)\($0)", style: .label)] } ?? [])

        var stages: [String] = []
        for year in years { for stage in year.stages where !stages.contains(stage.id) { stages.append(stage.id) } }
        let values: [[Double?]] = stages.map { id in years.map { year in year.stages.first { $0.id == id }?.utilization } }
        let busiest = peak.stages.max { $0.utilization < $1.utilization }
        let highest = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite).max() ?? 1
        let heat = HeatMap(
            text: ChartText(id: "utilization", title: strings[.utilizationTitle],
                            reading: strings.format(.readingUtilization, busiest?.id ?? bottleneck,
                                                    format.percent(fraction: busiest?.utilization ?? 0), String(peak.year))),
            rows: stages, columns: categories, values: values, rowAxis: AxisLabel(strings[.stage]),
            columnAxis: AxisLabel(strings[.year]), valueLabel: strings[.utilization], domain: 0...max(1, highest),
            thresholdLabel: strings[.saturated])
        return [figure(intake), figure(heat)]
    }

    /// Each year's gold: refined, lost, in process and waiting at the year's end, stacked.
    mutating func goldBalanceBlocks(_ years: [YearThroughput], metrics: [KeyMetric]) -> [HTMLSection.Block] {
        guard !years.isEmpty else { return [.paragraph(strings[.headlineNoIntake])] }
        let refined = metrics.first { $0.id == "refinedGoldTonnes" }?.number ?? 0
        let lost = metrics.first { $0.id == "goldLostKg" }?.number ?? 0
        var series: [BarChart.Series] = [
            .init(name: strings[.refined], values: years.map { $0.gold.refined / 1000 }),
            .init(name: strings[.inProcess], values: years.map { $0.gold.closingInProcess / 1000 }),
            .init(name: strings[.backlog], values: years.map { $0.gold.closingBacklog / 1000 }),
            .init(name: strings[.lost], values: years.map { $0.gold.lost / 1000 }),
        ]
        if years.contains(where: { $0.gold.inOtherProduct != 0 }) {
            series.append(.init(name: strings[.byProducts], values: years.map { $0.gold.inOtherProduct / 1000 }))
        }
        let chart = BarChart(
            text: ChartText(id: "gold-balance", title: strings[.goldBalanceTitle],
                            reading: strings.format(.readingGoldBalance, format.number(refined, fractionDigits: 1), format.number(lost, fractionDigits: 0))),
            categories: years.map { String($0.year) }, series: series, layout: .stacked,
            categoryAxis: AxisLabel(strings[.year]), valueAxis: AxisLabel(strings[.gold], unit: strings[.tonnes]), fractionDigits: 2)
        return [figure(chart)]
    }
}
