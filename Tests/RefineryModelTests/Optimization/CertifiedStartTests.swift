import Testing
@testable import RefineryModel

/// ``SolverOptions/certifyStart``: a start within the gap of the interior-point bound is
/// returned without branch-and-cut, and the bound is the LP relaxation's.
@Suite struct CertifiedStartTests {
    let solver = GLPKSolver()

    /// Dantzig's bound for the 0/1 knapsack (its LP relaxation): items by profit per weight,
    /// the last one fractional. Independent of GLPK.
    static func dantzigBound(weights: [Double], profits: [Double], capacity: Double) -> Double {
        var room = capacity, bound = 0.0
        for i in weights.indices.sorted(by: { profits[$0] / weights[$0] > profits[$1] / weights[$1] }) {
            let take = min(1, room / weights[i])
            bound += take * profits[i]
            room -= take * weights[i]
            if room <= 0 { break }
        }
        return bound
    }

    /// Items 0, 1, 2, 3 and 5: weight 165, profit 309, the known optimum of P01.
    static let optimalItems: Set<Int> = [0, 1, 2, 3, 5]

    static func selection(_ items: Set<Int>) -> [Double] {
        TestModels.knapsackWeights.indices.map { items.contains($0) ? 1 : 0 }
    }

    var options: SolverOptions {
        var options = SolverOptions(timeLimit: 20, relativeGap: 0.01)
        options.certifyStart = true
        return options
    }

    @Test func aStartWithinTheGapIsReturnedWithTheRelaxationBound() throws {
        let lp = TestModels.knapsack()
        let start = Self.selection(Self.optimalItems)
        #expect(lp.objectiveValue(at: start) == 309)
        let solution = try solver.solve(lp, options: options, start: start)
        #expect(solution.statistics.startCertified)
        #expect(solution.status == .feasible && solution.termination == .gapLimit)
        #expect(solution.values == start)
        #expect(solution.statistics.branchAndBoundNodes == 0)
        let dantzig = Self.dantzigBound(weights: TestModels.knapsackWeights, profits: TestModels.knapsackProfits,
                                        capacity: TestModels.knapsackCapacity)
        let bound = try #require(solution.bestBound)
        #expect(bound >= dantzig && bound <= dantzig * (1 + 1e-5))
        #expect(try #require(solution.relativeGap) <= 0.01)
    }

    @Test func aStartOutsideTheGapGoesOnToBranchAndCut() throws {
        let lp = TestModels.knapsack()
        let start = Self.selection([0, 1, 2, 3])   // profit 266: 14% below the bound
        let solution = try solver.solve(lp, options: options, start: start)
        #expect(!solution.statistics.startCertified)
        #expect(solution.hasSolution)
        #expect(try #require(solution.objective) >= 309 / 1.01)
        #expect(lp.check(solution.values).isFeasible(tolerance: 1e-7))
    }

    @Test func offByDefault() throws {
        let lp = TestModels.knapsack()
        let solution = try solver.solve(lp, options: SolverOptions(relativeGap: 0.01), start: Self.selection(Self.optimalItems))
        #expect(!solution.statistics.startCertified)
        #expect(solution.objective == 309)
    }

    @Test func anInfeasibleStartIsNeverCertified() throws {
        let lp = TestModels.knapsack()
        let start = Self.selection(Set(0..<10))   // over capacity
        let solution = try solver.solve(lp, options: options, start: start)
        #expect(!solution.statistics.startCertified)
        #expect(solution.objective == 309 || (solution.objective ?? 0) >= 309 / 1.01)
    }
}
