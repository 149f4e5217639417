import Testing
@testable import RefineryModel

/// Textbook LPs and MIPs whose optima are known, each solution also checked independently.
@Suite struct KnownOptimaTests {
    let solver = GLPKSolver()

    /// Every solved answer must pass the solver-independent check with the same objective.
    func expectVerified(_ lp: LinearProgram, _ solution: Solution, sourceLocation: SourceLocation = #_sourceLocation) {
        let report = lp.check(solution.values)
        #expect(report.maximumViolation <= 1e-7, "violation \(report.maximumViolation)", sourceLocation: sourceLocation)
        #expect(approximately(report.objective, solution.objective ?? .nan, absolute: 1e-7), sourceLocation: sourceLocation)
    }

    @Test(arguments: [true, false])
    func productionPlanningLP(presolve: Bool) throws {
        let (lp, doors, windows) = TestModels.wyndor()
        let solution = try solver.solve(lp, options: .init(presolve: presolve))
        #expect(solution.status == .optimal)
        #expect(solution.termination == .completed)
        #expect(approximately(solution.objective!, 36))
        #expect(approximately(solution[doors], 2) && approximately(solution[windows], 6))
        #expect(solution.bestBound == solution.objective)
        expectVerified(lp, solution)
        // Shadow prices of the textbook: plant 2 is worth 1.5, plant 3 is worth 1.
        let duals = try #require(solution.constraintDuals)
        #expect(approximately(duals[0], 0, absolute: 1e-9))
        #expect(approximately(duals[1], 1.5) && approximately(duals[2], 1))
    }

    @Test(arguments: [true, false])
    func knapsackMatchesEnumeration(presolve: Bool) throws {
        let lp = TestModels.knapsack()
        let solution = try solver.solve(lp, options: .init(presolve: presolve))
        let expected = TestModels.knapsackByEnumeration(
            weights: TestModels.knapsackWeights, profits: TestModels.knapsackProfits, capacity: TestModels.knapsackCapacity)
        #expect(expected == 309)
        #expect(solution.status == .optimal)
        #expect(approximately(solution.objective!, expected))
        expectVerified(lp, solution)
    }

    @Test func randomKnapsacksMatchEnumeration() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let count = Int.random(in: 4...14, using: &random)
            let weights = (0..<count).map { _ in Double(Int.random(in: 1...50, using: &random)) }
            let profits = (0..<count).map { _ in Double(Int.random(in: 1...60, using: &random)) }
            let capacity = (weights.reduce(0, +) * Double.random(in: 0.2...0.7, using: &random)).rounded()
            let lp = TestModels.knapsack(weights: weights, profits: profits, capacity: capacity)
            let solution = try solver.solve(lp)
            #expect(solution.status == .optimal)
            let expected = TestModels.knapsackByEnumeration(weights: weights, profits: profits, capacity: capacity)
            #expect(approximately(solution.objective!, expected), "weights \(weights) profits \(profits) capacity \(capacity)")
            expectVerified(lp, solution)
        }
    }

    @Test func assignmentMatchesEnumeration() throws {
        var random = SplitMix64(seed: 11)
        for n in 2...6 {
            let costs = (0..<n).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...99, using: &random)) } }
            let lp = TestModels.assignment(costs: costs)
            let solution = try solver.solve(lp)
            #expect(solution.status == .optimal)
            #expect(approximately(solution.objective!, TestModels.assignmentByEnumeration(costs: costs)))
            expectVerified(lp, solution)
        }
    }

    /// min 2x + 3y − z  s.t.  x + y + z = 10,  2 ≤ x − y ≤ 4,  z ≤ 6,  x, y, z ≥ 0.
    /// z takes its largest value 6, then x + y = 4 and the cheapest split with x − y ≤ 4 is
    /// x = 4, y = 0: the optimum is 8 − 6 = 2.
    @Test func equalityAndRangedRows() throws {
        var lp = LinearProgram(name: "ranged")
        let x = lp.addVariable("x")
        let y = lp.addVariable("y")
        let z = lp.addVariable("z", upperBound: 6)
        lp.addConstraint(x + y + z == 10, name: "total")
        lp.addConstraint(LinearConstraint(x - y, lowerBound: 2, upperBound: 4), name: "spread")
        lp.minimize(2 * x + 3 * y - z)
        let solution = try solver.solve(lp)
        #expect(solution.status == .optimal)
        #expect(approximately(solution.objective!, 2))
        #expect(approximately(solution[x], 4) && approximately(solution[y], 0) && approximately(solution[z], 6))
        expectVerified(lp, solution)

        // The same with integer variables and the range's upper end tightened to 3:
        // x − y ≤ 3 and x + y = 4 leave (3.5, 0.5) for the LP but force y ≥ 1 for integers.
        var mip = lp
        for v in [x, y, z] { mip.setKind(of: v, to: .integer) }
        mip.setBounds(of: Constraint(index: 1), lower: 2, upper: 3)
        let integral = try solver.solve(mip)
        #expect(integral.status == .optimal)
        #expect(approximately(integral.objective!, 2 * 3 + 3 * 1 - 6))
        expectVerified(mip, integral)
    }

    @Test func objectiveConstantAndRepeatedTermsAreKept() throws {
        var lp = LinearProgram()
        let x = lp.addVariable("x", upperBound: 3)
        // x + x − 0.5x = 1.5x, plus a constant 10: maximum 14.5 at x = 3.
        lp.maximize(x + x - 0.5 * x + 10)
        lp.addConstraint(x + x <= 100)
        #expect(lp.info(Constraint(index: 0)).expression.terms.count == 1)
        let solution = try solver.solve(lp)
        #expect(approximately(solution.objective!, 14.5))
    }

    @Test func programWithoutConstraintsOrVariables() throws {
        var bounded = LinearProgram()
        let x = bounded.addVariable("x", lowerBound: -2, upperBound: 5)
        bounded.minimize(3 * x)
        let solution = try solver.solve(bounded)
        #expect(solution.status == .optimal && approximately(solution.objective!, -6))

        var empty = LinearProgram()
        empty.objectiveConstant = 4
        let nothing = try solver.solve(empty)
        #expect(nothing.status == .optimal && nothing.objective == 4 && nothing.values.isEmpty)
    }
}
