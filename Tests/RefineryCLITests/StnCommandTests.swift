import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// `refinery-cli stn FILE`: the Kondili optima through the command line, its three formats
/// and its exit statuses.
@Suite struct StnCommandTests {
    static func file(_ name: String) -> String { Paths.root.appendingPathComponent("data/stn/\(name).json").path }

    @Test(arguments: [("kondili", 2744.375), ("kondili-no-bc-storage", 2210.625)])
    func jsonReportHasTheOptimumAndAValidCheck(name: String, expected: Double) throws {
        let run = runCLI(["stn", Self.file(name), "--format", "json"])
        #expect(run.status == .success, "\(run.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "optimal")
        #expect(abs((report["objective"] as? Double ?? 0) - expected) <= 1e-6 * expected)
        let check = try #require(report["check"] as? [String: Any])
        #expect(check["valid"] as? Bool == true)
        #expect(abs((check["objective"] as? Double ?? 0) - expected) <= 1e-6 * expected)
        #expect(report["solveSeconds"] == nil)
    }

    @Test func textHasTheGanttAndTheEndingAndCSVOneRowPerBatch() {
        let text = runCLI(["stn", Self.file("kondili")])
        #expect(text.status == .success)
        #expect(text.out.contains("objective 2744.375 USD"))
        #expect(text.out.contains("Ended: the solve ended with the schedule proven optimal."))
        #expect(text.out.contains("Check: valid; objective recomputed from the batches 2744.375 USD"))
        #expect(text.out.contains("Still     |"))
        let csv = runCLI(["stn", Self.file("kondili"), "--format", "csv"])
        #expect(csv.status == .success)
        let lines = csv.out.split(separator: "\n")
        #expect(lines.first == "task,unit,count,start_hours,end_hours,amount,measure,cost")
        let json = runCLI(["stn", Self.file("kondili"), "--format", "json"])
        let report = try? JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(lines.count - 1 == (report?["batches"] as? [Any])?.count)
    }

    @Test func invalidFileExits65WithThePath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stn-invalid-\(getpid()).json").path
        try #"{"schemaVersion": 1, "name": "x", "grid": {"horizonHours": 4, "periodHours": 1}, "states": [{"name": "a"}], "units": [{"name": "u"}], "tasks": [{"name": "t", "inputs": [], "outputs": [{"state": "b", "fraction": 1}], "units": [{"unit": "u", "maxBatch": 1, "processingHours": 1}]}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = runCLI(["stn", path])
        #expect(run.status == .invalidData)
        #expect(run.err.contains("tasks[0].outputs[0].state"))
        #expect(runCLI(["stn", "/nonexistent/stn.json"]).status == .noInput)
    }

    /// `--horizon` re-grids the file (a longer model), `--export-model` writes the MILP that is
    /// solved (what scripts/bench-stn-solvers hands CBC and HiGHS), and the option overrides
    /// are checked.
    @Test func horizonExportAndOptionOverrides() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stn-export-\(getpid()).lp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ten = runCLI(["stn", Self.file("kondili"), "--format", "json"])
        let twelve = runCLI(["stn", Self.file("kondili"), "--format", "json", "--horizon", "12", "--export-model", path,
                             "--cuts", "clique,cover", "--branching", "driebeckTomlin", "--start", "greedy"])
        #expect(twelve.status == .success, "\(twelve.err)")
        func report(_ out: String) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]) }
        let short = try report(ten.out), long = try report(twelve.out)
        #expect(long["horizonHours"] as? Double == 12)
        #expect(long["status"] as? String == "optimal")
        let variables = { (r: [String: Any]) in (r["model"] as? [String: Any])?["variables"] as? Int ?? 0 }
        #expect(variables(long) > variables(short))
        let model = try String(contentsOfFile: path, encoding: .utf8)
        #expect(model.contains("Maximize"))
        #expect(model.contains("W_4_3_9_2")) // a separation batch at 9 h fits 12 h, not 10 h
        #expect(runCLI(["stn", Self.file("kondili"), "--cuts", "lots"]).status == .usage)
        #expect(runCLI(["stn", Self.file("kondili"), "--start", "sometimes"]).status == .usage)
        #expect(runCLI(["stn", Self.file("kondili"), "--horizon", "10.5"]).status == .invalidData)
    }
}

/// Issue 15, item 5: the `schedule` text says what ended the solve.
@Suite struct SolveEndingTests {
    @Test func scheduleTextSaysTheTimeLimitEndedTheSolve() {
        let run = runCLI(["schedule", "--scenario", "stress-300t", "--horizon", "campaign", "--time-limit", "0.5"])
        #expect(run.out.split(separator: "\n").dropFirst(2).first?.hasPrefix("Ended: the solve ended at the time limit of 0.5 s") == true, "\(run.out.prefix(400))")
    }

    @Test func sentences() {
        #expect(SolveEnding.sentence(status: .optimal, termination: .completed, gap: 0, requestedGap: 0, timeLimit: 30) == "the solve ended with the schedule proven optimal")
        #expect(SolveEnding.sentence(status: .feasible, termination: .gapLimit, gap: 0.004, requestedGap: 0.01, timeLimit: 30)
            == "the solve ended within the requested gap of 1.00% (0.40% reached)")
        #expect(SolveEnding.sentence(status: .feasible, termination: .timeLimit, gap: 0.065, requestedGap: 0.005, timeLimit: 10)
            == "the solve ended at the time limit of 10 s, 6.50% from the bound")
        #expect(SolveEnding.sentence(status: .noSolution, termination: .timeLimit, gap: nil, requestedGap: nil, timeLimit: 2)
            == "the solve ended at the time limit of 2.0 s before any schedule was found")
        // With the report's ending: the phase, the greedy start returned, cut rounds stopped, the bound's move.
        let lp = RefineryScheduleReport.Ending(phase: .lpRelaxation, startReturned: true, cutsStoppedForTime: false)
        #expect(SolveEnding.sentence(status: .feasible, termination: .timeLimit, gap: nil, requestedGap: 0.01, timeLimit: 10, ending: lp)
            == "the solve ended at the time limit of 10 s, while the simplex method solved the LP relaxation (before branch-and-cut), with no bound proven; the schedule is the greedy start, unimproved")
        let cuts = RefineryScheduleReport.Ending(phase: .branchAndCut, startReturned: false, cutsStoppedForTime: true, relaxationBound: 100)
        #expect(SolveEnding.sentence(status: .feasible, termination: .timeLimit, gap: 0.0126, requestedGap: 0.01, timeLimit: 10, ending: cuts, bound: 99)
            == "the solve ended at the time limit of 10 s, in branch-and-cut, 1.26% from the bound; GLPK's cut rounds were switched off before it, as one more would have run past it; the bound is 1.00% tighter than the LP relaxation's")
        let start = RefineryScheduleReport.Ending(phase: .start, startReturned: false, cutsStoppedForTime: false)
        #expect(SolveEnding.sentence(status: .noSolution, termination: .timeLimit, gap: nil, requestedGap: nil, timeLimit: 0.5, ending: start)
            == "the solve ended at the time limit of 0.5 s, while the greedy start was being built, before any schedule was found")
    }
}
