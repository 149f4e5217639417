import Testing
@testable import RefineryModel

/// Small models with known optima, and generators of larger ones, shared by the tests.
enum TestModels {
    /// Wyndor Glass (Hillier & Lieberman, "Introduction to Operations Research", §3.1):
    /// maximize 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0. Optimum 36 at (2, 6).
    static func wyndor() -> (LinearProgram, Variable, Variable) {
        var lp = LinearProgram(name: "wyndor")
        let x = lp.addVariable("doors")
        let y = lp.addVariable("windows")
        lp.addConstraint(x <= 4, name: "plant1")
        lp.addConstraint(2 * y <= 12, name: "plant2")
        lp.addConstraint(3 * x + 2 * y <= 18, name: "plant3")
        lp.maximize(3 * x + 5 * y)
        return (lp, x, y)
    }

    /// Problem P01 of Burkardt's KNAPSACK_01 set: 10 items, capacity 165, optimum 309.
    static let knapsackWeights: [Double] = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82]
    static let knapsackProfits: [Double] = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72]
    static let knapsackCapacity = 165.0

    static func knapsack(weights: [Double] = knapsackWeights, profits: [Double] = knapsackProfits,
                         capacity: Double = knapsackCapacity) -> LinearProgram {
        var lp = LinearProgram(name: "knapsack")
        let items = lp.addVariables(weights.count, kind: .binary) { "item\($0)" }
        lp.addConstraint(LinearExpression.sum(zip(items, weights)) <= capacity, name: "capacity")
        lp.maximize(LinearExpression.sum(zip(items, profits)))
        return lp
    }

    /// The best 0/1 knapsack value by enumerating every subset: an answer independent of GLPK.
    static func knapsackByEnumeration(weights: [Double], profits: [Double], capacity: Double) -> Double {
        var best = 0.0
        for mask in 0..<(1 << weights.count) {
            var weight = 0.0
            var profit = 0.0
            for i in weights.indices where mask & (1 << i) != 0 {
                weight += weights[i]
                profit += profits[i]
            }
            if weight <= capacity { best = max(best, profit) }
        }
        return best
    }

    /// An n×n assignment problem (each worker one job, each job one worker), minimizing cost.
    static func assignment(costs: [[Double]]) -> LinearProgram {
        let n = costs.count
        var lp = LinearProgram(name: "assignment")
        let x = (0..<n).map { i in lp.addVariables(n, kind: .binary) { "assign_\(i)_\($0)" } }
        for i in 0..<n { lp.addConstraint(LinearExpression.sum(x[i]) == 1, name: "worker\(i)") }
        for j in 0..<n { lp.addConstraint(LinearExpression.sum((0..<n).map { x[$0][j] }) == 1, name: "job\(j)") }
        var objective = LinearExpression()
        for i in 0..<n { for j in 0..<n { objective.add(costs[i][j], x[i][j]) } }
        lp.minimize(objective)
        return lp
    }

    /// The cheapest assignment by trying every permutation.
    static func assignmentByEnumeration(costs: [[Double]]) -> Double {
        func permutations(_ items: [Int]) -> [[Int]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { i -> [[Int]] in
                var rest = items
                let head = rest.remove(at: i)
                return permutations(rest).map { [head] + $0 }
            }
        }
        return permutations(Array(costs.indices)).map { p in p.indices.reduce(0.0) { $0 + costs[$1][p[$1]] } }.min()!
    }

    /// A market-split instance (Cornuéjols & Dawande 1999): binary x with Σⱼ aᵢⱼ xⱼ + sᵢ⁺ − sᵢ⁻ = dᵢ,
    /// minimizing the slacks. Small ones are already hard for branch-and-bound, which makes them
    /// good time-limit tests. Returns the program and a feasible starting point (x = 0).
    static func marketSplit(rows: Int, columns: Int, seed: UInt64) -> (LinearProgram, start: [Double]) {
        var random = SplitMix64(seed: seed)
        var lp = LinearProgram(name: "market_split")
        let x = lp.addVariables(columns, kind: .binary) { "x\($0)" }
        var start = [Double](repeating: 0, count: columns)
        var objective = LinearExpression()
        for i in 0..<rows {
            let a = (0..<columns).map { _ in Double(Int.random(in: 0..<100, using: &random)) }
            let d = (a.reduce(0, +) / 2).rounded(.down)
            let over = lp.addVariable("over\(i)")
            let under = lp.addVariable("under\(i)")
            start += [d, 0]
            lp.addConstraint(LinearExpression.sum(zip(x, a)) + over - under == d, name: "split\(i)")
            objective += over
            objective += under
        }
        lp.minimize(objective)
        return (lp, start)
    }
}

extension TestModels {
    /// The issues `GLPKSolver` refuses `lp` with (`OptimizationError.invalidModel`), recording a
    /// test issue when it solves it or fails another way.
    static func refusal(_ lp: LinearProgram, solver: GLPKSolver = GLPKSolver()) -> [ModelIssue] {
        do {
            _ = try solver.solve(lp)
            Issue.record("expected invalidModel")
            return []
        } catch {
            guard case let .invalidModel(issues) = error else {
                Issue.record("unexpected \(error)")
                return []
            }
            return issues
        }
    }
}
