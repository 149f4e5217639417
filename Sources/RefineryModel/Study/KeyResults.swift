/// The key results of a run, in a fixed order: the headline numbers ``Sweep`` tabulates and
/// ``Comparison`` puts side by side. Each part of the run contributes its own metrics; the
/// schedule and valuation parts add theirs by appending a function to ``of(_:)``.
public enum KeyResults {
    /// Every key result of `run`, throughput first, then the schedule and the valuation.
    public static func of(_ run: ScenarioRun) -> [KeyMetric] {
        throughput(run.throughput.years) + schedule(run.campaign.report) + valuation(run.valuation?.result)
    }

    /// Every metric a run can have (with no values), for help and for checking `--metrics`.
    public static var catalog: [KeyMetric] { throughput([]) + schedule(nil) + valuation(nil) }

    /// The campaign schedule of the peak year (all `-` when it was skipped or found nothing):
    /// what the plant does batch by batch, where the throughput model works with yearly rates.
    public static func schedule(_ report: RefineryScheduleReport?) -> [KeyMetric] {
        func number(_ value: Double?) -> KeyMetric.Value { value.map(KeyMetric.Value.number) ?? .none }
        let summary = report?.summary
        let busiest = summary?.busiestStage.flatMap { id in report?.stages.first { $0.stage == id } }
        return [
            KeyMetric(id: "scheduleYear", label: "campaign schedule: year", column: "sched. year", unit: "year",
                      value: number(report.map { Double($0.year) }), decimals: 0),
            KeyMetric(id: "scheduleRefinedGoldTonnes", label: "campaign schedule: gold refined in the year", column: "sched. t", unit: "t",
                      value: number(summary.map { $0.refinedGoldKg / 1000 })),
            KeyMetric(id: "scheduleLotsLate", label: "campaign schedule: lots late", column: "late", unit: "lots",
                      value: number(summary.map { Double($0.lotsLate) }), decimals: 0),
            KeyMetric(id: "scheduleMeanTurnaroundDays", label: "campaign schedule: mean lot turnaround", column: "sched. turn. d", unit: "days",
                      value: number(summary?.meanTurnaroundHours.map { $0 / 24 })),
            KeyMetric(id: "scheduleMaxTurnaroundDays", label: "campaign schedule: longest lot turnaround", column: "max turn. d", unit: "days",
                      value: number(summary?.maxTurnaroundHours.map { $0 / 24 })),
            KeyMetric(id: "scheduleMeanGoldInProcessKg", label: "campaign schedule: gold in process, mean", column: "sched. WIP kg", unit: "kg",
                      value: number(summary?.averageGoldInProcessKg), decimals: 0),
            KeyMetric(id: "scheduleBusiestStage", label: "campaign schedule: busiest stage", column: "busiest", unit: "",
                      value: busiest.map { KeyMetric.Value.text($0.stage) } ?? .none),
            KeyMetric(id: "scheduleBusiestUtilizationPercent", label: "campaign schedule: busiest stage's use of its hours", column: "busy %", unit: "%",
                      value: number(busiest.map { $0.utilization * 100 }), decimals: 0),
            KeyMetric(id: "scheduleGapPercent", label: "campaign schedule: solver gap", column: "gap %", unit: "%",
                      value: number(report?.gap.map { $0 * 100 }), decimals: 2),
        ]
    }

    /// The valuation's headline numbers (all `-` when the scenario has no economics). An IRR
    /// is shown only when it is unique (one sign change); otherwise see `refinery-cli value`.
    public static func valuation(_ valuation: Valuation?) -> [KeyMetric] {
        func number(_ value: Double?) -> KeyMetric.Value { value.map(KeyMetric.Value.number) ?? .none }
        let summary = valuation?.summary
        let irr = summary.flatMap { $0.projectIRR.rates.count == 1 ? $0.projectIRR.rates[0] * 100 : nil }
        let malian = valuation.map { $0.holders.filter(\.malian).reduce(0) { $0 + $1.npvUsd } }
        let total = valuation?.valueAdded.total
        let fiscal = valuation?.fiscal
        return [
            KeyMetric(id: "projectNpvMillionUsd", label: "project NPV", column: "NPV M$", unit: "M USD", value: number(summary.map { $0.projectNPVUsd / 1e6 })),
            KeyMetric(id: "projectIrrPercent", label: "project IRR (when unique)", column: "IRR %", unit: "%", value: number(irr)),
            KeyMetric(id: "equityNpvMillionUsd", label: "equity NPV", column: "eq. NPV M$", unit: "M USD", value: number(summary.map { $0.equityNPVUsd / 1e6 })),
            KeyMetric(id: "malianHoldersNpvMillionUsd", label: "NPV to Malian holders", column: "ML NPV M$", unit: "M USD", value: number(malian.map { $0 / 1e6 })),
            KeyMetric(id: "valueAddedMillionUsd", label: "value added, whole horizon", column: "VA M$", unit: "M USD", value: number(total.map { $0.valueAdded / 1e6 })),
            KeyMetric(id: "nationalCaptureMillionUsd", label: "national capture, whole horizon", column: "capture M$", unit: "M USD", value: number(total.map { $0.nationalCapture / 1e6 })),
            KeyMetric(id: "nationalCaptureSharePercent", label: "national capture, share of the gold processed", column: "capture %", unit: "%",
                      value: number(total?.captureShareOfGold.map { $0 * 100 }), decimals: 3),
            KeyMetric(id: "stateNetCashNpvMillionUsd", label: "the state's net cash, NPV (government rate)", column: "state NPV M$", unit: "M USD",
                      value: number(fiscal.map { $0.stateNetCashNpvUsd / 1e6 })),
            KeyMetric(id: "governmentTakePercent", label: "government take (FARI)", column: "take %", unit: "%",
                      value: number(fiscal?.governmentTake.map { $0 * 100 })),
            KeyMetric(id: "aetrPercent", label: "average effective tax rate (FARI)", column: "AETR %", unit: "%",
                      value: number(fiscal?.aetr.map { $0 * 100 })),
            KeyMetric(id: "netGainToMaliNpvMillionUsd", label: "net gain to Mali against today, PV", column: "ML gain M$", unit: "M USD",
                      value: number(fiscal.map { $0.doreExport.presentValue.netGainToMali / 1e6 })),
        ]
    }

    /// The ids shown by default in text tables (sweep): the headline numbers.
    public static let headline = [
        "refinedGoldTonnes", "peakIntakeTonnes", "bottleneck", "bottleneckUtilizationPercent",
        "bottleneckCapacityTonnesPerYear", "finalBacklogTonnes", "meanTurnaroundDays",
    ]

    /// Throughput over the horizon; "peak year" is the year of the largest gold intake.
    public static func throughput(_ years: [YearThroughput]) -> [KeyMetric] {
        let refined = years.reduce(0) { $0 + $1.gold.refined }
        let peak = ThroughputReport.peakIntakeYear(of: years)
        let bottleneckRow = peak.flatMap { year in year.bottleneck.flatMap { id in year.stages.first { $0.id == id } } }
        let last = years.last
        // Summed in key order: a dictionary's order varies from run to run, and so would the last digit.
        let turnarounds = last.map { $0.turnaroundDays.sorted { $0.key < $1.key }.map(\.value) } ?? []
        let aboveCapacity = years.filter { year in year.stages.contains { $0.utilization > 1 } }.count
        func number(_ value: Double?) -> KeyMetric.Value { value.map(KeyMetric.Value.number) ?? .none }
        return [
            KeyMetric(id: "refinedGoldTonnes", label: "refined gold, whole horizon", column: "refined t", unit: "t",
                      value: .number(refined / 1000)),
            KeyMetric(id: "refinedGoldMeanTonnesPerYear", label: "refined gold, mean per year", column: "refined t/yr", unit: "t/yr",
                      value: years.isEmpty ? .none : .number(refined / 1000 / Double(years.count))),
            KeyMetric(id: "refinedGoldPeakTonnesPerYear", label: "refined gold, best year", column: "best yr t", unit: "t/yr",
                      value: number(years.map(\.gold.refined).max().map { $0 / 1000 })),
            KeyMetric(id: "peakIntakeYear", label: "year of peak gold intake", column: "peak year", unit: "year",
                      value: number(peak.map { Double($0.year) }), decimals: 0),
            KeyMetric(id: "peakIntakeTonnes", label: "gold intake in the peak year", column: "peak in t", unit: "t",
                      value: number(peak.map { $0.intake.goldKg / 1000 })),
            KeyMetric(id: "bottleneck", label: "bottleneck stage in the peak year", column: "bottleneck", unit: "",
                      value: peak?.bottleneck.map(KeyMetric.Value.text) ?? .none),
            KeyMetric(id: "bottleneckUtilizationPercent", label: "bottleneck utilization in the peak year", column: "util. %", unit: "%",
                      value: number(bottleneckRow.map { $0.utilization * 100 }), decimals: 0),
            KeyMetric(id: "bottleneckCapacityTonnesPerYear", label: "gold intake the bottleneck sustains (peak-year mix)", column: "max in t/yr", unit: "t/yr",
                      value: number(peak?.sustainableIntakeTonnes)),
            KeyMetric(id: "yearsAboveCapacity", label: "years with a stage above capacity", column: "yrs over", unit: "years",
                      value: .number(Double(aboveCapacity)), decimals: 0),
            KeyMetric(id: "finalBacklogTonnes", label: "backlog at the end of the horizon", column: "backlog t", unit: "t",
                      value: number(last.map { $0.gold.closingBacklog / 1000 })),
            KeyMetric(id: "finalGoldInProcessKg", label: "gold in process at the end of the horizon", column: "in proc. kg", unit: "kg",
                      value: number(last?.gold.closingInProcess), decimals: 0),
            KeyMetric(id: "meanGoldInProcessKg", label: "gold in process, mean over the horizon", column: "WIP kg", unit: "kg",
                      value: years.isEmpty ? .none : .number(years.reduce(0) { $0 + $1.averageGoldInProcessKg } / Double(years.count)), decimals: 0),
            KeyMetric(id: "meanTurnaroundDays", label: "turnaround, mean over routes (last year)", column: "turn. d", unit: "days",
                      value: turnarounds.isEmpty ? .none : .number(turnarounds.reduce(0, +) / Double(turnarounds.count))),
            KeyMetric(id: "goldLostKg", label: "gold lost in refining, whole horizon", column: "lost kg", unit: "kg",
                      value: .number(years.reduce(0) { $0 + $1.gold.lost }), decimals: 0),
        ]
    }
}
