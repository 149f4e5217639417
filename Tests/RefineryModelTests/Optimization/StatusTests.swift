import Foundation
import Testing
@testable import RefineryModel

/// Infeasible, unbounded and interrupted solves report a status, never an error.
@Suite struct StatusTests {
    let solver = GLPKSolver()

    static func infeasible(kind: VariableKind) -> LinearProgram {
        var lp = LinearProgram(name: "infeasible")
        let x = lp.addVariable("x", kind: kind)
        let y = lp.addVariable("y", kind: kind)
        lp.addConstraint(x + y >= 5)
        lp.addConstraint(x + y <= 3)
        lp.minimize(x + y)
        return lp
    }

    static func unbounded(kind: VariableKind) -> LinearProgram {
        var lp = LinearProgram(name: "unbounded")
        let x = lp.addVariable("x", kind: kind)
        let y = lp.addVariable("y", kind: kind)
        lp.addConstraint(x - y <= 2)
        lp.maximize(x + y)
        return lp
    }

    @Test(arguments: [VariableKind.continuous, .integer], [true, false])
    func infeasibleIsReported(kind: VariableKind, presolve: Bool) throws {
        let solution = try solver.solve(Self.infeasible(kind: kind), options: .init(presolve: presolve))
        #expect(solution.status == .infeasible)
        #expect(solution.values.isEmpty && solution.objective == nil && !solution.hasSolution)
    }

    @Test(arguments: [VariableKind.continuous, .integer], [true, false])
    func unboundedIsReported(kind: VariableKind, presolve: Bool) throws {
        let solution = try solver.solve(Self.unbounded(kind: kind), options: .init(presolve: presolve))
        #expect(solution.status == .unbounded)
    }

    @Test func integerInfeasibleWithFeasibleRelaxation() throws {
        // 2x = 3 has the LP solution x = 1.5 but no integer one.
        var lp = LinearProgram()
        let x = lp.addVariable("x", kind: .integer, upperBound: 10)
        lp.addConstraint(2 * x == 3)
        lp.minimize(LinearExpression(x))
        for presolve in [true, false] {
            #expect(try solver.solve(lp, options: .init(presolve: presolve)).status == .infeasible)
        }
    }

    @Test func timeLimitWithoutStartIsAStatusNotAnError() throws {
        let (lp, _) = TestModels.marketSplit(rows: 5, columns: 40, seed: 3)
        let solution = try solver.solve(lp, options: .init(timeLimit: 0.3))
        #expect(solution.termination == .timeLimit)
        #expect(solution.status == .feasible || solution.status == .noSolution)
        if solution.hasSolution {
            #expect(lp.check(solution.values).maximumViolation <= 1e-7)
            #expect(solution.bestBound! <= solution.objective! + 1e-9)
        }
    }

    @Test func timeLimitKeepsTheIncumbent() throws {
        let (lp, start) = TestModels.marketSplit(rows: 5, columns: 40, seed: 3)
        #expect(lp.check(start).maximumViolation == 0)
        let startObjective = lp.objectiveValue(at: start)
        let solution = try solver.solve(lp, options: .init(timeLimit: 0.3), start: start)
        #expect(solution.termination == .timeLimit)
        #expect(solution.status == .feasible)
        #expect(lp.check(solution.values).maximumViolation <= 1e-7)
        #expect(solution.objective! <= startObjective)
        let gap = try #require(solution.relativeGap)
        #expect(gap > 0)
    }

    @Test func gapLimitStopsEarly() throws {
        let (lp, start) = TestModels.marketSplit(rows: 3, columns: 24, seed: 5)
        let solution = try solver.solve(lp, options: .init(timeLimit: 20, relativeGap: 0.5), start: start)
        #expect(solution.hasSolution)
        if solution.status == .feasible { #expect(solution.termination == .gapLimit || solution.termination == .timeLimit) }
    }

    @Test func cancellationStopsBranchAndCut() async throws {
        let (lp, start) = TestModels.marketSplit(rows: 6, columns: 50, seed: 9)
        let task = Task { try GLPKSolver().solve(lp, options: .init(timeLimit: 20), start: start) }
        // Cancel from an ordinary thread: while other tests keep the cooperative pool busy
        // with synchronous work, an awaiting test might not be resumed in time to do it.
        let canceller = Thread { Thread.sleep(forTimeInterval: 0.2); task.cancel() }
        canceller.start()
        let solution = try await task.value
        #expect(solution.termination == .cancelled)
        #expect(solution.status == .feasible)
        #expect(solution.statistics.solveSeconds < 10)
    }

    @Test func statisticsDescribeTheModel() throws {
        let lp = TestModels.knapsack()
        let solution = try solver.solve(lp, options: .init(presolve: false))
        #expect(solution.statistics.modelSize == ModelSize(variables: 10, integerVariables: 10, binaryVariables: 10, constraints: 1, nonzeros: 10))
        #expect(solution.statistics.simplexIterations >= 1)
        #expect(solution.statistics.branchAndBoundNodes >= 1)
        #expect(solution.statistics.solveSeconds >= 0 && solution.statistics.loadSeconds >= 0)
    }
}
