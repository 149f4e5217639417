import Foundation
import RefineryModel

/// `refinery-cli bench`: reproducible benchmarks whose figures go into BENCHMARKS.md.
enum BenchCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "bench",
        summary: "Run a benchmark (for maintainers; figures go to BENCHMARKS.md).",
        usage: "refinery-cli bench solver [--sizes N,N,...] [--runs N] [--time-limit S] [--no-glpsol]",
        options: [
            .value("sizes", "N,N,...", help: "Approximate variable counts of the generated MILPs (default 1000,10000,100000)."),
            .value("runs", "N", help: "Repetitions per size; medians are reported (default 5)."),
            .value("time-limit", "SECONDS", help: "Time limit of each solve, ours and glpsol's (default 30)."),
            .flag("no-glpsol", help: "Do not time glpsol on the exported model."),
        ],
        positionals: [PositionalSpec(name: "SUITE", optional: false, help: "solver")],
        discussion: """
            solver: generates seeded time-indexed batch-scheduling MILPs of growing size and
            reports, separately, the time to build the LinearProgram, to validate it, to load it
            into GLPK and to solve it, next to glpsol's total time on the exported LP file.
            Build with `swift build -c release` first; figures are medians of --runs runs.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        guard arguments.positionals[0] == "solver" else {
            throw UsageError(message: "unknown benchmark '\(arguments.positionals[0])'; available: solver", usage: spec.usage)
        }
        let sizes = try (arguments.value("sizes") ?? "1000,10000,100000").split(separator: ",").map { text throws(UsageError) -> Int in
            guard let size = Int(text), size >= 10, size <= 5_000_000 else {
                throw UsageError(message: "option '--sizes': '\(text)' is not a whole number in 10...5000000")
            }
            return size
        }
        let runs = try arguments.integer("runs", range: 1...100) ?? 5
        let timeLimit = try arguments.double("time-limit", range: 0.1...3600) ?? 30
        let glpsol = arguments.has("no-glpsol") ? nil : ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        try SolverBenchmark(sizes: sizes, runs: runs, timeLimit: timeLimit, glpsol: glpsol).run(console: console)
        return .success
    }
}
