import Foundation
import RefineryModel

/// `refinery-cli bench`: reproducible benchmarks whose figures go into BENCHMARKS.md.
enum BenchCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "bench",
        summary: "Run a benchmark (for maintainers; figures go to BENCHMARKS.md).",
        options: [
            .value("sizes", "N,N,...", help: "Approximate variable counts of the generated MILPs (default 1000,10000,100000)."),
            .value("runs", "N", help: "Repetitions per size; medians are reported (default 5)."),
            .value("time-limit", "SECONDS", help: "Time limit of each solve, ours and glpsol's (default 30)."),
            .flag("no-glpsol", help: "Do not time glpsol on the exported model."),
            .value("lots", "N", help: "throughput: lots in the generated year (default 100000)."),
            .value("file-lots", "N", help: "throughput: explicit lots in the large scenario file (default 1000000)."),
            .value("draws", "N", help: "valuation: Monte Carlo draws (default 10000)."),
            .value("limits", "S,S,...", help: "time-limit: the time limits to try, in seconds (default 1,3,8)."),
        ],
        positionals: [PositionalSpec(name: "SUITE", optional: false, help: "solver, throughput, schedule, valuation, time-limit, html or solve-loop (--runs solves, for leak checks)")],
        discussion: """
            solver: generates seeded time-indexed batch-scheduling MILPs of growing size and
            reports, separately, the time to build the LinearProgram, to validate it, to load it
            into GLPK and to solve it, next to glpsol's total time on the exported LP file.
            throughput: times the throughput model on one year of 10⁵ generated lots, and parsing,
            loading (schema check, decoding, validation) and evaluating a 10⁶-lot scenario file.
            schedule: the 7-day hourly detailed schedule and the 365-day campaign of the default plant at
            200 t/yr, with and without the greedy start, and glpsol on the exported models.
            valuation: times one full valuation of the default scenario and a Monte Carlo of
            --draws draws (default 10,000) on every core.
            time-limit: hard schedules (a 14-day quarter-hour window at 300 t/yr, the 7-day week
            at 200 t/yr, an infeasible week that the elastic model explains, a year's campaign at
            300 t/yr) at each of --limits, timed on the wall clock around the whole library call,
            against the target limit × 1.1 + 0.5 s.
            html: the default run's HTML page (en and fr) drawn from its report, against the
            JSON report of the same run.
            Build with `swift build -c release` first; figures are medians of --runs runs.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let suite = arguments.positionals[0]
        let runs = suite == "solve-loop" ? 1 : try arguments.integer("runs", range: 1...100) ?? 5
        switch suite {
        case "solver": break
        case "solve-loop":
            // For leak checks: `valgrind --leak-check=full refinery-cli bench solve-loop`.
            let count = try arguments.integer("runs", range: 1...1_000_000) ?? 1000
            var lp = LinearProgram(name: "loop")
            let weights: [Double] = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82]
            let profits: [Double] = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72]
            let items = lp.addVariables(weights.count, kind: .binary) { "item\($0)" }
            lp.addConstraint(LinearExpression.sum(zip(items, weights)) <= 165, name: "capacity")
            lp.maximize(LinearExpression.sum(zip(items, profits)))
            var total = 0.0
            for _ in 0..<count { total += try GLPKSolver().solve(lp).objective ?? 0 }
            console.out("\(count) solves, objective \(total / Double(count)) each\n")
            return .success
        case "schedule":
            let glpsol = arguments.has("no-glpsol") ? nil : GLPSOL.executable
            try ScheduleBenchmark(runs: try arguments.integer("runs", range: 1...100) ?? 3, glpsol: glpsol).run(console: console)
            return .success
        case "throughput":
            let lots = try arguments.integer("lots", range: 1...10_000_000) ?? 100_000
            let fileLots = try arguments.integer("file-lots", range: 1...10_000_000) ?? 1_000_000
            try ThroughputBenchmark(runs: runs, lots: lots, fileLots: fileLots).run(console: console)
            return .success
        case "time-limit":
            let limits = try (arguments.value("limits") ?? "1,3,8").split(separator: ",").map { text throws(UsageError) -> Double in
                guard let limit = Double(text), limit >= 0.1, limit <= 3600 else {
                    throw UsageError(message: "option '--limits': '\(text)' is not a number of seconds in 0.1...3600")
                }
                return limit
            }
            try TimeLimitBenchmark(runs: try arguments.integer("runs", range: 1...100) ?? 1, limits: limits).run(console: console)
            return .success
        case "html":
            try HTMLBenchmark(runs: runs).run(console: console)
            return .success
        case "valuation":
            let draws = try arguments.integer("draws", range: 1...10_000_000) ?? 10_000
            try ValuationBenchmark(runs: runs, draws: draws).run(console: console)
            return .success
        default:
            throw UsageError(message: "unknown benchmark '\(arguments.positionals[0])'; available: solver, throughput, schedule, valuation, time-limit, html, solve-loop", usage: spec.usage)
        }
        let sizes = try (arguments.value("sizes") ?? "1000,10000,100000").split(separator: ",").map { text throws(UsageError) -> Int in
            guard let size = Int(text), size >= 10, size <= 5_000_000 else {
                throw UsageError(message: "option '--sizes': '\(text)' is not a whole number in 10...5000000")
            }
            return size
        }
        let timeLimit = try arguments.double("time-limit", range: 0.1...3600) ?? 30
        let glpsol = arguments.has("no-glpsol") ? nil : GLPSOL.executable
        try SolverBenchmark(sizes: sizes, runs: runs, timeLimit: timeLimit, glpsol: glpsol).run(console: console)
        return .success
    }
}
