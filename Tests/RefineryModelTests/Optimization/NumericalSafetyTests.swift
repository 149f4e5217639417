import Foundation
import Testing
@testable import RefineryModel

/// Numbers GLPK cannot scale or factorize are refused before GLPK sees them, naming the row
/// and the column; what slips through is caught by the guard and becomes a typed error, and
/// GLPK's own text reaches neither stdout nor stderr (issue 11, item 2).
@Suite(.serialized) struct NumericalSafetyTests {
    let solver = GLPKSolver()

    func issues(_ lp: LinearProgram) -> [String] {
        TestModels.refusal(lp, solver: solver).map(\.description)
    }

    /// The reproducer `recovery.gold=5e-324` in miniature: a subnormal coefficient.
    static func subnormal() -> LinearProgram {
        var lp = LinearProgram(name: "subnormal")
        let gold = lp.addVariable("gold", upperBound: 10)
        let dore = lp.addVariable("dore", upperBound: 10)
        // 5e-324 next to 0.5: GLPK's geometric-mean scaling multiplies the row's extremes, the
        // product underflows to 0, a scale factor becomes infinite and glp_set_sjj aborts.
        lp.addConstraint(Double.leastNonzeroMagnitude * gold + 0.5 * dore <= 4, name: "recovery")
        lp.addConstraint(gold + dore >= 1, name: "demand")
        lp.maximize(gold + dore)
        return lp
    }

    @Test func subnormalCoefficientNamesTheRowAndTheColumn() {
        #expect(issues(Self.subnormal()) == [
            "constraint 'recovery': coefficient of gold is 5e-324, below 1e-30 in magnitude: GLPK cannot scale it (a units error, or noise to drop as 0)",
        ])
    }

    @Test func hugeCoefficientsBoundsAndCostsAreRefused() {
        var lp = LinearProgram(name: "huge")
        let x = lp.addVariable("x", upperBound: 1e31)
        let y = lp.addVariable("y", upperBound: 1)
        lp.addConstraint(2e30 * x + y <= 1, name: "mass")
        lp.setObjectiveCoefficient(of: y, to: -3e30)
        let found = issues(lp)
        #expect(found.contains("variable 'x': bound 1e+31 exceeds 1e+30 in magnitude (use an infinite bound for none)"))
        #expect(found.contains("variable 'y': objective coefficient -3e+30 exceeds 1e+30 in magnitude"))
        #expect(found.contains("constraint 'mass': coefficient of x is 2e+30, beyond 1e+30 in magnitude: GLPK cannot scale it"))
        #expect(found.count == 3)
    }

    @Test func coefficientsTooFarApartInARowOrAColumn() {
        var lp = LinearProgram(name: "ratio")
        let x = lp.addVariable("x", upperBound: 1)
        let y = lp.addVariable("y", upperBound: 1)
        lp.addConstraint(1e-10 * x + 1e6 * y <= 1, name: "row")
        lp.addConstraint(x <= 1, name: "other")
        let found = issues(lp)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("constraint 'row': coefficients range from 1e-10 (of x) to 1000000.0 (of y), a ratio of 1e+16") == true)

        var column = LinearProgram(name: "column")
        let z = column.addVariable("z", upperBound: 1)
        let w = column.addVariable("w", upperBound: 1)
        column.addConstraint(1e-9 * z + w <= 1, name: "a")
        column.addConstraint(1e7 * z + w <= 1e7, name: "b")
        let columnIssues = issues(column)
        #expect(columnIssues.count == 1)
        #expect(columnIssues.first?.hasPrefix("variable 'z': coefficients range from 1e-09 (in 'a') to 10000000.0 (in 'b')") == true)
    }

    @Test func wideButSaneRangesStillSolve() throws {
        var lp = LinearProgram(name: "sane")
        let grams = lp.addVariable("grams", upperBound: 1e9)
        let tonnes = lp.addVariable("tonnes", upperBound: 1e3)
        lp.addConstraint(1e-6 * grams - tonnes <= 0, name: "units")
        lp.addConstraint(LinearExpression(tonnes) <= 250, name: "cap")
        lp.maximize(LinearExpression(grams))
        let solution = try solver.solve(lp)
        #expect(solution.status == .optimal)
        #expect(abs((solution.objective ?? 0) - 2.5e8) < 1)
    }

    /// Without validation, the subnormal model makes `glp_scale_prob` abort (exit 134 before
    /// the guard covered it); the guard turns it into a typed error, nothing is printed, and
    /// GLPK works again on the same thread.
    @Test func scalingAbortIsCaughtQuietly() async throws {
        let (result, output) = try await capturingStandardStreams { () throws -> (OptimizationError?, Double?) in
            let error = GLPKSolver.scaleWithoutValidation(Self.subnormal())
            return (error, try solver.solve(TestModels.wyndor().0).objective)
        }
        guard case let .fatalSolverError(call, log)? = result.0 else {
            Issue.record("expected a fatal error in glp_scale_prob, got \(String(describing: result.0))")
            return
        }
        #expect(call == "glp_scale_prob")
        #expect(log.contains("glp_set_sjj") || log.contains("glp_set_rii"), "GLPK's message is kept for --verbose: \(log)")
        #expect(!(result.0?.description.contains("glp_set") ?? true), "GLPK's text stays out of the description")
        #expect(result.1 == 36)
        #expect(output.standardOutput.isEmpty, "stdout: \(output.standardOutput)")
        // Other suites run in parallel and one of them runs `run --verbose` in-process, so
        // stderr is checked for this call's own text rather than for emptiness.
        #expect(!output.standardError.contains("glp_set_sjj") && !output.standardError.contains("glp_set_rii"),
                "stderr: \(output.standardError)")
    }

    /// The provoked fatal error and a failing simplex print nothing on either stream unless a
    /// log was asked for; with `.standardError` (the CLI's --verbose) GLPK's log is there.
    @Test func glpkTextReachesTheStreamsOnlyWhenALogIsAsked() async throws {
        let (_, quiet) = try await capturingStandardStreams { () throws -> Void in
            _ = GLPKSolver.provokeFatalError()
            _ = try solver.solve(TestModels.knapsack())
        }
        #expect(quiet.standardOutput.isEmpty, "stdout: \(quiet.standardOutput)")
        // This call's own text (other suites may write GLPK logs to stderr meanwhile).
        #expect(!quiet.standardError.contains("duplicate indices"), "stderr: \(quiet.standardError)")
        let (_, verbose) = try await capturingStandardStreams { () throws -> Void in
            _ = try solver.solve(TestModels.knapsack(), options: SolverOptions(log: .standardError))
        }
        #expect(verbose.standardOutput.isEmpty, "stdout: \(verbose.standardOutput)")
        #expect(verbose.standardError.contains("obj ="), "stderr: \(verbose.standardError)")
    }
}

/// The scheduler names the model's numerical problems by the scenario's stage (issue 11: the
/// reproducer `plant.stages[3].recovery.gold=5e-324`, stage 3 being the miller).
@Suite struct StageNumericalProblemTests {
    @Test func modelIssuesAreNamedByTheStage() throws {
        let instance = try RefineryNetwork(scenario: .senouBase, request: .detailed(days: 1))
        let miller = try #require(instance.taskStage.firstIndex(of: "miller"))
        let issues = [
            ModelIssue(.constraint(index: 0, name: "max_\(miller)_5_1"), "coefficient of B_\(miller)_5_1 is 4e-308, below 1e-30"),
            ModelIssue(.variable(index: 1, name: "B_\(miller)_5_2"), "bound 1e+300 exceeds 1e+30 in magnitude"),
            ModelIssue(.constraint(index: 2, name: "balance_3_4"), "not a task's row"),
        ]
        let problems = RefineryScheduler.scenarioProblems(instance: instance, issues: issues)
        #expect(problems.map(\.path) == ["plant.stages[id=miller]"])
        #expect(problems.first?.message.contains("2 issues, first: constraint 'max_\(miller)_5_1'") == true)
    }

    @Test func subnormalRecoveryIsRefusedWithAScenarioPath() throws {
        let base = try ScenarioLoader.embeddedDocument(named: "senou-base")
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(json: base, overrides: [try ScenarioOverride(parsing: "plant.stages[id=miller].recovery.gold=5e-324")])
        } catch let error as ScenarioError {
            // Scenario validation with physical ranges refuses it first: also a path, no crash.
            #expect(error.problems.contains { $0.path.hasPrefix("plant.stages") })
            return
        }
        #expect {
            _ = try RefineryScheduler.schedule(scenario, request: .detailed(days: 2), options: SolverOptions(timeLimit: 5))
        } throws: { error in
            guard case let SchedulingError.invalidRequest(problems) = error else { return false }
            // The miller's recovery shrinks what reaches the stages after it: the casting
            // stage's batch rows carry the tiny coefficients.
            return !problems.isEmpty && problems.allSatisfy { $0.path.hasPrefix("plant.stages[id=") }
        }
    }
}
