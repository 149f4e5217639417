import Foundation
import Testing
@testable import refinery_cli

/// `refinery-cli schedule`: the exit statuses and output formats.
@Suite struct ScheduleCommandTests {
    @Test func detailedScheduleAsCSVAndJSON() throws {
        let csv = runCLI(["schedule", "--year", "2030", "--days", "3", "--format", "csv"])
        #expect(csv.status == .success)
        #expect(csv.out.hasPrefix("batch_line,stage,task,start_time,end_time,release_time,start_period,end_period,release_period,batches,amount,amount_unit,gold_kg,lots_in_line,lot_id\n"))
        #expect(csv.out.split(separator: "\n").count > 10)
        let json = runCLI(["schedule", "--year", "2030", "--days", "3", "--format", "json"])
        #expect(json.status == .success)
        let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(report?["violations"] as? [Any] != nil && (report?["violations"] as? [Any])?.isEmpty == true)
        #expect(report?["status"] as? String == "optimal" || report?["status"] as? String == "feasible")
    }

    @Test func unmeetableDueDatesExit2WithAnExplanation() {
        let run = runCLI(["schedule", "--year", "2030", "--days", "4", "--turnaround-target", "1", "--time-limit", "3"])
        #expect(run.status == refinery_cli.ExitStatus.noSolution)
        #expect(run.out.contains("No schedule meets every due date"))
        #expect(run.out.contains("mali-artisanal-2030-1"))
    }

    @Test func badOptionsExit64NamingTheOption() {
        let run = runCLI(["schedule", "--days", "40"])
        #expect(run.status == .usage)
        #expect(run.err.contains("'--days'"))
        #expect(runCLI(["schedule", "--goal", "fastest"]).status == .usage)
    }
}
