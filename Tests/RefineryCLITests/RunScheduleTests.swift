import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// `run` includes the campaign schedule of the peak year: its report sections, key results,
/// determinism and exit statuses.
@Suite struct RunScheduleTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// A scenario with one lot due the day after it arrives: the 2-day assay wait alone makes
    /// that impossible.
    static let rushArguments = [
        "--set", "intake.sources=[]",
        "--set", #"intake.lots=[{"id":"rush","kind":"dore","arrival":"2030-06-02","due":"2030-06-03","grossMassKg":20,"assay":{"gold":0.9,"silver":0.05}}]"#,
    ]

    @Test func theDefaultRunSchedulesItsPeakYear() throws {
        let run = runCLI(["run", "--format", "json"])
        #expect(run.status == .success && run.err.isEmpty)
        let report = try object(run.out)
        let schedule = try #require(report["schedule"] as? [String: Any])
        let solver = try #require(report["solver"] as? [String: Any])
        #expect((report["notes"] as? [Any])?.isEmpty == true)

        // The year of peak intake, as the throughput model and the key results see it.
        let years = try #require((report["throughput"] as? [String: Any])?["years"] as? [[String: Any]])
        let intakes = years.map { (($0["intake"] as? [String: Any]).flatMap { number($0["goldKg"]) } ?? 0, $0["year"] as? Int ?? 0) }
        let peak = try #require(intakes.max { $0.0 < $1.0 })
        #expect(schedule["year"] as? Int == intakes.first { $0.0 == peak.0 }?.1)

        // The schedule was checked and its figures agree with each other.
        #expect((schedule["violations"] as? [Any])?.isEmpty == true)
        let summary = try #require(schedule["summary"] as? [String: Any])
        let months = try #require(schedule["months"] as? [[String: Any]])
        #expect(months.count == 12)
        let refined = try #require(number(summary["refinedGoldKg"]))
        #expect(abs(months.compactMap { number($0["refinedGoldKg"]) }.reduce(0, +) - refined) < 1e-6 * refined)
        let intake = try #require(number(summary["intakeGoldKg"]))
        #expect(refined <= intake)
        let balance = try #require(schedule["goldBalance"] as? [String: Any])
        let residual = try #require(number(balance["residualKg"]))
        #expect(abs(residual) < 1e-6)
        #expect(schedule["batches"] == nil && schedule["lots"] == nil, "batches and lots only when asked for")

        // What the solver proved: within the gap it was asked for, by the interior-point bound.
        #expect(solver["method"] as? String == "interiorPointCertificate")
        #expect(solver["status"] as? String == "feasible")
        let gap = try #require(number(solver["gap"])), target = try #require(number(solver["gapTarget"]))
        #expect(gap >= 0 && gap <= target)
        let objective = try #require(number(solver["objective"])), bound = try #require(number(solver["bestBound"]))
        #expect(bound >= objective && abs((bound - objective) / objective - gap) < 1e-9)
        #expect(solver["solveSeconds"] == nil, "times only with --timings")
    }

    @Test func reportsAreByteIdenticalUnlessTimingsAreAsked() throws {
        let first = runCLI(["run", "--format", "json"]).out
        #expect(runCLI(["run", "--format", "json"]).out == first)
        let timed = try object(runCLI(["run", "--format", "json", "--timings"]).out)
        let solver = try #require(timed["solver"] as? [String: Any])
        #expect(number(solver["solveSeconds"]).map { $0 > 0 } == true && number(solver["buildSeconds"]) != nil)
    }

    @Test func batchesAndLotsOnRequest() throws {
        let report = try object(runCLI(["run", "--format", "json", "--include-batches", "--include-lots"]).out)
        let schedule = try #require(report["schedule"] as? [String: Any])
        let batches = try #require(schedule["batches"] as? [[String: Any]])
        let lots = try #require(schedule["lots"] as? [[String: Any]])
        let summary = try #require(schedule["summary"] as? [String: Any])
        #expect(lots.count == summary["lotsReceived"] as? Int)
        #expect(batches.count > lots.count, "every lot is received, melted and sampled")
    }

    @Test func noScheduleSkipsItAndSaysSo() throws {
        let run = runCLI(["run", "--format", "json", "--no-schedule"])
        #expect(run.status == .success)
        let report = try object(run.out)
        #expect(report["schedule"] == nil && report["solver"] == nil)
        #expect(report["notes"] as? [String] == ["campaign schedule skipped: not requested (--no-schedule)"])
        let csv = runCLI(["run", "--format", "csv", "--no-schedule"]).out
        #expect(csv.contains("\nscheduleYear,year,\n"))
        #expect(runCLI(["run", "--format", "csv"]).out.contains("\nscheduleYear,year,2030\n"))
        #expect(runCLI(["run", "--no-schedule"]).out.contains("\nCampaign schedule skipped: not requested (--no-schedule)\n"))
    }

    @Test func anInfeasibleCampaignExits2AndStillReports() throws {
        let run = runCLI(["run", "--format", "json"] + Self.rushArguments)
        #expect(run.status == .noSolution)
        #expect(run.err == "Error: no campaign schedule meets every due date (the report explains which lots block)\n")
        let report = try object(run.out)
        let schedule = try #require(report["schedule"] as? [String: Any])
        #expect(schedule["status"] as? String == "infeasible")
        let misses = try #require((schedule["explanation"] as? [String: Any])?["misses"] as? [[String: Any]])
        #expect(misses.first?["label"] as? String == "rush")
        #expect((report["solver"] as? [String: Any])?["status"] as? String == "infeasible")
        let text = runCLI(["run"] + Self.rushArguments)
        #expect(text.status == .noSolution && text.out.contains("No schedule meets every due date"))
    }

    /// A sweep's exit status says the worst of its points: 65 when one is invalid data, else 2
    /// when a campaign has no schedule; every point still has its row.
    @Test func aSweepExitsWithItsWorstPoint() throws {
        let invalid = runCLI(["sweep", "--vary", "intake.lots[0].grossMassKg=20,-1", "--metrics", "scheduleLotsLate", "--format", "csv"] + Self.rushArguments)
        #expect(invalid.status == .invalidData)
        // The message holds a comma, so its CSV cell is quoted.
        #expect(invalid.out.hasPrefix("intake.lots[0].grossMassKg,scheduleLotsLate,error\n20,1,\n-1,,\"invalid scenario: intake.lots[0].grossMassKg: -1 "))
        #expect(invalid.err.hasPrefix("Error: invalid scenario (1 problem):\n  point 2 (intake.lots[0].grossMassKg=-1): intake.lots[0].grossMassKg: -1 "))
        let late = runCLI(["sweep", "--vary", "intake.lots[0].grossMassKg=20,30", "--metrics", "scheduleLotsLate", "--format", "csv"] + Self.rushArguments)
        #expect(late.status == .noSolution && late.err.isEmpty)
        #expect(late.out == "intake.lots[0].grossMassKg,scheduleLotsLate\n20,1\n30,1\n")
    }

    @Test func compareAndSweepCarryTheScheduleMetrics() throws {
        let compare = try object(runCLI(["compare", "senou-base", "--set-b", "plant.calendar.shiftsPerDay=3", "--format", "json"]).out)
        let metrics = try #require(compare["metrics"] as? [[String: Any]])
        let year = try #require(metrics.first { $0["id"] as? String == "scheduleYear" })
        #expect(number(year["a"]) == 2030 && number(year["delta"]) == 0)
        let sweep = runCLI(["sweep", "--vary", "plant.calendar.shiftsPerDay=2,3", "--format", "csv", "--metrics", "scheduleYear,scheduleGapPercent"])
        #expect(sweep.status == .success)
        let rows = sweep.out.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 2 && rows.allSatisfy { $0[1] == "2030" && Double($0[2]).map { $0 <= 1 } == true })
    }
}

extension ExecutableTests {
    /// Exit status 2 through the binary: the report is written (atomically) and says why.
    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func runExits2WhenTheCampaignIsInfeasible() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rush-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try execute(["run", "--format", "json", "--output", path] + RunScheduleTests.rushArguments)
        #expect(run.status == .noSolution && run.out.isEmpty)
        #expect(run.err == "Wrote \(path)\nError: no campaign schedule meets every due date (the report explains which lots block)\n")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains(#""status" : "infeasible""#))
    }
}

extension ExecutableTests {
    /// Two processes, two hash seeds: a dictionary iterated in hash order anywhere on the way
    /// (say, a task's inputs while the model is built) would change the last digits.
    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func reportsAreByteIdenticalAcrossProcesses() throws {
        let first = try execute(["run", "--format", "json"])
        let second = try execute(["run", "--format", "json"])
        #expect(first.status == .success && !first.out.isEmpty)
        #expect(first.out == second.out)
    }
}
