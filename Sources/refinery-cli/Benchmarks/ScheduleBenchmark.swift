import Foundation
import RefineryModel

/// The scheduling benchmarks of issue 4: a 7-day hourly detailed schedule and a 365-day
/// campaign of the default plant at 200 t/yr, each with the greedy start certified by the
/// interior-point bound, with the greedy start handed to branch-and-cut only, and without a
/// start, next to glpsol on the exported model with the same gap and time limit.
struct ScheduleBenchmark {
    var runs: Int
    var glpsol: String?

    struct Case {
        var name: String
        var request: RefineryScheduleRequest
        var options: SolverOptions
    }

    static let cases = [
        Case(name: "detailed 7 d × 1 h", request: .detailed(days: 7, year: 2030, intakeTonnesPerYear: 200),
             options: RefineryScheduler.recommendedOptions(for: .detailed)),
        Case(name: "campaign 365 d × 24 h", request: .campaign(days: 365, year: 2030, intakeTonnesPerYear: 200),
             options: RefineryScheduler.recommendedOptions(for: .campaign)),
    ]

    func run(console: Console) throws {
        console.out("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, GLPK \(GLPKSolver.version); senou-base, plant of 2030, intake 200 t/yr; medians of \(runs) runs\n\n")
        let header = ["case", "start", "variables", "integer", "rows", "nonzeros", "build ms", "solve ms", "status", "gap %", "objective", "glpsol ms", "glpsol"]
        var rows: [[String]] = []
        for benchmark in Self.cases {
            let clock = ContinuousClock()
            let variants: [(label: String, greedy: Bool, certify: Bool)] = [
                ("greedy + IPM bound", true, true), ("greedy", true, false), ("none", false, false),
            ]
            for variant in variants {
                let greedy = variant.greedy
                var options = benchmark.options
                options.certifyStart = variant.certify
                var builds: [Double] = [], solves: [Double] = []
                var last: STNScheduleResult?
                var instance: RefineryNetwork?
                for _ in 0..<runs {
                    var built: RefineryNetwork?
                    builds.append(try clock.measure { built = try RefineryNetwork(scenario: .senouBase, request: benchmark.request) }.milliseconds)
                    instance = built
                    let solveTime = try clock.measure {
                        last = try STNScheduler.solve(built!.network, objective: built!.objective, options: options, greedyStart: greedy)
                    }
                    solves.append(solveTime.milliseconds)
                    if !(last!.violations.isEmpty) { throw CommandError.failure("the schedule check failed: \(last!.violations.prefix(3))") }
                }
                guard let result = last, let instance else { continue }
                var external = ("-", "-")
                if let glpsol, variant.label == variants[0].label {
                    let path = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-bench-\(UUID().uuidString).lp").path
                    defer { try? FileManager.default.removeItem(atPath: path) }
                    try GLPKSolver().write(STNFormulation(instance.network, objective: instance.objective).program, format: .cplexLP, to: path)
                    var times: [Double] = []
                    var outcome = ""
                    for _ in 0..<runs { times.append(try clock.measure { outcome = try runGLPSOL(glpsol, path: path, options: benchmark.options) }.milliseconds) }
                    external = (BenchmarkStatistics.format(BenchmarkStatistics.median(times)), outcome)
                }
                rows.append([benchmark.name, variant.label, String(result.model.variables),
                             String(result.model.integerVariables), String(result.model.constraints),
                             String(result.model.nonzeros), BenchmarkStatistics.format(BenchmarkStatistics.median(builds)),
                             BenchmarkStatistics.format(BenchmarkStatistics.median(solves)), result.status.rawValue,
                             result.gap.map { String(format: "%.2f", $0 * 100) } ?? "-", result.objective.map { String(format: "%.0f", $0) } ?? "-",
                             external.0, external.1])
            }
        }
        console.out(TextTable.render(header: header, rows: rows))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        console.out("\npeak resident memory of this process: \(usage.ru_maxrss / 1024) MB\n")
        console.out("""
            build: scenario → lots → network (RefineryNetwork); solve: MILP build, greedy start, GLPK, decoding and the
            independent check (STNScheduler.solve). glpsol: `glpsol --lp FILE --max --pcost --mipgap G --tmlim S` on the exported model
            (maximization), its outcome and its last incumbent's gap as it printed it.

            """)
    }

    /// Runs glpsol; returns "optimal", "gap X%" or "no solution" from its output.
    func runGLPSOL(_ executable: String, path: String, options: SolverOptions) throws -> String {
        let output = try GLPSOL.run(executable, ["--lp", path, "--max", "--pcost", "--mipgap", "\(options.relativeGap ?? 0)",
                                                 "--tmlim", "\(Int((options.timeLimit ?? 60).rounded(.up)))"])
        let incumbent = output.split(separator: "\n").last { $0.contains("mip =") && !$0.contains("not found") }
        if output.contains("INTEGER OPTIMAL SOLUTION FOUND") { return "optimal" }
        if output.contains("cannot solve LP relaxation") { return "LP failed" }
        if let line = incumbent, let percent = line.split(separator: " ").first(where: { $0.hasSuffix("%") }) { return "gap \(percent)" }
        return incumbent == nil ? "no solution" : "feasible"
    }
}
