import Foundation
import Testing
@testable import RefineryModel

/// The deadline reaches every phase (issue 11, item 7). These are functional checks of what a
/// solve stopped by its deadline returns; how closely the wall clock keeps the limit is
/// measured by `refinery-cli bench time-limit` (BENCHMARKS.md), not asserted here.
@Suite(.serialized) struct TimeLimitTests {
    let solver = GLPKSolver()

    /// A deadline that has passed before the solve starts still gives an answer: the
    /// feasible start, with the time limit as the reason.
    @Test func passedDeadlineReturnsTheStartWithTimeLimit() throws {
        let lp = TestModels.knapsack()
        let start = [Double](repeating: 0, count: lp.variableCount)
        let solution = try solver.solve(lp, start: start, deadline: SolveDeadline(seconds: 0))
        #expect(solution.status == .feasible)
        #expect(solution.termination == .timeLimit)
        #expect(solution.values == start)
    }

    /// `glp_interior` has no time limit; the guard stops it at its first output line past the
    /// deadline, frees GLPK's environment, and the solve still answers with the start. Nothing
    /// is printed, and GLPK works again on the same thread.
    @Test func interiorPointIsStoppedAtTheDeadline() async throws {
        let lp = TestModels.knapsack()
        let start = [Double](repeating: 0, count: lp.variableCount)
        var options = SolverOptions(relativeGap: 0.01)
        options.certifyStart = true
        let (result, streams) = try await capturingStandardStreams { () throws -> (Solution, Double?) in
            let solution = try solver.solve(lp, options: options, start: start, deadline: SolveDeadline(seconds: 0))
            return (solution, try solver.solve(TestModels.wyndor().0).objective)
        }
        #expect(result.0.status == .feasible)
        #expect(result.0.termination == .timeLimit)
        #expect(!result.0.statistics.startCertified)
        #expect(result.1 == 36)
        // stdout only: other suites may write a verbose GLPK log to stderr meanwhile.
        #expect(streams.standardOutput.isEmpty, "\(streams)")
        // Without a deadline the same call certifies the start or solves on.
        #expect(try solver.solve(lp, options: options, start: start).termination != .timeLimit)
    }

    /// Branch-and-cut under a limit far below what proving optimality takes (a week's
    /// schedule at a zero gap, pseudo-cost branching, whose initialization is measured and
    /// kept within the deadline) stops with the time limit and an incumbent.
    @Test func branchAndCutStopsAtTheLimitWithAnIncumbent() throws {
        let instance = try RefineryNetwork(scenario: .senouBase, request: .detailed(days: 7, year: 2030, intakeTonnesPerYear: 200))
        let formulation = STNFormulation(instance.network, objective: instance.objective)
        let greedy = GreedySchedule.build(instance.network)
        try #require(ScheduleChecker(network: instance.network).check(greedy).isValid)
        var options = SolverOptions(timeLimit: 1.5)
        options.branching = .pseudocost
        let solution = try solver.solve(formulation.program, options: options, start: formulation.values(for: greedy))
        #expect(solution.termination == .timeLimit)
        #expect(solution.status == .feasible)
        let objective = try #require(solution.objective)
        #expect(objective >= formulation.program.objectiveValue(at: formulation.values(for: greedy)) - 1e-6)
        #expect(formulation.program.check(solution.values).isFeasible(tolerance: 1e-6))
    }

    /// Through the scheduler: a short limit gives a report that says so and still holds a
    /// valid schedule (the greedy start at worst).
    @Test func shortLimitGivesAValidReportWithTimeLimit() throws {
        var options = RefineryScheduler.recommendedOptions(for: .detailed)
        options.timeLimit = 1
        options.relativeGap = 0
        let report = try RefineryScheduler.schedule(.senouBase, request: .detailed(days: 7, year: 2030, intakeTonnesPerYear: 200), options: options)
        #expect(report.termination == .timeLimit)
        #expect(report.status == .feasible)
        #expect(report.violations.isEmpty)
        #expect(report.summary != nil)
    }

    @Test func deadlineArithmetic() {
        #expect(SolveDeadline.none.remainingSeconds == nil && !SolveDeadline.none.hasExpired)
        let soon = SolveDeadline(seconds: 100)
        #expect(soon.capped(at: nil) == soon)
        #expect((soon.capped(at: 1).remainingSeconds ?? 99) <= 1)
        #expect(SolveDeadline.none.earliest(soon) == soon)
        #expect(SolveDeadline(seconds: 0).hasExpired && SolveDeadline(seconds: -5).remainingSeconds == 0)
    }
}
