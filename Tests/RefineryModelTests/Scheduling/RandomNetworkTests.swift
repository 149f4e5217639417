import Testing
@testable import RefineryModel

/// Seeded random networks, both timings: whatever GLPK returns, the independent checker
/// accepts it, its value recomputed from the batches equals the reported objective, and the
/// bound is on the right side.
@Suite struct RandomNetworkTests {
    /// A random chain raw → s1 → … → product with parallel unit types, random durations,
    /// delays, batch bounds, storage limits, receipts and a split at the last step.
    static func network(seed: UInt64, timing: StateTaskNetwork.Timing) -> StateTaskNetwork {
        var random = SplitMix64(seed: seed)
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        func real(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        let steps = int(2...4)
        let horizon = timing == .discrete ? int(8...16) : int(5...20)
        var states = [StateTaskNetwork.State(name: "raw", initialStock: real(0...100))]
        var tasks: [StateTaskNetwork.Task] = []
        var units: [StateTaskNetwork.Unit] = []
        for step in 0..<steps {
            let output = step == steps - 1 ? "product" : "s\(step + 1)"
            states.append(.init(name: output, capacity: step == steps - 1 ? nil : (int(0...2) == 0 ? real(20...80) : nil), value: step == steps - 1 ? 1 : 0))
            let unitName = "u\(step)"
            let maximum = real(20...100)
            units.append(.init(name: unitName, count: int(1...3), minBatch: int(0...1) == 0 ? 0 : maximum * real(0.1...0.5), maxBatch: maximum,
                               availability: int(0...2) == 0 ? (0..<horizon).map { _ in int(0...4) == 0 ? 0 : 1 } : nil))
            let duration = timing == .discrete ? int(1...3) : 0
            let delay = timing == .discrete ? duration + int(0...1) : int(0...1)
            let input = step == 0 ? "raw" : "s\(step)"
            tasks.append(.init(name: "t\(step)", inputs: [input: 1], outputs: [.init(state: output, fraction: real(0.8...1), delay: delay)],
                               duration: duration, occupancy: timing == .bucketed ? real(0.2...1) : nil, units: [unitName]))
        }
        // A second, slower way to make the product, and a split that keeps it busy.
        let last = "s\(steps - 1)"
        units.append(.init(name: "alt", count: 1, minBatch: 0, maxBatch: real(10...40)))
        tasks.append(.init(name: "alternative", inputs: [steps == 1 ? "raw" : last: 1], outputs: [.init(state: "product", fraction: 1, delay: timing == .discrete ? 2 : 1)],
                           duration: timing == .discrete ? 2 : 0, occupancy: timing == .bucketed ? 1 : nil, units: ["alt"]))
        let receipts = (0..<int(1...4)).map { k in StateTaskNetwork.Receipt(state: "raw", time: int(0...(horizon / 2)), amount: real(10...80), label: "lot \(k)") }
        return StateTaskNetwork(states: states, tasks: tasks, units: units, horizon: horizon, timing: timing, receipts: receipts,
                                splits: [.init(tasks: ["alternative"], alternatives: ["t\(steps - 1)"], share: real(0...0.2))])
    }

    @Test(arguments: [StateTaskNetwork.Timing.discrete, .bucketed])
    func everyScheduleChecksOut(timing: StateTaskNetwork.Timing) throws {
        for seed in UInt64(1)...12 {
            let network = Self.network(seed: seed, timing: timing)
            #expect(network.problems().isEmpty)
            for objective in [STNObjective.terminalValue, STNObjective(terminal: 0, cumulative: 1)] {
                let result = try STNScheduler.solve(network, objective: objective, options: SolverOptions(timeLimit: 10))
                #expect(result.status == .optimal, "seed \(seed)")
                #expect(result.violations.isEmpty, "seed \(seed): \(result.violations)")
                let stock = try #require(result.stock)
                let product = network.states.count - 1
                let recomputed = objective.terminal * stock[product][network.horizon]
                    + objective.cumulative * (1...network.horizon).reduce(0.0) { $0 + stock[product][$1] }
                #expect(approximately(recomputed, result.objective!, absolute: 1e-6, relative: 1e-6), "seed \(seed)")
                #expect(result.bestBound! >= result.objective! - 1e-6)
                // The greedy schedule is valid and never beats the optimum.
                let greedy = ScheduleChecker(network: network).check(GreedySchedule.build(network))
                #expect(greedy.isValid, "seed \(seed): \(greedy.violations)")
                let greedyValue = objective.terminal * greedy.stock[product][network.horizon]
                    + objective.cumulative * (1...network.horizon).reduce(0.0) { $0 + greedy.stock[product][$1] }
                #expect(greedyValue <= result.objective! + 1e-6)
            }
        }
    }

    /// Three identical 2-period jobs on one unit: the makespan is 6, and 3 with three units.
    @Test(arguments: [(1, 6), (3, 2)])
    func makespanMatchesHandComputation(units: Int, expected: Int) throws {
        let network = StateTaskNetwork(
            states: [.init(name: "jobs", initialStock: 3), .init(name: "done")],
            tasks: [.init(name: "work", inputs: ["jobs": 1], outputs: [.init(state: "done", fraction: 1, delay: 2)], duration: 2, units: ["machine"], fixedBatch: 1)],
            units: [.init(name: "machine", count: units, maxBatch: 1)], horizon: 10,
            milestones: [.init(states: ["done"], time: 10, amount: 3)])
        let result = try STNScheduler.solve(network, objective: STNObjective(terminal: 0, makespan: 1))
        #expect(result.status == .optimal)
        #expect(result.objective == -Double(expected))
        #expect(result.violations.isEmpty)
        #expect(result.schedule!.batches.map { $0.start + 2 }.max() == expected)
    }

    /// Due dates that cannot be met: the answer is "infeasible", the relaxed schedule misses as
    /// little as possible, and the explanation names the milestone and when it is reached.
    @Test func infeasibleDueDatesAreExplained() throws {
        var network = ScheduleCheckerTests.network
        network.milestones = [.init(states: ["done"], time: 2, amount: 40, label: "lot A, first half"),
                              .init(states: ["done"], time: 4, amount: 100, label: "lot A, all")]
        let result = try STNScheduler.solve(network)
        #expect(result.status == .infeasible)
        let explanation = try #require(result.explanation)
        // By 4 the oven can cook at most 50 + 50, but only 60 fits in storage: 40 short.
        #expect(explanation.misses.map(\.label) == ["lot A, all"])
        #expect(approximately(explanation.totalShortfall, 40, absolute: 1e-6))
        #expect(result.violations.isEmpty)
        #expect(ScheduleChecker(network: network).check(try #require(result.schedule), allowRelaxation: true).isValid)
    }

    @Test func invalidNetworksAreRejectedBeforeGLPK() {
        var network = ScheduleCheckerTests.network
        network.tasks[0].units = ["grill"]
        network.units[0].maxBatch = -1
        network.receipts[0].time = 99
        #expect(throws: SchedulingError.self) { try STNScheduler.solve(network) }
        let paths = Set(network.problems().map(\.path))
        #expect(paths.isSuperset(of: ["tasks[0].units[0]", "units[0].maxBatch", "receipts[0].time"]))
    }
}
