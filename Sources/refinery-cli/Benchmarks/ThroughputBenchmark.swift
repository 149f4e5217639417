import Foundation
import RefineryModel

/// Times the throughput model on a year of 10⁵ lots, and loading a 10⁶-lot scenario file.
struct ThroughputBenchmark {
    var runs: Int
    var lots: Int
    var fileLots: Int

    /// The base plant for one year, fed by one source whose lots are small enough to make `lots` lots.
    static func scenario(lots: Int) -> Scenario {
        var scenario = Scenario.senouBase
        scenario.name = "bench-\(lots)-lots"
        scenario.horizon = Horizon(firstYear: 2027, years: 1)
        let goldTonnes = 100.0
        let assay = Assay(gold: 0.88, silver: 0.08)
        scenario.intake = Intake(sources: [IntakeSource(
            id: "many", name: "many small lots", kind: .dore, goldTonnesPerYear: [goldTonnes], assay: assay,
            lotGrossMassKg: goldTonnes * 1000 / assay.gold / Double(lots))])
        return scenario
    }

    func run(console: Console) throws {
        let clock = ContinuousClock()
        console.out("Throughput benchmark: medians of \(runs) runs, release build recommended\n\n")
        var rows: [[String]] = []

        let scenario = Self.scenario(lots: lots)
        var times: [Double] = []
        var report: ThroughputReport?
        for _ in 0..<runs {
            times.append(try clock.measure { report = try ThroughputModel(scenario: scenario).evaluate() }.milliseconds)
            console.error(".")
        }
        rows.append(["evaluate: one year, \(report!.years[0].intake.lots) generated lots", BenchmarkStatistics.format(BenchmarkStatistics.median(times))])

        // A scenario file with `fileLots` explicit lots.
        let text = try Self.largeScenarioText(lots: fileLots)
        let data = Data(text.utf8)
        var parse: [Double] = [], load: [Double] = [], evaluate: [Double] = []
        for _ in 0..<runs {
            parse.append(try clock.measure { _ = try JSONParser.parse(Array(data)) }.milliseconds)
            var loaded: Scenario?
            load.append(try clock.measure { loaded = try ScenarioLoader.load(data: data) }.milliseconds)
            evaluate.append(try clock.measure { _ = try ThroughputModel(scenario: loaded!).evaluate() }.milliseconds)
            console.error(".")
        }
        let megabytes = Double(data.count) / 1_048_576
        rows.append(["parse: \(fileLots) explicit lots, \(String(format: "%.0f", megabytes)) MB of JSON", BenchmarkStatistics.format(BenchmarkStatistics.median(parse))])
        rows.append(["load: parse + schema check + decode + validate", BenchmarkStatistics.format(BenchmarkStatistics.median(load))])
        rows.append(["evaluate: \(fileLots) explicit lots", BenchmarkStatistics.format(BenchmarkStatistics.median(evaluate))])
        console.error("\n")
        console.out(TextTable.render(header: ["case", "ms"], rows: rows))
    }

    /// The base scenario with `lots` explicit lots over its first year.
    static func largeScenarioText(lots: Int) throws -> String {
        var scenario = Scenario.senouBase
        scenario.intake.sources = [scenario.intake.sources[0]]
        scenario.intake.sources[0].supply = nil
        let text = String(decoding: try JSONEncoder().encode(scenario), as: UTF8.self)
        var lotsText = "\"lots\":["
        lotsText.reserveCapacity(lots * 130)
        for i in 0..<lots {
            let day = 1 + i % 28
            let month = 1 + (i / 28) % 12
            if i > 0 { lotsText += "," }
            lotsText += "{\"id\":\"L\(i)\",\"source\":\"mali-industrial\",\"kind\":\"dore\",\"arrival\":\"2027-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\",\"grossMassKg\":20,\"assay\":{\"gold\":0.88,\"silver\":0.08}}"
        }
        lotsText += "]"
        // The encoded intake has an empty lots array: fill it.
        return text.replacingOccurrences(of: "\"lots\":[]", with: lotsText)
    }

}
