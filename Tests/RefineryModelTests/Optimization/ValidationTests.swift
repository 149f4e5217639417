import Foundation
import Testing
@testable import RefineryModel

/// Everything GLPK would abort on is refused in Swift with an error naming what is wrong.
@Suite struct ValidationTests {
    let solver = GLPKSolver()

    func issues(_ lp: LinearProgram) -> [ModelIssue] {
        TestModels.refusal(lp, solver: solver)
    }

    func program(_ build: (inout LinearProgram, Variable) -> Void) -> LinearProgram {
        var lp = LinearProgram(name: "bad")
        let x = lp.addVariable("x", upperBound: 10)
        build(&lp, x)
        return lp
    }

    @Test func nonFiniteCoefficientNamesTheConstraintAndVariable() {
        let found = issues(program { lp, x in lp.addConstraint(Double.nan * x <= 3, name: "wood") })
        #expect(found.map(\.description) == ["constraint 'wood': coefficient of x is nan, not a finite number"])
    }

    @Test func nonFiniteObjectiveAndBounds() {
        let found = issues(program { lp, x in
            lp.setObjectiveCoefficient(of: x, to: .infinity)
            lp.objectiveConstant = .nan
            lp.addVariable("y", lowerBound: .infinity)
            lp.addVariable("z", upperBound: -.infinity)
            lp.addVariable("w", lowerBound: .nan)
            lp.addConstraint(LinearExpression(x) <= .nan, name: "r")
        })
        let text = found.map(\.description)
        #expect(text.contains("objective: constant nan is not a finite number"))
        #expect(text.contains("variable 'x': objective coefficient inf is not a finite number"))
        #expect(text.contains("variable 'y': lower bound is +infinity"))
        #expect(text.contains("variable 'z': upper bound is -infinity"))
        #expect(text.contains("variable 'w': bounds [nan, inf] contain NaN"))
        #expect(text.contains("constraint 'r': bounds [-inf, nan] contain NaN"))
    }

    @Test func invertedBounds() {
        let found = issues(program { lp, x in
            lp.setBounds(of: x, lower: 5, upper: 1)
            lp.addConstraint(LinearConstraint(LinearExpression(x), lowerBound: 3, upperBound: 2), name: "range")
        })
        #expect(found.map(\.description) == [
            "variable 'x': lower bound 5.0 exceeds upper bound 1.0",
            "constraint 'range': lower bound 3.0 exceeds upper bound 2.0",
        ])
    }

    @Test func fractionalBoundsOnIntegerVariable() {
        let found = issues(program { lp, _ in lp.addVariable("n", kind: .integer, lowerBound: 0.5, upperBound: 3) })
        #expect(found.map(\.description) == ["variable 'n': is integer but has the fractional bound 0.5"])
    }

    @Test func namesTooLongOrWithControlCharacters() {
        let long = String(repeating: "a", count: 256)
        let found = issues(program { lp, x in
            lp.addVariable(long)
            lp.addConstraint(x <= 1, name: "tab\there")
            lp.name = "é" + String(repeating: "b", count: 254) // 256 bytes in UTF-8
        })
        #expect(found.count == 3)
        #expect(found.contains { $0.description.hasPrefix("model: name is 256 bytes long") })
        #expect(found.contains { $0.description.hasSuffix("name is 256 bytes long; GLPK allows at most 255") })
        #expect(found.contains { $0.description == "constraint 'tab\there': name \"tab\\there\" contains a control character" })
        // 255 bytes is allowed.
        #expect(issues(program { lp, _ in lp.addVariable(String(repeating: "a", count: 255)); lp.addVariable("ok", lowerBound: .nan) }).count == 1)
    }

    @Test func issuesAreCappedAndCounted() {
        var lp = LinearProgram()
        for _ in 0..<250 { lp.addVariable(lowerBound: .nan) }
        let found = lp.issues()
        #expect(found.count == LinearProgram.maximumIssuesListed + 1)
        #expect(found.last?.description == "model: 150 more issues not listed")
    }

    /// A decoded program can carry any indices; out-of-range and repeated ones are caught
    /// before GLPK (which would abort) sees them.
    @Test func decodedIndicesOutOfRangeOrRepeated() throws {
        var lp = LinearProgram(name: "decoded")
        let x = lp.addVariable("x")
        let y = lp.addVariable("y")
        lp.addConstraint(x + y <= 4, name: "row")
        var json = try #require(String(data: JSONEncoder().encode(lp), encoding: .utf8))
        json = json.replacingOccurrences(of: "\"entryColumns\":[0,1]", with: "\"entryColumns\":[7,-1]")
        let outOfRange = try JSONDecoder().decode(LinearProgram.self, from: Data(json.utf8))
        #expect(issues(outOfRange).map(\.description) == [
            "constraint 'row': refers to variable index 7; the model has 2 variables",
            "constraint 'row': refers to variable index -1; the model has 2 variables",
        ])
        json = json.replacingOccurrences(of: "\"entryColumns\":[7,-1]", with: "\"entryColumns\":[1,1]")
        let repeated = try JSONDecoder().decode(LinearProgram.self, from: Data(json.utf8))
        #expect(issues(repeated).map(\.description) == ["constraint 'row': has variable index 1 more than once"])
    }

    @Test func decodingRejectsInconsistentStructure() throws {
        var lp = LinearProgram()
        lp.addVariable("x")
        lp.addConstraint(LinearExpression(Variable(index: 0)) <= 1)
        let json = try #require(String(data: JSONEncoder().encode(lp), encoding: .utf8))
        for (from, to) in [("\"rowStarts\":[0,1]", "\"rowStarts\":[0,5]"),
                           ("\"variableKinds\":[\"continuous\"]", "\"variableKinds\":[]"),
                           ("\"rowStarts\":[0,1]", "\"rowStarts\":[1]")] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(LinearProgram.self, from: Data(json.replacingOccurrences(of: from, with: to).utf8))
            }
        }
    }

    @Test func codableRoundTripKeepsInfiniteBounds() throws {
        let (lp, _, _) = TestModels.wyndor()
        var free = lp
        free.addVariable("free", lowerBound: -.infinity)
        let decoded = try JSONDecoder().decode(LinearProgram.self, from: JSONEncoder().encode(free))
        #expect(decoded.lowerBounds == free.lowerBounds && decoded.upperBounds == free.upperBounds)
        #expect(decoded.rowUpperBounds == free.rowUpperBounds && decoded.entryValues == free.entryValues)
        #expect(try solver.solve(decoded).objective == (try solver.solve(lp).objective))
    }

    @Test func invalidOptionsAndStartingSolutions() {
        let lp = TestModels.knapsack()
        for options in [SolverOptions(timeLimit: 0), SolverOptions(timeLimit: -1), SolverOptions(timeLimit: .nan),
                        SolverOptions(timeLimit: 1e10), SolverOptions(relativeGap: -0.1), SolverOptions(relativeGap: .infinity)] {
            #expect(throws: OptimizationError.self) { try solver.solve(lp, options: options) }
        }
        #expect(throws: OptimizationError.invalidStartingSolution("has 2 values; the model has 10 variables")) {
            try solver.solve(lp, start: [0, 1])
        }
        #expect(throws: OptimizationError.self) {
            try solver.solve(lp, start: [.nan] + Array(repeating: 0, count: 9))
        }
    }

    @Test func fatalErrorGuardKeepsTheProcessAlive() async throws {
        let (result, output) = await capturingStandardOutput { () -> (OptimizationError?, Double?) in
            let error = GLPKSolver.provokeFatalError()
            // GLPK works again on the same thread afterwards.
            let objective = try? GLPKSolver().solve(TestModels.wyndor().0).objective
            return (error, objective)
        }
        guard case let .fatalSolverError(call, log)? = result.0 else {
            Issue.record("expected a fatal error, got \(String(describing: result.0))")
            return
        }
        #expect(call == "glp_load_matrix")
        #expect(log.contains("duplicate indices not allowed"))
        #expect(result.1 == 36)
        #expect(output.isEmpty)
    }
}
