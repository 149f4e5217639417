import Foundation
import Testing
import RefineryModel
@testable import refinery_cli

/// What a library caller gets is what the CLI prints: each report made through the library
/// alone (RefineryModel's public API, nothing of the CLI), encoded by the library, equals the
/// built binary's output byte for byte.
extension ExecutableTests {
    static let senouBase = try! ScenarioLoader.embedded(named: "senou-base")
    static var noSchedule: RunOptions { var options = RunOptions(); options.schedule = false; return options }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func theLibrarysRunReportIsTheCLIsJSON() throws {
        let cli = try execute(["run", "--format", "json"])
        #expect(cli.status == .success)
        let library = try RunReport(run: ScenarioRun.perform(Self.senouBase)).json()
        #expect(library == cli.out)
        #expect(library.contains(#""solver" : {"#), "the default run has its campaign schedule")

        let lots = try execute(["run", "--scenario", "mali-own-supply", "--no-schedule", "--include-lots", "--seed", "7", "--format", "json"])
        var options = Self.noSchedule
        options.seed = 7
        let run = try ScenarioRun.perform(ScenarioLoader.embedded(named: "mali-own-supply"), options: options)
        #expect(try RunReport(run: run, includeLots: true).json() == lots.out)
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func theLibrarysValuationReportIsTheCLIsJSON() throws {
        let cli = try execute(["value", "--format", "json", "--draws", "500", "--seed", "4"])
        #expect(cli.status == .success)
        #expect(try ValuationReport(ValuationRun.perform(Self.senouBase, draws: 500, seed: 4)).json() == cli.out)
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func theLibrarysComparisonIsTheCLIsJSON() throws {
        let cli = try execute(["compare", "senou-base", "stress-300t", "--set-b", "plant.calendar.shiftsPerDay=3", "--no-schedule", "--format", "json"])
        #expect(cli.status == .success)
        let stress = try ScenarioLoader.load(json: ScenarioLoader.embeddedDocument(named: "stress-300t"),
                                             overrides: [ScenarioOverride(parsing: "plant.calendar.shiftsPerDay=3")])
        let comparison = try Comparison.perform(Self.senouBase, labeled: "senou-base", stress, labeled: "stress-300t plant.calendar.shiftsPerDay=3",
                                                options: Self.noSchedule)
        #expect(comparison.json() == cli.out)
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func theLibrarysSweepIsTheCLIsJSONLinesFailingPointsIncluded() throws {
        let vary = ["plant.calendar.shiftsPerDay=1,2", "plant.stages[id=miller].units=1:2:3"]
        let cli = try execute(["sweep", "--vary", vary[0], "--vary", vary[1], "--no-schedule", "--format", "json"])
        #expect(cli.status == .invalidData, "a point with 1.5 units is invalid data")
        #expect(cli.err.hasPrefix("Error: invalid scenario (2 problems):\n  point 2 (plant.calendar.shiftsPerDay=1, plant.stages[id=miller].units=1.5): "))
        let sweep = try Sweep(document: ScenarioLoader.embeddedDocument(named: "senou-base"),
                              variations: vary.map { try Sweep.Variation(specification: $0) }, options: Self.noSchedule)
        let rows = sweep.run()
        #expect(rows.map { $0.error == nil } == [true, false, true, true, false, true])
        #expect(sweep.jsonLines(rows) == cli.out)

        let headline = try execute(["sweep", "--vary", vary[0], "--no-schedule", "--format", "json", "--metrics", "bottleneck,refinedGoldTonnes"])
        #expect(headline.status == .success)
        let one = try Sweep(document: ScenarioLoader.embeddedDocument(named: "senou-base"), variations: [Sweep.Variation(specification: vary[0])],
                            options: Self.noSchedule)
        #expect(one.jsonLines(one.run(jobs: 1), metrics: ["bottleneck", "refinedGoldTonnes"]) == headline.out)
    }
}
