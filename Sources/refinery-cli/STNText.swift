import Foundation
import RefineryModel

/// The report of `refinery-cli stn` for people (text with a Gantt chart) and spreadsheets (CSV).
enum STNText {
    static func csv(_ report: STNReport) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["task,unit,count,start_hours,end_hours,amount,measure,cost"]
        for batch in report.batches {
            lines.append([field(batch.task), field(batch.unit), String(batch.count), JSONValue.format(batch.startHours), JSONValue.format(batch.endHours),
                          String(format: "%.6g", batch.amount), field(report.measure), String(format: "%.6g", batch.cost)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ report: STNReport, network: StateTaskNetwork, timeLimit: Double?, requestedGap: Double?) -> String {
        let money = report.valueUnit.map { " \($0)" } ?? ""
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var text = "State-Task Network \(report.name): \(count(network.states.count, "state")), \(count(network.units.count, "unit type")), \(count(network.tasks.count, "task")); "
        text += "\(decimal(report.horizonHours)) h in periods of \(decimal(report.periodHours)) h\n"
        text += "Solver: \(report.status.rawValue)"
        if let objective = report.objective { text += ", objective \(decimal(objective))\(money)" }
        if let bound = report.bestBound { text += ", bound \(decimal(bound))" }
        if let gap = report.gap { text += ", gap \(Formatting.number(gap * 100, decimals: 2))%" }
        text += " (\(report.model.variables) variables, \(report.model.integerVariables) integer, \(report.model.constraints) rows"
        text += (report.solveSeconds.map { "; \(Formatting.number($0, decimals: 2)) s" } ?? "") + ")\n"
        text += "Ended: " + SolveEnding.sentence(status: report.status, termination: report.termination, gap: report.gap, requestedGap: requestedGap, timeLimit: timeLimit) + ".\n"
        if let check = report.check {
            let verdict = report.status == .infeasible ? "Check: the closest schedule below keeps every rule but the demands it misses"
                : "Check: valid; objective recomputed from the batches \(decimal(check.objective))\(money)"
            text += check.valid ? verdict + "\n"
                : "\nSCHEDULE CHECK FAILED:\n" + check.violations.map { "  \($0)\n" }.joined()
        }
        if let explanation = report.explanation {
            text += "\nNo schedule meets every demand. The closest one misses \(decimal(explanation.totalShortfall)) \(report.measure):\n"
            for miss in explanation.misses {
                text += "  - \(miss.label ?? "demand"): reached \(decimal(miss.reached))\n"
            }
        }
        guard report.check != nil else {
            text += "\nNo schedule found within the time limit.\n"
            return text
        }
        text += "\n" + gantt(report, network: network)
        text += "\nBatches\n"
        text += TextTable.render(header: ["start h", "end h", "unit", "task", "n", "amount \(report.measure)", "cost"], rows: report.batches.map {
            [decimal($0.startHours), decimal($0.endHours), $0.unit, $0.task, String($0.count), decimal($0.amount), decimal($0.cost)]
        })
        text += "\nStock at \(decimal(report.horizonHours)) h\n"
        text += TextTable.render(header: ["state", "amount \(report.measure)", "value\(money)"], rows: report.finalStock.map {
            [$0.state, decimal($0.amount), decimal($0.value)]
        })
        return text
    }

    /// A row per unit type, a column per period: the letter of the task running ('.' idle).
    static func gantt(_ report: STNReport, network: StateTaskNetwork) -> String {
        let periods = Int((report.horizonHours / report.periodHours).rounded())
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        let taskIndex = network.taskIndex
        func letter(_ task: String) -> Character { taskIndex[task].map { $0 < letters.count ? letters[$0] : "#" } ?? "?" }
        var rows = Dictionary(uniqueKeysWithValues: network.units.map { ($0.name, Array(repeating: Character("."), count: periods)) })
        for batch in report.batches {
            let start = Int((batch.startHours / report.periodHours).rounded()), end = Int((batch.endHours / report.periodHours).rounded())
            for t in start..<max(end, start + 1) where t < periods { rows[batch.unit]?[t] = letter(batch.task) }
        }
        let width = max(network.units.map(\.name.count).max() ?? 4, 4)
        let scale = String((0..<periods).map { $0 % 10 == 0 ? Character(String($0 / 10 % 10)) : " " })
        var text = "Gantt (one column per \(decimal(report.periodHours)) h period; tens of periods on top)\n"
        text += "".padding(toLength: width, withPad: " ", startingAt: 0) + " |" + scale + "|\n"
        for unit in network.units {
            text += unit.name.padding(toLength: width, withPad: " ", startingAt: 0) + " |" + String(rows[unit.name] ?? []) + "|\n"
        }
        text += "Key: " + network.tasks.enumerated().map { "\(letter($0.element.name)) \($0.element.name)" }.joined(separator: ", ") + "\n"
        return text
    }

    /// A number with up to 3 decimals, trailing zeros dropped (2744.375, 136, 89.375).
    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
