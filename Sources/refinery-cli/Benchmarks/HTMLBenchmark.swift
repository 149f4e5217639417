import Foundation
import RefineryModel

/// Times what `--format html` adds to a run of the default scenario: the page drawn from the
/// run's report (English and French) against the JSON report of the same run, in one process.
struct HTMLBenchmark {
    var runs: Int

    func run(console: Console) throws {
        let clock = ContinuousClock()
        console.out("HTML report benchmark (senou-base, campaign schedule on): medians of \(runs) runs, release build recommended\n\n")
        let start = clock.now
        let run = try ScenarioRun.perform(Scenario.senouBase)
        let runTime = (clock.now - start).milliseconds
        var json: [Double] = [], english: [Double] = [], french: [Double] = []
        var sizes: [Int] = [0, 0, 0]
        for _ in 0..<runs {
            json.append(try clock.measure { sizes[0] = try RunReport(run: run).json().utf8.count }.milliseconds)
            english.append(clock.measure { sizes[1] = RunReport(run: run, includeLots: true).page(in: .en).html.utf8.count }.milliseconds)
            french.append(clock.measure { sizes[2] = RunReport(run: run, includeLots: true).page(in: .fr).html.utf8.count }.milliseconds)
            console.error(".")
        }
        console.error("\n")
        let base = BenchmarkStatistics.median(json)
        let rows: [[String]] = [
            ["the run itself (throughput, campaign schedule, valuation), once", BenchmarkStatistics.format(runTime), "", ""],
            ["--format json: the report encoded", BenchmarkStatistics.format(base), "1.00", Formatting.number(Double(sizes[0]))],
            ["--format html: the page drawn (en)", BenchmarkStatistics.format(BenchmarkStatistics.median(english)),
             String(format: "%.2f", BenchmarkStatistics.median(english) / base), Formatting.number(Double(sizes[1]))],
            ["--format html --lang fr: the page drawn", BenchmarkStatistics.format(BenchmarkStatistics.median(french)),
             String(format: "%.2f", BenchmarkStatistics.median(french) / base), Formatting.number(Double(sizes[2]))],
        ]
        console.out(TextTable.render(header: ["case", "ms", "× json", "bytes"], rows: rows, alignments: [.left, .right, .right, .right]))
    }
}
