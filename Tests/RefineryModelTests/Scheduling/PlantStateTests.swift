import Foundation
import Testing
@testable import RefineryModel

/// Plant-state files: the example decodes, and each kind of mistake is named by its JSON path
/// in the file, with the value and what is allowed.
@Suite struct PlantStateTests {
    static let example = DataFiles.data.appendingPathComponent("states/mid-week.json")

    @Test func theExampleDecodesAndIsValid() throws {
        let state = try PlantStateLoader.load(contentsOf: Self.example)
        #expect(state.hour == 60)
        #expect(state.startDate == "2027-01-04")
        #expect(state.lotsInProcess.count == 4)
        #expect(state.units.map(\.reason) == [.maintenance, .breakdown])
        #expect(state.problems(for: .senouBase, windowHours: 168).isEmpty)
    }

    @Test func structuralMistakesNameTheirPath() throws {
        let text = #"{"schemaVersion": 1, "hour": "noon", "units": [{"stage": "miller", "until": 70, "reason": "strike"}]}"#
        #expect(throws: ScenarioError.self) { try PlantStateLoader.load(data: Data(text.utf8)) }
        do { _ = try PlantStateLoader.load(data: Data(text.utf8)) } catch {
            let paths = error.problems.map(\.path)
            #expect(paths.contains("hour"))
            #expect(paths.contains("units[0].reason"))
        }
    }

    @Test func meaningMistakesNameThePathTheValueAndWhatIsAllowed() {
        let state = PlantState(hour: 60, lotsInProcess: [
            .init(id: "A", kind: .dore, stage: "miller", grossKg: 10, goldKg: 9, startedAtHour: 58),
            .init(id: "B", kind: .dore, stage: "refining", grossKg: 10, goldKg: 12, startedAtHour: 58),
            .init(id: "C", kind: .dore, stage: "premelt", grossKg: 10, goldKg: 9, startedAtHour: 61),
        ], units: [.init(stage: "miller", count: 4, until: 50, reason: .breakdown)])
        let problems = state.problems(for: .senouBase, windowHours: 168)
        func problem(_ path: String) -> ScenarioProblem? { problems.first { $0.path == path } }
        #expect(problem("lotsInProcess[1].stage")?.value == "\"refining\"")
        #expect(problem("lotsInProcess[1].stage")?.message.contains("\"melt-sample\"") == true)
        #expect(problem("lotsInProcess[1].goldKg") != nil)
        #expect(problem("lotsInProcess[2].stage")?.message.contains("no route of dore") == true)
        #expect(problem("lotsInProcess[2].startedAtHour") != nil)
        #expect(problem("units[0].count")?.message.contains("1–1") == true)
        #expect(problem("units[0].until") != nil)
        #expect(problem("lotsInProcess[0].stage") == nil)
    }

    @Test func anUnknownStockIsRefusedListingTheStocksAllowed() throws {
        var state = try PlantStateLoader.load(contentsOf: Self.example)
        state.openingStock.append(.init(state: "assayed copper (kg gold)", kg: 5))
        let request = RefineryScheduleRequest.detailed(startDate: state.startDate)
        #expect {
            _ = try RefineryNetwork(scenario: .senouBase, request: request, state: state)
        } throws: { error in
            guard case let SchedulingError.invalidRequest(problems) = error, let first = problems.first else { return false }
            return first.path == "state.openingStock[2].state" && first.message.contains("\"after miller (kg gold)\"")
        }
    }
}
