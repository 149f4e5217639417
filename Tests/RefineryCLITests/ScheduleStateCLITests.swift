import Foundation
import Testing
@testable import refinery_cli

/// `refinery-cli schedule --state FILE` and `--replan-from HOUR --previous REPORT.json`.
@Suite struct ScheduleStateCLITests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aWeekFromTheMidWeekState() throws {
        let run = runCLI(["schedule", "--state", Paths.data("states/mid-week.json"), "--format", "json"])
        #expect(run.status == .success, "\(run.err)")
        let report = try object(run.out)
        #expect((report["violations"] as? [Any])?.isEmpty == true)
        #expect(report["startDate"] as? String == "2027-01-04")
        let batches = try #require(report["batches"] as? [[String: Any]])
        #expect(batches.allSatisfy { ($0["start"] as? Int ?? -1) >= 60 })
        #expect((report["notes"] as? [String])?.contains { $0.contains("miller unit(s) held from hour 60 to 70: breakdown") } == true)
    }

    @Test func aBadStateFileNamesThePathInTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-state-\(UUID().uuidString).json")
        try Data(#"{"schemaVersion": 1, "hour": 10, "lotsInProcess": [{"id": "X", "kind": "dore", "stage": "refining", "grossKg": 5, "goldKg": 4, "startedAtHour": 9}]}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let run = runCLI(["schedule", "--state", url.path])
        #expect(run.status == .invalidData)
        #expect(run.err.contains("state.lotsInProcess[0].stage"), "\(run.err)")
        #expect(run.err.contains("\"refining\""))
    }

    @Test func replanningFromAnHourKeepsTheEarlierBatches() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("week-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let first = runCLI(["schedule", "--year", "2030", "--intake", "200", "--format", "json", "--output", url.path])
        #expect(first.status == .success, "\(first.err)")
        let previous = try object(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        let run = runCLI(["schedule", "--replan-from", "60", "--previous", url.path, "--format", "json"])
        #expect(run.status == .success, "\(run.err)")
        let report = try object(run.out)
        #expect((report["violations"] as? [Any])?.isEmpty == true)
        func early(_ report: [String: Any]) -> [String] {
            ((report["batches"] as? [[String: Any]]) ?? []).filter { ($0["start"] as? Int ?? 0) < 60 }.map { "\($0["task"]!)@\($0["start"]!)×\($0["count"]!)" }
        }
        #expect(!early(previous).isEmpty)
        #expect(early(report) == early(previous))
        #expect(runCLI(["schedule", "--replan-from", "60"]).status == .usage)
    }
}

extension ScheduleStateCLITests {
    @Test func theSchemaCommandPrintsThePlantStateSchema() {
        let run = runCLI(["schema", "plant-state"])
        #expect(run.status == .success)
        #expect(run.out.contains("\"$id\": \"https://refinery-model.example/schema/plant-state/1\""))
    }
}
