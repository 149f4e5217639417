import Foundation
import RefineryModel

/// The schedule report for people (text with a Gantt chart); spreadsheets get the library's
/// `schedule_batches` table (``CSVTable``) and tools the JSON.
enum ScheduleText {
    /// The text report. With `timeLimit` (the solve's, in seconds: `refinery-cli schedule`
    /// passes it), a line says what ended the solve: proven optimal, the gap, or the time limit.
    static func render(_ report: RefineryScheduleReport, timeLimit: Double? = nil, requestedGap: Double? = nil) -> String {
        let request = report.request
        var text = "\(request.kind == .detailed ? "Detailed schedule" : "Campaign") from \(report.startDate), \(request.days) day(s) "
        text += "in periods of \(Formatting.number(request.periodHours, decimals: request.periodHours < 1 ? 2 : 0)) h; plant of \(report.year); goal \(request.goal.rawValue)\n"
        text += "Solver: \(report.status.rawValue)"
        if let gap = report.gap { text += ", gap \(Formatting.number(gap * 100, decimals: 2))%" }
        if let objective = report.objective { text += ", objective \(Formatting.number(objective, decimals: 1))" }
        if let bound = report.bestBound { text += ", bound \(Formatting.number(bound, decimals: 1))" }
        text += " (\(Formatting.number(Double(report.model.variables))) variables, \(Formatting.number(Double(report.model.integerVariables))) integer, "
        text += "\(Formatting.number(Double(report.model.constraints))) rows"
        text += (report.timings.map { "; \(Formatting.number($0.solveSeconds, decimals: 2)) s" } ?? "") + ")\n"
        if report.startCertified {
            text += "        the greedy schedule, proven within the gap by the LP relaxation's interior-point bound (no branch-and-cut needed)\n"
        }
        if timeLimit != nil { text += "Ended: " + SolveEnding.sentence(status: report.status, termination: report.termination, gap: report.gap, requestedGap: requestedGap, timeLimit: timeLimit, ending: report.ending, bound: report.bestBound) + ".\n" }
        if !report.violations.isEmpty {
            text += "\nSCHEDULE CHECK FAILED:\n" + report.violations.map { "  \($0)\n" }.joined()
        }
        if let explanation = report.explanation {
            if report.request.goal == .makespan && explanation.misses.contains(where: { $0.label == RefineryNetwork.wholeWindowLabel }) {
                // Makespan asks for every lot of the window to be refined inside it: no due date is involved.
                text += "\nNo schedule refines every lot of the window within it, as the makespan goal requires (lots arriving near its end cannot be finished: "
                text += "give more --days, or due dates with --turnaround-target and another goal). The closest one misses \(Formatting.number(explanation.totalShortfall, decimals: 1)) kg of gold:\n"
            } else {
                text += "\nNo schedule meets every due date. The closest one misses \(Formatting.number(explanation.totalShortfall, decimals: 1)) kg of gold:\n"
            }
            for miss in explanation.misses {
                text += "  - due at period \(miss.time): \(Formatting.number(miss.amount, decimals: 1)) kg, reached \(Formatting.number(miss.reached, decimals: 1)) kg"
                text += miss.reachedAt.map { " (reached at period \($0))" } ?? " (not within the window)"
                text += miss.label.map { "; lots \($0)" } ?? ""
                text += "\n"
            }
            for refusal in explanation.refusals {
                text += "  - cannot take \(Formatting.number(refusal.refused, decimals: 2)) of \(refusal.label ?? refusal.state) at period \(refusal.time)\n"
            }
        }
        guard let summary = report.summary else {
            text += "\nNo schedule found within the time limit.\n"
            return text
        }
        text += "\nHeadline: \(Formatting.number(summary.refinedGoldKg, decimals: 0)) kg of gold refined from \(Formatting.number(Double(summary.lotsReceived))) lots "
        text += "(\(Formatting.number(summary.intakeGoldKg, decimals: 0)) kg of gold received); \(Formatting.number(Double(summary.lotsCompleted))) lots completed"
        if let mean = summary.meanTurnaroundHours { text += ", mean turnaround \(Formatting.number(mean / 24, decimals: 1)) days" }
        if summary.lotsLate > 0 { text += ", \(summary.lotsLate) late" }
        text += ".\nBusiest stage: \(summary.busiestStage ?? "-"). Gold in process: \(Formatting.number(summary.averageGoldInProcessKg)) kg on average, "
        text += "\(Formatting.number(summary.goldInProcessAtEndKg)) kg at the end. Silver refined: \(Formatting.number(summary.refinedSilverKg, decimals: 1)) kg.\n"
        for note in report.notes { text += "Note: \(note)\n" }

        text += "\nStages\n"
        text += TextTable.render(header: ["stage", "units", "batches", "busy unit-h", "available unit-h", "util."], rows: report.stages.map {
            [$0.stage, String($0.units), Formatting.number(Double($0.batches)), Formatting.number($0.busyUnitHours),
             Formatting.number($0.availableUnitHours), Formatting.percent($0.utilization)]
        })
        text += "\n\(request.kind == .detailed ? "By day" : "By month")\n"
        text += TextTable.render(header: [request.kind == .detailed ? "day" : "month", "refined kg", "avg gold in process kg"], rows: report.intervals.map {
            [$0.label, Formatting.number($0.refinedGoldKg, decimals: 1), Formatting.number($0.averageGoldInProcessKg)]
        })
        if let balance = report.goldBalance {
            text += "\nGold balance (kg): received \(Formatting.number(balance.receivedKg, decimals: 2)) = refined \(Formatting.number(balance.refinedKg, decimals: 2))"
            text += " + in process \(Formatting.number(balance.inProcessKg, decimals: 2)) + in by-products \(Formatting.number(balance.inByproductKg, decimals: 3))"
            text += " + lost \(Formatting.number(balance.lostKg, decimals: 3)) (residual \(String(format: "%.1e", balance.residualKg)))\n"
        }
        if !report.leftOver.isEmpty {
            let gold = report.leftOver.reduce(0) { $0 + $1.unrefinedGoldKg }
            text += "\n\(request.kind == .campaign ? "Left for next year" : "Left at the end of the window"): \(Formatting.number(Double(report.leftOver.count))) lots, "
            text += "\(Formatting.number(gold, decimals: 1)) kg of their gold unrefined (every lot with --include-lots in JSON, or the schedule_left_over table)\n"
            text += TextTable.render(header: ["why", "lots", "unrefined gold kg", "lots from", "to"], rows: report.leftOverGroups.map {
                [leftOverReason($0.reason, stage: $0.stage), Formatting.number(Double($0.lots)), Formatting.number($0.unrefinedGoldKg, decimals: 1), $0.firstLot, $0.lastLot]
            })
        }
        if request.kind == .detailed { text += "\n" + gantt(report) }
        let shown = request.kind == .detailed ? 60 : 0
        if shown > 0 {
            text += "\nBatches (first \(min(shown, report.batches.count)) of \(report.batches.count); all of them with --format csv or json)\n"
            text += TextTable.render(header: ["start", "stage", "task", "n", "amount", "gold kg", "lots"], rows: report.batches.prefix(shown).map {
                [$0.startTime, $0.stage, $0.task, String($0.count), Formatting.number($0.amount, decimals: $0.measure == "lots" ? 0 : 1) + " " + $0.measure,
                 Formatting.number($0.goldKg, decimals: 1), $0.lots.count <= 3 ? $0.lots.joined(separator: " ") : "\($0.lots.prefix(2).joined(separator: " ")) +\($0.lots.count - 2)"]
            })
        }
        return text
    }

    /// Why lots are left over, in words.
    static func leftOverReason(_ reason: RefineryScheduleReport.LeftOverReason, stage: String?) -> String {
        switch reason {
        case .stageCapacity: return "\(stage ?? "a stage") at capacity"
        case .leadTime: return "arrived too late for the lead time"
        case .minimumBatch: return "\(stage ?? "a stage")'s minimum batch not filled"
        case .lastBatchNotFilled: return "waiting to fill a \(stage ?? "stage") batch before the end"
        case .reachedStageTooLate: return "reached \(stage ?? "a stage") too late to finish"
        case .schedule: return "left by the schedule (no stage saturated)"
        }
    }

    /// One block per day: a row per stage, a column per period; digits are the units busy.
    static func gantt(_ report: RefineryScheduleReport) -> String {
        let perDay = Int((24 / report.request.periodHours).rounded())
        var busy: [String: [Int]] = [:]
        for batch in report.batches where batch.rides == nil { // riders hold no unit
            for t in batch.start..<max(batch.end, batch.start + 1) where t < report.periods {
                busy[batch.stage, default: Array(repeating: 0, count: report.periods)][t] += batch.count
            }
        }
        let stages = report.stages.map(\.stage)
        let width = stages.map(\.count).max() ?? 5
        var text = "Gantt (units busy per \(Formatting.number(report.request.periodHours, decimals: report.request.periodHours < 1 ? 2 : 0)) h; '.' idle)\n"
        for day in 0..<report.request.days {
            let hours = (0..<perDay).map { p -> String in
                let hour = Int(Double(p) * report.request.periodHours)
                return hour % 6 == 0 && Double(hour) == Double(p) * report.request.periodHours ? String(hour / 10 % 10) : " "
            }.joined()
            text += report.intervals[day].label.padding(toLength: width, withPad: " ", startingAt: 0) + " |" + hours + "|\n"
            for stage in stages {
                let row = (0..<perDay).map { p -> String in
                    let t = day * perDay + p
                    let n = busy[stage]?[t] ?? 0
                    return n == 0 ? "." : n < 10 ? String(n) : "+"
                }.joined()
                text += stage.padding(toLength: width, withPad: " ", startingAt: 0) + " |" + row + "|\n"
            }
        }
        return text
    }
}

extension RefineryScheduleReport {
    /// The exit status a schedule calls for: `failure` (1) when the independent check rejects
    /// it (a bug), `noSolution` (2) when it is infeasible or none was found in time, else success.
    var exitStatus: ExitStatus {
        if !violations.isEmpty { return .failure }
        switch status {
        case .optimal, .feasible: return .success
        case .infeasible, .noSolution: return .noSolution
        }
    }
}
