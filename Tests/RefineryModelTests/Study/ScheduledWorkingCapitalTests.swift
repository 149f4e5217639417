import Foundation
import Testing
@testable import RefineryModel

/// The run checks the valuation's gold in process against the campaign schedule's: the
/// figures are the schedule's and the throughput model's, and the project NPV with the
/// schedule's is recomputed independently.
@Suite struct ScheduledWorkingCapitalTests {
    @Test func theDefaultRunComparesTheScheduleWithTheThroughputModel() throws {
        let run = try ScenarioRun.perform(.senouBase)
        let check = try #require(run.scheduledWorkingCapital)
        let schedule = try #require(run.campaign.report)
        let model = try #require(run.valuation?.model)
        #expect(check.year == schedule.request.year)
        #expect(check.scheduleGoldInProcessKg == schedule.summary?.averageGoldInProcessKg)
        let h = try #require(model.volumes.firstIndex { $0.year == check.year })
        #expect(check.throughputGoldInProcessKg == model.volumes[h].averageGoldInProcessKg)
        #expect(check.scheduleGoldInProcessKg > 0 && check.throughputGoldInProcessKg > 0)
        // Independently: the same volumes with that one year's gold in process replaced.
        var volumes = model.volumes
        volumes[h].averageGoldInProcessKg = check.scheduleGoldInProcessKg
        let npv = try CashFlowModel(scenario: model.scenario, volumes: volumes).projectNPV()
        #expect(check.projectNPVUsd == npv)
        #expect(abs(check.projectNPVChangeUsd - (npv - run.valuation!.result.summary.projectNPVUsd)) <= 1e-6)
        // Less gold in the plant costs less insurance and gold-loan interest, and the reverse.
        if check.scheduleGoldInProcessKg < check.throughputGoldInProcessKg { #expect(check.projectNPVChangeUsd >= 0) }
        if check.scheduleGoldInProcessKg > check.throughputGoldInProcessKg { #expect(check.projectNPVChangeUsd <= 0) }
        // The valuation itself stays on the throughput model: the run's headline is `value`'s.
        #expect(run.valuation!.result.summary.projectNPVUsd == model.projectNPV())
        // And the report carries it.
        #expect(RunReport(run: run).workingCapitalFromSchedule == check)
    }

    @Test func noCheckWithoutASchedule() throws {
        var options = RunOptions()
        options.schedule = false
        let run = try ScenarioRun.perform(.senouBase, options: options)
        #expect(run.scheduledWorkingCapital == nil)
        #expect(RunReport(run: run).workingCapitalFromSchedule == nil)
    }
}
