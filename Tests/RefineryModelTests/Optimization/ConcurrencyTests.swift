import Testing
@testable import RefineryModel

/// GLPK keeps one environment per thread; concurrent solves must not interfere.
@Suite struct ConcurrencyTests {
    static func programs() -> [LinearProgram] {
        var random = SplitMix64(seed: 2024)
        return (0..<16).map { index in
            if index % 2 == 0 {
                let n = 12
                let weights = (0..<n).map { _ in Double(Int.random(in: 1...40, using: &random)) }
                let profits = (0..<n).map { _ in Double(Int.random(in: 1...50, using: &random)) }
                return TestModels.knapsack(weights: weights, profits: profits, capacity: weights.reduce(0, +) / 2)
            } else {
                let costs = (0..<5).map { _ in (0..<5).map { _ in Double(Int.random(in: 1...99, using: &random)) } }
                return TestModels.assignment(costs: costs)
            }
        }
    }

    @Test func sixteenConcurrentSolvesMatchSerialSolves() async throws {
        let programs = Self.programs()
        let solver = GLPKSolver()
        let serial = try programs.map { try solver.solve($0) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Solution).self) { group in
            for (index, program) in programs.enumerated() {
                group.addTask { (index, try solver.solve(program)) }
            }
            var results = [Solution?](repeating: nil, count: programs.count)
            for try await (index, solution) in group { results[index] = solution }
            return results.map { $0! }
        }
        for (a, b) in zip(serial, concurrent) {
            #expect(a.status == .optimal && b.status == .optimal)
            #expect(a.objective == b.objective)
            #expect(a.values == b.values)
        }
    }

    @Test func manyThreadsSolvingAtOnce() async throws {
        // More tasks than cores, each solving repeatedly, with the fatal-error guard firing in
        // between on some threads: environments stay separate.
        let (lp, _, _) = TestModels.wyndor()
        let objectives = try await withThrowingTaskGroup(of: [Double].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var found: [Double] = []
                    for round in 0..<25 {
                        if (worker + round) % 7 == 0 { _ = GLPKSolver.provokeFatalError() }
                        found.append(try GLPKSolver().solve(lp).objective ?? .nan)
                    }
                    return found
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(objectives.count == 200)
        #expect(objectives.allSatisfy { $0 == 36 })
    }
}
