import Foundation
import Testing
@testable import RefineryModel

/// The library never prints: GLPK's terminal output goes to the log destination or nowhere.
@Suite struct QuietnessTests {
    @Test func solvingPrintsNothingToStandardOutput() async throws {
        let (logged, output) = try await capturingStandardOutput { () async throws -> Int in
            let solver = GLPKSolver()
            _ = try solver.solve(TestModels.wyndor().0)
            _ = try solver.solve(TestModels.knapsack(), options: .init(presolve: false, cuts: .all, heuristics: [.rounding, .feasibilityPump, .proximitySearch]))
            _ = try solver.solve(StatusTests.infeasible(kind: .integer))
            _ = try solver.solve(StatusTests.unbounded(kind: .continuous))
            _ = try solver.export(TestModels.knapsack(), format: .freeMPS)
            _ = try? solver.write(TestModels.knapsack(), format: .cplexLP, to: "/nonexistent-dir/x.lp")
            _ = GLPKSolver.provokeFatalError()
            // A log handler receives GLPK's log instead of stdout.
            let lines = LockedLines()
            _ = try solver.solve(TestModels.knapsack(), options: .init(log: .handler { lines.append($0) }))
            return lines.count
        }
        #expect(output.isEmpty, "stdout received: \(output)")
        #expect(logged > 0)
    }
}

/// A thread-safe line counter for log handlers.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var count: Int { lock.withLock { lines.count } }
}
