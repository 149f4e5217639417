import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// Progress goes to standard error on a terminal only (a pseudo-terminal from script(1) here),
/// and nothing at all is written with a pipe.
@Suite(.enabled(if: Subprocess.binary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                "the refinery-cli binary is not built, or script(1) is missing"))
struct ProgressTests {
    /// Runs the binary with its standard streams on a pseudo-terminal; returns what the terminal showed.
    func onTerminal(_ arguments: [String]) throws -> Subprocess.Outcome {
        let command = ([Subprocess.binary!] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try Subprocess.run(["/usr/bin/script", "-qec", command, "/dev/null"])
    }

    @Test func sweepShowsPointsAndTheTimeLeftOnATerminal() throws {
        let arguments = ["sweep", "--vary", "plant.calendar.shiftsPerDay=1,2,3", "--jobs", "1", "--format", "csv", "-o", "/dev/null"]
        let terminal = try onTerminal(arguments)
        #expect(terminal.status == 0)
        #expect(terminal.out.contains("sweep: 1/3 points, ") && terminal.out.contains(" left") && terminal.out.contains("sweep: 3/3 points"))
        #expect(terminal.out.contains("\r\u{1B}[KWrote /dev/null"), "the line is erased before the next message")
        let piped = try Subprocess.cli(arguments)
        #expect(piped.status == 0 && piped.err == "Wrote /dev/null\n")
    }

    @Test func monteCarloCompareAndCampaignShowProgressOnATerminalOnly() throws {
        let value = ["value", "--draws", "3000", "-o", "/dev/null"]
        let valueTerminal = try onTerminal(value)
        #expect(valueTerminal.status == 0 && valueTerminal.out.contains("value: Monte Carlo: ") && valueTerminal.out.contains("/3000 draws"))
        #expect(try Subprocess.cli(value).err == "Wrote /dev/null\n")

        let compare = ["compare", "senou-base", "stress-300t", "--time-limit", "1", "-o", "/dev/null"]
        let compareTerminal = try onTerminal(compare)
        #expect(compareTerminal.out.contains("compare: running A (1 of 2): ") && compareTerminal.out.contains("compare: running B (2 of 2): "))
        let comparePiped = try Subprocess.cli(compare)
        #expect(!comparePiped.err.contains("compare:") && !comparePiped.err.contains("\u{1B}"))

        let run = ["run", "stress-300t", "--time-limit", "1.5", "-o", "/dev/null"]
        let runTerminal = try onTerminal(run)
        #expect(runTerminal.out.contains("run: the campaign schedule (time limit 1.5 s): "))
        let runPiped = try Subprocess.cli(run)
        #expect(!runPiped.err.contains("run:") && !runPiped.err.contains("\u{1B}"))

        let schedule = ["schedule", "--year", "2030", "--intake", "300", "--days", "14", "--period-hours", "0.25", "--time-limit", "1", "-o", "/dev/null"]
        #expect(try onTerminal(schedule).out.contains("schedule: solving (time limit 1.0 s): "))
        #expect(try Subprocess.cli(schedule).err == "Wrote /dev/null\n")
    }

    /// The library reports the Monte Carlo's progress through a callback and prints nothing;
    /// the results are the same with or without it.
    @Test func theLibraryReportsThroughACallback() throws {
        let model = try ValuationRun.model(Scenario.senouBase)
        let counts = Counts()
        let watched = MonteCarlo(model: model, draws: 2000, seed: 7, workers: 3) { done, total in counts.record(done, total) }
        #expect(watched == MonteCarlo(model: model, draws: 2000, seed: 7, workers: 3))
        let seen = counts.all
        #expect(seen.count >= 50 && seen.allSatisfy { $0.total == 2000 && $0.done <= 2000 })
        #expect(seen.map(\.done).max()! >= 1900)
    }

    @Test func theEstimateCountsFromTheFirstItem() {
        let counts = ProgressLine.Counts(done: 4, total: 10, at: 5, first: (done: 1, at: 2))
        // 1 s per item between the first count and the last, 6 items left, 0.5 s since the last count.
        #expect(ProgressLine.describe(label: "sweep", unit: "points", counts: counts, elapsed: 5.5) == "sweep: 4/10 points, 5.5 s, about 5.5 s left")
        #expect(ProgressLine.describe(label: "run", counts: nil, elapsed: 12.4) == "run: 12 s")
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [(done: Int, total: Int)] = []
        func record(_ done: Int, _ total: Int) { lock.withLock { values.append((done, total)) } }
        var all: [(done: Int, total: Int)] { lock.withLock { values } }
    }
}
