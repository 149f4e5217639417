import Foundation
import RefineryModel

/// How well `--time-limit` is kept (issue 11): hard schedules, each run at several limits,
/// timed on the wall clock around the whole library call (network construction, greedy start,
/// every solver phase, the elastic model when infeasible, and the report), against the
/// target of the limit plus 10% plus 0.5 s.
struct TimeLimitBenchmark {
    var runs: Int
    var limits: [Double]

    struct Case {
        var name: String
        var request: RefineryScheduleRequest
    }

    static let cases: [Case] = {
        var infeasible = RefineryScheduleRequest.detailed(days: 7, year: 2030, intakeTonnesPerYear: 300)
        infeasible.turnaroundTargetDays = 1 // no plant refines a lot in a day: the elastic model explains
        return [
            Case(name: "detailed 14 d × 15 min, 300 t/yr", request: .detailed(days: 14, periodHours: 0.25, intakeTonnesPerYear: 300)),
            Case(name: "detailed 7 d × 1 h, 200 t/yr", request: .detailed(days: 7, year: 2030, intakeTonnesPerYear: 200)),
            Case(name: "detailed 7 d, due in 1 d (infeasible)", request: infeasible),
            Case(name: "campaign 365 d, 300 t/yr", request: .campaign(days: 365, year: 2030, intakeTonnesPerYear: 300)),
        ]
    }()

    /// The longest a run with `limit` may take.
    static func target(_ limit: Double) -> Double { 1.1 * limit + 0.5 }

    func run(console: Console) throws {
        console.out("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, GLPK \(GLPKSolver.version); senou-base with the recommended solver settings; target: limit × 1.1 + 0.5 s; medians of \(runs) runs\n\n")
        let header = ["case", "limit s", "wall s", "wall / limit", "target s", "within", "status", "termination"]
        var rows: [[String]] = []
        var ratios: [Double] = []
        var missed = 0
        let clock = ContinuousClock()
        for benchmark in Self.cases {
            for limit in limits {
                var options = RefineryScheduler.recommendedOptions(for: benchmark.request.kind)
                options.timeLimit = limit
                var walls: [Double] = []
                var last: RefineryScheduleReport?
                for _ in 0..<runs {
                    walls.append(try clock.measure { last = try RefineryScheduler.schedule(.senouBase, request: benchmark.request, options: options) }.milliseconds / 1000)
                }
                let wall = BenchmarkStatistics.median(walls)
                let within = walls.allSatisfy { $0 <= Self.target(limit) }
                if !within { missed += 1 }
                ratios.append(wall / limit)
                rows.append([benchmark.name, String(format: "%g", limit), String(format: "%.2f", wall), String(format: "%.2f", wall / limit),
                             String(format: "%.2f", Self.target(limit)), within ? "yes" : "NO",
                             last.map { $0.status.rawValue } ?? "-", last.map { $0.termination.rawValue } ?? "-"])
            }
        }
        console.out(TextTable.render(header: header, rows: rows))
        console.out("\nmedian wall / limit \(String(format: "%.2f", BenchmarkStatistics.median(ratios))), worst \(String(format: "%.2f", ratios.max() ?? 0)); \(missed) of \(rows.count) case-limits over the target\n")
    }
}
