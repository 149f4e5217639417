import Foundation
import RefineryModel

/// Times our build, validation, GLPK load and solve against glpsol on the same model.
struct SolverBenchmark {
    var sizes: [Int]
    var runs: Int
    var timeLimit: Double
    var glpsol: String?

    func run(console: Console) throws {
        console.out("Solver benchmark: time-indexed batch-scheduling MILPs, medians of \(runs) runs, time limit \(timeLimit) s\n")
        console.out("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, GLPK \(GLPKSolver.version)\n\n")
        let header = ["variables", "binaries", "rows", "nonzeros", "build ms", "ns/nz", "validate ms", "load ms",
                      "solve ms", "status", "objective", "glpsol ms", "overhead"]
        var rows: [[String]] = []
        let clock = ContinuousClock()
        for size in sizes {
            let generator = TimeIndexedBenchmarkModel(variables: size)
            var build: [Double] = [], validate: [Double] = [], load: [Double] = [], solve: [Double] = [], external: [Double] = []
            var last: (LinearProgram, Solution)?
            for _ in 0..<runs {
                var lp = LinearProgram()
                build.append(clock.measure { lp = generator.build() }.milliseconds)
                validate.append(clock.measure { _ = lp.issues() }.milliseconds)
                let solution = try GLPKSolver().solve(lp, options: SolverOptions(timeLimit: timeLimit))
                load.append(solution.statistics.loadSeconds * 1000)
                solve.append(solution.statistics.solveSeconds * 1000)
                last = (lp, solution)
                console.error(".")
            }
            let (lp, solution) = last!
            if let glpsol {
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(size).lp").path
                try GLPKSolver().write(lp, format: .cplexLP, to: path)
                defer { try? FileManager.default.removeItem(atPath: path) }
                for _ in 0..<runs {
                    external.append(try clock.measure { try runGLPSOL(glpsol, path: path) }.milliseconds)
                    console.error(".")
                }
            }
            let size = lp.size
            let ours = BenchmarkStatistics.median(build) + BenchmarkStatistics.median(validate) + BenchmarkStatistics.median(load)
            rows.append([
                "\(size.variables)", "\(size.binaryVariables)", "\(size.constraints)", "\(size.nonzeros)",
                BenchmarkStatistics.format(BenchmarkStatistics.median(build)), BenchmarkStatistics.format(BenchmarkStatistics.median(build) * 1e6 / Double(size.nonzeros)),
                BenchmarkStatistics.format(BenchmarkStatistics.median(validate)), BenchmarkStatistics.format(BenchmarkStatistics.median(load)), BenchmarkStatistics.format(BenchmarkStatistics.median(solve)),
                solution.status.rawValue + (solution.termination == .completed ? "" : " (\(solution.termination.rawValue))"),
                solution.objective.map { BenchmarkStatistics.format($0) } ?? "-",
                external.isEmpty ? "-" : BenchmarkStatistics.format(BenchmarkStatistics.median(external)),
                external.isEmpty ? "-" : String(format: "%.1f%%", 100 * ours / BenchmarkStatistics.median(external)),
            ])
        }
        console.error("\n")
        console.out(TextTable.render(header: header, rows: rows))
        console.out("""

            build: building the LinearProgram in Swift; ns/nz: build time per nonzero (flat = linear);
            validate: LinearProgram.issues(); load: copying into GLPK; solve: GLPK (glp_simplex + glp_intopt);
            glpsol: wall time of `glpsol --lp FILE --tmlim S` on the exported model (read + solve);
            overhead: (build + validate + load) / glpsol.

            """)
    }

    func runGLPSOL(_ executable: String, path: String) throws {
        try GLPSOL.run(executable, ["--lp", path, "--tmlim", "\(Int(timeLimit.rounded(.up)))"])
    }

}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) * 1e-15
    }
}
