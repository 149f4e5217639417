import Testing
@testable import RefineryModel

/// The refinery's schedules from scenarios: valid by the independent check, metal balanced,
/// lots refined no faster than the process allows, due dates enforced or explained.
@Suite struct RefineryScheduleTests {
    static let options = SolverOptions(timeLimit: 20, relativeGap: 0.01)

    static func checkInvariants(_ report: RefineryScheduleReport, instance: RefineryNetwork, context: String) {
        #expect(report.violations.isEmpty, "\(context): \(report.violations.prefix(3))")
        guard let balance = report.goldBalance, let summary = report.summary else { Issue.record("\(context): no schedule"); return }
        // Gold balance closes: received = refined + in process + by-products + lost.
        #expect(abs(balance.residualKg) <= 1e-6 * max(1, balance.receivedKg), "\(context): residual \(balance.residualKg)")
        // Losses are exactly what the stages' gold recoveries say, recomputed from the batches.
        var expectedLoss = 0.0
        for batch in report.batches {
            let stage = instance.scenario.plant.stage(batch.stage)!
            // Per-lot losses depend on the lot class; the balance checks them.
            if instance.perLotTasks.contains(batch.task) { continue }
            if batch.stage == instance.scenario.plant.byproductStage { continue }
            expectedLoss += batch.goldKg * (1 - stage.recovery.gold)
        }
        #expect(expectedLoss <= balance.lostKg + 1e-9, "\(context)")
        // Refined gold never exceeds what came in, and every completed lot took at least the
        // sum of its per-lot stages' cycles and waits.
        #expect(summary.refinedGoldKg <= balance.receivedKg + 1e-9)
        let quickest = instance.scenario.plant.stages.filter { $0.batching == .perLot }.map { $0.waitDays * 24 }.max() ?? 0
        for lot in report.lots { if let hours = lot.turnaroundHours { #expect(hours >= quickest - 1e-9, "\(context): \(lot.id)") } }
        // Every batch's lots exist and arrived before the batch started.
        let arrival = Dictionary(uniqueKeysWithValues: report.lots.map { ($0.id, $0.arrival) })
        for batch in report.batches { for lot in batch.lots { #expect((arrival[lot] ?? .max) <= batch.start, "\(context): \(lot) in \(batch.task) at \(batch.start)") } }
    }

    @Test func defaultScenarioDetailedWeek() throws {
        let request = RefineryScheduleRequest.detailed(days: 4, year: 2030, intakeTonnesPerYear: 200)
        let instance = try RefineryNetwork(scenario: .senouBase, request: request)
        let result = try STNScheduler.solve(instance.network, objective: instance.objective, options: Self.options)
        let report = RefineryScheduler.report(instance: instance, result: result)
        #expect(report.status == .optimal || report.status == .feasible)
        #expect(report.gap! <= 0.01 + 1e-9)
        #expect(report.summary!.refinedGoldKg > 0)
        Self.checkInvariants(report, instance: instance, context: "senou-base detailed")
    }

    @Test(arguments: RefineryScheduleRequest.Goal.allCases)
    func everyGoalOnAShortCampaign(goal: RefineryScheduleRequest.Goal) throws {
        var request = RefineryScheduleRequest.campaign(days: 45, year: 2028, goal: goal)
        if goal == .makespan { request.days = 60; request.intakeTonnesPerYear = 20 }
        let instance = try RefineryNetwork(scenario: .senouBase, request: request)
        let result = try STNScheduler.solve(instance.network, objective: instance.objective, options: SolverOptions(timeLimit: 4, relativeGap: 0.01))
        let report = RefineryScheduler.report(instance: instance, result: result)
        if goal == .makespan {
            // Lots of the last days cannot be refined inside the window: explained, not hidden.
            #expect(report.status == .infeasible)
            #expect(report.explanation?.misses.first?.label == "all lots of the window")
        } else {
            #expect(report.status == .optimal || report.status == .feasible)
        }
        Self.checkInvariants(report, instance: instance, context: "campaign \(goal)")
    }

    /// A one-day turnaround target cannot be met (the assay alone takes two days): the
    /// report says so and names the lots.
    @Test func impossibleDueDatesNameTheLots() throws {
        var request = RefineryScheduleRequest.detailed(days: 4, year: 2030)
        request.turnaroundTargetDays = 1
        let report = try RefineryScheduler.schedule(.senouBase, request: request, options: SolverOptions(timeLimit: 3))
        #expect(report.status == .infeasible)
        let miss = try #require(report.explanation?.misses.first)
        #expect(miss.label?.contains("mali-") == true)
        #expect(report.violations.isEmpty)
        // A generous target is met.
        request.turnaroundTargetDays = 6
        request.days = 3
        let relaxed = try RefineryScheduler.schedule(.senouBase, request: request, options: Self.options)
        #expect(relaxed.status != .infeasible)
    }

    /// Random scenarios from the throughput tests' generator: every one either builds and
    /// schedules with a valid, balanced answer, or is rejected with a named problem.
    @Test func randomScenariosScheduleOrExplain() throws {
        var scheduled = 0
        for seed in UInt64(1)...16 {
            let scenario = RandomScenarios.make(seed: seed)
            let request = RefineryScheduleRequest.detailed(days: 3, year: scenario.horizon.firstYear)
            do {
                let instance = try RefineryNetwork(scenario: scenario, request: request)
                let result = try STNScheduler.solve(instance.network, objective: instance.objective, options: SolverOptions(timeLimit: 10))
                let report = RefineryScheduler.report(instance: instance, result: result)
                if report.status == .noSolution { continue }
                Self.checkInvariants(report, instance: instance, context: "seed \(seed)")
                scheduled += 1
            } catch let SchedulingError.invalidRequest(problems) {
                #expect(!problems.isEmpty)
            } catch let SchedulingError.invalidNetwork(problems) {
                #expect(!problems.isEmpty)
            }
        }
        #expect(scheduled >= 8)
    }

    @Test func badRequestsNameTheField() {
        #expect(throws: SchedulingError.self) { try RefineryNetwork(scenario: .senouBase, request: .detailed(days: 30)) }
        let problems = RefineryScheduleRequest.detailed(days: 30, periodHours: 7).problems(for: .senouBase)
        #expect(Set(problems.map(\.path)) == ["days", "periodHours"])
    }
}
