import Foundation
import Testing
import RefineryModel // the public API only: what another tool gets

/// The run, valuation and comparison as library values: reports that read back, typed errors.
@Suite struct StudyReportTests {
    var quick: RunOptions { var options = RunOptions(); options.schedule = false; return options }

    @Test func aRunReportReadsBackToTheSameJSON() throws {
        let run = try ScenarioRun.perform(try ScenarioLoader.embedded(named: "senou-base"))
        let report = RunReport(run: run)
        #expect(report.schemaVersion == RunReport.schemaVersion && report.tool.name == "refinery-cli")
        #expect(report.schedule != nil && report.solver != nil && report.valuation != nil && report.notes.isEmpty)
        #expect(report.throughput.lots.isEmpty && RunReport(run: run, includeLots: true).throughput.lots.count == run.throughput.lots.count)
        let json = try report.json()
        let read = try ReportJSON.decode(RunReport.self, from: Data(json.utf8))
        #expect(try read.json() == json)
        #expect(run.campaignProblem == nil)
    }

    @Test func aRunWithoutTheScheduleSaysSo() throws {
        let report = RunReport(run: try ScenarioRun.perform(try ScenarioLoader.embedded(named: "senou-base"), options: quick))
        #expect(report.schedule == nil && report.solver == nil && report.notes == ["campaign schedule skipped: not requested (--no-schedule)"])
    }

    @Test func aValuationReportLeavesTheDrawsOut() throws {
        let value = try ValuationRun.perform(try ScenarioLoader.embedded(named: "senou-base"), draws: 200, seed: 3)
        #expect(value.monteCarlo?.npvs.count == 200)
        let report = ValuationReport(value)
        #expect(report.monteCarlo?.npvs.isEmpty == true && report.monteCarlo?.projectNPV == value.monteCarlo?.projectNPV)
        let json = try report.json()
        #expect(try ReportJSON.decode(ValuationReport.self, from: Data(json.utf8)).json() == json)
        #expect(try ValuationRun.perform(try ScenarioLoader.embedded(named: "senou-base"), draws: 0).monteCarlo == nil)
    }

    @Test func aScenarioWithoutEconomicsCannotBeValued() throws {
        var scenario = try ScenarioLoader.embedded(named: "senou-base")
        scenario.economics = nil
        #expect(throws: StudyError.valuation(.missingEconomics(scenario: scenario.name))) { try ValuationRun.perform(scenario) }
        // A run still works: it has no valuation part.
        #expect(try ScenarioRun.perform(scenario, options: quick).valuation == nil)
    }

    @Test func aComparisonOfAScenarioWithItselfHasNoDeltas() throws {
        let scenario = try ScenarioLoader.embedded(named: "senou-base")
        let same = try Comparison.perform(scenario, labeled: "A", scenario, labeled: "B", options: quick)
        #expect(same.rows.count == KeyResults.catalog.count && same.a.label == "A" && same.b.scenario == "senou-base")
        #expect(same.rows.allSatisfy { $0.delta == nil || $0.delta == 0 })
        let three = try ScenarioLoader.load(json: try ScenarioLoader.embeddedDocument(named: "senou-base"),
                                            overrides: [try ScenarioOverride(parsing: "plant.calendar.shiftsPerDay=3")])
        let shifts = try Comparison.perform(scenario, labeled: "A", three, labeled: "B", options: quick)
        let capacity = try #require(shifts.rows.first { $0.a.id == "bottleneckCapacityTonnesPerYear" })
        #expect(abs(try #require(capacity.relative) - 0.5) < 1e-9)
        #expect(shifts.json().hasPrefix(#"{"a":{"label":"A","scenario":"senou-base"},"b":{"label":"B","scenario":"senou-base"},"metrics":[{"#))
    }
}
