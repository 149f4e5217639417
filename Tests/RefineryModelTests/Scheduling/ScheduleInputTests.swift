import Foundation
import Testing
@testable import RefineryModel

/// Issue 11: what validation accepts the scheduler accepts, its problems name scenario paths,
/// and the by-product's gold is never negative.
@Suite struct ScheduleInputTests {
    /// The default run's campaign showed −0.545 kg of gold in by-products: the by-product stage
    /// took gold at the stream's average share, more than the gold-poor Wohlwill slimes held.
    @Test func theDefaultCampaignHoldsNoNegativeGoldInByproducts() throws {
        var options = RefineryScheduler.recommendedOptions(for: .campaign)
        options.relativeGap = 0.01
        let report = try RefineryScheduler.schedule(.senouBase, request: .campaign(year: 2030), options: options)
        let balance = try #require(report.goldBalance)
        #expect(balance.inByproductKg >= 0)
        #expect(balance.refinedKg >= 0 && balance.inProcessKg >= 0 && balance.lostKg >= 0)
        #expect(abs(balance.residualKg) < 1e-6 * balance.receivedKg)
    }

    @Test func theByproductStageTakesOnlyGoldThatCameIn() throws {
        let instance = try RefineryNetwork(scenario: .senouBase, request: .campaign(days: 60, year: 2030))
        let network = instance.network
        let treatment = try #require(network.tasks.first { $0.name.hasSuffix("[by-product]") })
        #expect(treatment.inputs[RefineryNetwork.byproductGoldState] ?? 0 > 0)
        // Every task that diverts gold to the by-product says so in the gold stock.
        for (i, task) in network.tasks.enumerated() where instance.goldToByproductPerUnit[i] > 0 {
            #expect(task.outputs.contains { $0.state == RefineryNetwork.byproductGoldState }, "\(task.name)")
        }
    }

    @Test func networkProblemsNameTheScenariosStage() throws {
        let instance = try RefineryNetwork(scenario: .senouBase, request: .campaign(days: 30, year: 2030))
        let i = try #require(instance.taskStage.firstIndex(of: "miller"))
        let mapped = instance.scenarioProblem(ScenarioProblem(path: "tasks[\(i)].sizeFactor", value: "0.0", message: "must be positive"))
        #expect(mapped.path == "plant.stages[3]")
        #expect(mapped.message.contains(instance.network.tasks[i].name))
        #expect(mapped.message.hasSuffix("(sizeFactor): must be positive"))
        #expect(!mapped.description.contains("tasks["))
        let unit = instance.scenarioProblem(ScenarioProblem(path: "units[0].maxBatch", value: "0", message: "must be positive"))
        #expect(unit.path.hasPrefix("plant.stages["))
    }

    @Test func routesThatCannotBeScheduledNameTheRoute() throws {
        var scenario = Scenario.senouBase
        scenario.plant.routes[1].stages = ["receiving", "miller", "wohlwill", "casting"]
        #expect(ScenarioValidator.problems(in: scenario).isEmpty)
        do {
            _ = try RefineryNetwork(scenario: scenario, request: .campaign(days: 30, year: 2030))
            Issue.record("routes with different per-lot stages were scheduled")
        } catch let SchedulingError.invalidRequest(problems) {
            #expect(problems.map(\.path) == ["plant.routes[1].stages"])
        }
    }

    @Test(arguments: [
        (RefineryScheduleRequest.detailed(startDate: "1900-01-01"), "startDate", "is outside the scenario's horizon 2027-01-01...2041-12-31"),
        (RefineryScheduleRequest.detailed(startDate: "2042-01-01"), "startDate", "is outside the scenario's horizon 2027-01-01...2041-12-31"),
        (RefineryScheduleRequest.campaign(year: 2050), "year", "is outside the scenario's horizon 2027...2041"),
        (RefineryScheduleRequest.campaign(year: 2026), "year", "is outside the scenario's horizon 2027...2041"),
    ])
    func windowsOutsideTheHorizonAreRefused(request: RefineryScheduleRequest, path: String, message: String) {
        let problems = request.problems(for: .senouBase)
        #expect(problems.map(\.path) == [path])
        #expect(problems.first?.message == message)
    }
}
