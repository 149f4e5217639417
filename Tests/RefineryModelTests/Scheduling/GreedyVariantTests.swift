import Testing
@testable import RefineryModel

/// The greedy start tries one variant per task that shares a unit (that task first) and keeps
/// the best by the objective: on stress-300t's saturated 2031 campaign it stays valid under the
/// independent checker, its value is the formulation's, and no variant beats the one returned.
@Suite struct GreedyVariantTests {
    @Test(arguments: [250.0, 300.0])
    func theBestVariantIsValidAndBest(intake: Double) throws {
        let scenario = try ScenarioLoader.embedded(named: "stress-300t")
        let instance = try RefineryNetwork(scenario: scenario, request: .campaign(year: 2031, intakeTonnesPerYear: intake))
        let network = instance.network
        let checker = ScheduleChecker(network: network)
        let formulation = STNFormulation(network, objective: instance.objective)
        let best = try #require(GreedySchedule.best(network, objective: instance.objective))
        let check = checker.check(best)
        #expect(check.isValid, "\(intake) t/yr: \(check.violations.prefix(3))")
        // The value the greedy compares by is the formulation's objective at the schedule.
        let value = GreedySchedule.value(of: best, network: network, objective: instance.objective, stock: check.stock)
        let modelValue = formulation.program.objectiveValue(at: formulation.values(for: best))
        #expect(abs(value - modelValue) <= 1e-6 * max(1, abs(modelValue)), "\(value) vs \(modelValue)")
        // No variant (nor the plain greedy) is better than the one returned.
        let variants = [[]] + GreedySchedule.competingTasks(network).map { [$0] }
        #expect(variants.count > 1)
        for first in variants {
            let schedule = try #require(GreedySchedule.build(network, deadline: .none, first: first))
            let c = checker.check(schedule)
            guard c.isValid else { continue }
            let v = formulation.program.objectiveValue(at: formulation.values(for: schedule))
            #expect(v <= modelValue + 1e-6 * max(1, abs(modelValue)), "\(intake) t/yr, \(first.map { network.tasks[$0].name }): \(v) > \(modelValue)")
        }
    }
}

/// The variants are tried only where the order of the tasks decides what gets done: a shared
/// unit saturated in the plain schedule. The choice reads the schedule, not the clock.
@Suite struct GreedyVariantGateTests {
    /// Each unit's use recomputed by hand: Σ batches × occupancy ÷ Σ periods (count − held) × availability.
    static func use(of unit: String, in schedule: STNSchedule, network: StateTaskNetwork) -> Double {
        let u = network.units[network.unitIndex[unit]!]
        let used = schedule.batches.filter { $0.unit == unit }.reduce(0.0) { total, batch in
            total + Double(batch.count) * network.tasks[network.taskIndex[batch.task]!].bucketOccupancy
        }
        let capacity = (0..<network.horizon).reduce(0.0) { $0 + Double(u.count - u.held(at: $1)) * u.available(at: $1) }
        return used / capacity
    }

    @Test func theDefaultYearKeepsThePlainSchedule() throws {
        let instance = try RefineryNetwork(scenario: .senouBase, request: .campaign(year: 2030, intakeTonnesPerYear: nil))
        let network = instance.network
        let plain = try #require(GreedySchedule.build(network, deadline: .none))
        let usage = GreedySchedule.utilization(of: plain, in: network)
        for unit in network.units.map(\.name) where usage[unit] != nil {
            #expect(abs(usage[unit]! - Self.use(of: unit, in: plain, network: network)) <= 1e-12)
        }
        #expect(usage.values.allSatisfy { $0 < GreedySchedule.saturatedUtilization })
        #expect(GreedySchedule.best(network, objective: instance.objective) == plain)
    }

    @Test func aSaturatedYearTriesTheVariants() throws {
        let scenario = try ScenarioLoader.embedded(named: "stress-300t")
        let instance = try RefineryNetwork(scenario: scenario, request: .campaign(year: 2031, intakeTonnesPerYear: 250))
        let plain = try #require(GreedySchedule.build(instance.network, deadline: .none))
        let miller = try #require(GreedySchedule.utilization(of: plain, in: instance.network)["miller"])
        #expect(miller >= GreedySchedule.saturatedUtilization)
        #expect(abs(miller - Self.use(of: "miller", in: plain, network: instance.network)) <= 1e-12)
        // The same request gives the same start, run after run.
        let first = GreedySchedule.best(instance.network, objective: instance.objective)
        #expect(first != plain)
        #expect(GreedySchedule.best(instance.network, objective: instance.objective) == first)
    }

    @Test func aStartBuiltPastTheDeadlineIsStillTheAnswer() throws {
        let scenario = try ScenarioLoader.embedded(named: "stress-300t")
        let instance = try RefineryNetwork(scenario: scenario, request: .campaign(year: 2031, intakeTonnesPerYear: 250))
        let start = try #require(GreedySchedule.build(instance.network, deadline: .none))
        // The deadline has passed before the solver is called: the valid start comes back as it is.
        let result = try STNScheduler.solve(instance.network, objective: instance.objective,
                                            options: RefineryScheduler.recommendedOptions(for: .campaign), start: start,
                                            deadline: SolveDeadline(seconds: 0))
        #expect(result.status == .feasible)
        #expect(result.startReturned)
        #expect(result.endedIn == .start)
        #expect(result.schedule == start)
        #expect(result.violations.isEmpty)
    }
}
