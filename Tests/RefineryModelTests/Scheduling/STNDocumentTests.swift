import Foundation
import Testing
@testable import RefineryModel

/// State-Task Networks read from files (issue 15, item 2): the Kondili examples of data/stn/
/// reproduce their optima through the loader, bad files name their JSON paths, and the
/// independent checker rejects tampered schedules.
@Suite struct STNDocumentTests {
    static func load(_ name: String) throws -> STNDocument {
        try STNDocumentLoader.load(contentsOf: DataFiles.data.appendingPathComponent("stn/\(name).json"))
    }

    /// Published optima (Kondili et al. 1993, p. 224; exact values from four public codes, see
    /// docs/research/kondili-stn-example.md) and, for the variable-time variant, the value
    /// computed here and cross-checked with glpsol on an independent GMPL model (2130.750375).
    @Test(arguments: [("kondili", 2744.375), ("kondili-no-bc-storage", 2210.625), ("kondili-variable-time", 2130.750375375375)])
    func reproducesTheOptimumFromTheFile(name: String, expected: Double) throws {
        let run = try STNRun.solve(try Self.load(name))
        #expect(run.result.status == .optimal)
        #expect(approximately(try #require(run.report.objective), expected, relative: 1e-7))
        let check = try #require(run.report.check)
        #expect(check.valid, "\(check.violations)")
        #expect(approximately(check.objective, expected, relative: 1e-7))
        #expect(!run.report.batches.contains { $0.amount <= 0 })
    }

    /// Every batch of the variable-time optimum lasts ⌈α + β·B⌉ periods, the time its size needs.
    @Test func variableTimesFollowTheBatchSize() throws {
        let run = try STNRun.solve(try Self.load("kondili-variable-time"))
        let network = run.network
        for batch in try #require(run.result.schedule).batches {
            let task = try #require(network.tasks.first { $0.name == batch.task })
            #expect(batch.duration == task.requiredDuration(on: batch.unit, amount: batch.amount / Double(batch.count)))
        }
        // Heating on the heater: 0.667 + 0.00667·B h, so 1 h up to 49.9 kg and 2 h above.
        let heating = try #require(network.tasks.first { $0.name == "Heating" })
        #expect(heating.requiredDuration(on: "Heater", amount: 49) == 1)
        #expect(heating.requiredDuration(on: "Heater", amount: 51) == 2)
    }

    @Test func checkerRejectsATamperedSchedule() throws {
        let run = try STNRun.solve(try Self.load("kondili-variable-time"))
        let checker = ScheduleChecker(network: run.network)
        let schedule = try #require(run.result.schedule)
        #expect(checker.check(schedule).isValid)
        // A batch that holds its unit for less time than its size needs.
        var shortened = schedule
        let long = try #require(shortened.batches.firstIndex { ($0.duration ?? 0) >= 2 })
        shortened.batches[long].duration! -= 1
        #expect(checker.check(shortened).violations.contains { $0.kind == .processingTime })
        // A batch above the task's limit on its unit.
        var oversized = schedule
        let reactor2 = try #require(oversized.batches.firstIndex { $0.unit == "Reactor 2" })
        oversized.batches[reactor2].amount = 60
        oversized.batches[reactor2].duration = 10
        #expect(checker.check(oversized).violations.contains { $0.kind == .batchSize })
    }

    /// Fixed and per-kg batch costs enter the objective, and an exact final demand is met
    /// exactly even when making more would pay.
    @Test func costsAndExactDemands() throws {
        let json = """
        {"schemaVersion": 1, "name": "costs", "grid": {"horizonHours": 4, "periodHours": 1},
         "states": [{"name": "feed", "initialStock": 100}, {"name": "product", "price": 3, "demands": [{"timeHours": 4, "amount": 30, "exact": true}]}],
         "units": [{"name": "reactor"}],
         "tasks": [{"name": "react", "inputs": [{"state": "feed", "fraction": 1}], "outputs": [{"state": "product", "fraction": 1}],
                    "units": [{"unit": "reactor", "maxBatch": 20, "processingHours": 1, "fixedCost": 5, "variableCost": 0.5}]}]}
        """
        let run = try STNRun.solve(try STNDocumentLoader.load(data: Data(json.utf8)))
        #expect(run.result.status == .optimal)
        // 30 kg in two batches: 3·30 − 2·5 − 0.5·30 = 65.
        #expect(approximately(try #require(run.report.objective), 65, relative: 1e-9))
        #expect(approximately(try #require(run.report.check).objective, 65, relative: 1e-9))
        #expect(approximately(run.report.finalStock[1].amount, 30, relative: 1e-9))
        // The checker refuses more than the exact amount.
        var more = try #require(run.result.schedule)
        more.batches.append(STNSchedule.Batch(task: "react", unit: "reactor", start: 3, count: 1, amount: 5, duration: 1))
        #expect(ScheduleChecker(network: run.network).check(more).violations.contains { $0.kind == .milestoneMissed || $0.kind == .occupancy })
    }

    @Test(arguments: [
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a", "colour": 1}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "a", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#, "states[0].colour"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a"}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "b", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#, "tasks[0].outputs[0].state"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4.5, "periodHours": 1}, "states": [{"name": "a"}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "a", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#, "grid.horizonHours"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a"}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "a", "fraction": 1}], "units": [{"unit": "v", "maxBatch": 1, "processingHours": 1}]}]}"#, "tasks[0].units[0].unit"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a"}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "a", "fraction": 1}], "units": [{"unit": "u", "minBatch": 5, "maxBatch": 1, "processingHours": 1}]}]}"#, "tasks[0].units[0].minBatch"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a"}, {"name": "b"}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [{"state": "a", "fraction": 0.5}], "outputs": [{"state": "b", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#, "tasks[0].inputs"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a", "demands": [{"timeHours": 9, "amount": 1}]}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "a", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#, "states[0].demands[0].timeHours"),
        (#"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a"}], "units": [{"name": "u", "count": "two"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "a", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#, "units[0].count"),
    ])
    func loaderNamesTheJSONPath(json: String, path: String) {
        do {
            _ = try STNDocumentLoader.load(data: Data(json.utf8))
            Issue.record("accepted an invalid network; expected a problem at \(path)")
        } catch {
            #expect(error.problems.contains { $0.path == path }, "\(error.problems)")
        }
    }

    /// Issue 15, item 5: the time limit bounds the whole solve. Kondili at 20 h is not proven
    /// in 120 s, so a 1 s limit ends it at the limit, with the best schedule found so far.
    @Test func timeLimitEndsTheSolve() throws {
        var document = try Self.load("kondili")
        document.grid.horizonHours = 20
        var options = STNRun.defaultOptions
        options.timeLimit = 1
        let start = ContinuousClock.now
        let run = try STNRun.solve(document, options: options)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        #expect(run.report.termination == .timeLimit)
        if let check = run.report.check { #expect(check.valid, "\(check.violations)") }
    }

    @Test func embeddedSchemaMatchesTheFileAndTheExamplesFollowIt() throws {
        let text = try String(contentsOf: DataFiles.data.appendingPathComponent("schema/stn.schema.json"), encoding: .utf8)
        #expect(JSONSchemas.stnText == text, "run scripts/embed-data after editing data/")
        for url in DataFiles.files(in: "stn") {
            let document = try JSONParser.parse(Array(try Data(contentsOf: url)))
            #expect(SchemaValidator(schema: JSONSchemas.stn).problems(in: document).isEmpty, "\(url.lastPathComponent)")
        }
    }
}
