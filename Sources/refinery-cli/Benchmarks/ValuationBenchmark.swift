import Foundation
import RefineryModel

/// Times one valuation of the default scenario and a 10,000-draw Monte Carlo.
struct ValuationBenchmark {
    var runs: Int
    var draws: Int

    func run(console: Console) throws {
        let clock = ContinuousClock()
        let scenario = Scenario.senouBase
        console.out("Valuation benchmark (\(scenario.name)): medians of \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores, release build recommended\n\n")
        var model: CashFlowModel?
        var prepare: [Double] = [], full: [Double] = [], core: [Double] = [], figures: [Double] = [], monteCarlo: [Double] = []
        let repeats = 200
        for _ in 0..<runs {
            prepare.append(try clock.measure { model = try CashFlowModel(scenario: scenario) }.milliseconds)
            let model = model!
            // Short calls are repeated so the clock's resolution does not matter.
            full.append(clock.measure { for _ in 0..<repeats { _ = model.valuation() } }.milliseconds / Double(repeats))
            core.append(clock.measure { for _ in 0..<repeats { _ = model.valuation(breakEvens: false) } }.milliseconds / Double(repeats))
            figures.append(clock.measure { for _ in 0..<repeats { _ = model.sensitivityFigures() } }.milliseconds / Double(repeats))
            monteCarlo.append(clock.measure { _ = MonteCarlo(model: model, draws: draws, seed: 1) }.milliseconds)
            console.error(".")
        }
        console.error("\n")
        let rows: [[String]] = [
            ["prepare: throughput model + volumes (once per scenario)", BenchmarkStatistics.format(BenchmarkStatistics.median(prepare))],
            ["one full valuation: cash flows, NPV, IRRs, paybacks, holders, value added, both break-evens", BenchmarkStatistics.format(BenchmarkStatistics.median(full))],
            ["one valuation without the break-even searches", String(format: "%.3f", BenchmarkStatistics.median(core))],
            ["one Monte Carlo draw's figures (NPV, capture, state net cash NPV, take, net gain to Mali)", String(format: "%.4f", BenchmarkStatistics.median(figures))],
            ["Monte Carlo: \(draws) draws on every core", BenchmarkStatistics.format(BenchmarkStatistics.median(monteCarlo))],
        ]
        console.out(TextTable.render(header: ["case", "ms"], rows: rows))
    }
}
