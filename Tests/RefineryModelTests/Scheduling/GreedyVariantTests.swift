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
