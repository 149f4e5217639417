import Testing
@testable import RefineryModel

/// The tornado and the seeded Monte Carlo.
@Suite struct SensitivityTests {
    @Test func monteCarloIsReproducibleWhateverTheWorkerCount() {
        let model = EmbeddedModels.base
        let one = MonteCarlo(model: model, draws: 257, seed: 42, workers: 1)
        let two = MonteCarlo(model: model, draws: 257, seed: 42, workers: 2)
        let five = MonteCarlo(model: model, draws: 257, seed: 42, workers: 5)
        #expect(one == two)
        #expect(one == five)
        let other = MonteCarlo(model: model, draws: 257, seed: 43, workers: 2)
        #expect(other.npvs != one.npvs)
        // A prefix of the draws is the same draws: draw i depends on the seed and i only.
        let fewer = MonteCarlo(model: model, draws: 100, seed: 42, workers: 3)
        #expect(Array(one.npvs.prefix(100)) == fewer.npvs)
    }

    @Test func percentilesAreOrderedAndDrawsVary() {
        let result = MonteCarlo(model: EmbeddedModels.base, draws: 500, seed: 7)
        #expect(result.projectNPV.p10 <= result.projectNPV.p50 && result.projectNPV.p50 <= result.projectNPV.p90)
        #expect(result.nationalCapture.p10 < result.nationalCapture.p90)
        #expect((0...1).contains(result.probabilityNPVNegative))
        #expect(Percentiles([1, 2, 3, 4, 5]).p50 == 3)
        #expect(approximately(Percentiles([0, 10]).p10, 1))
    }

    @Test func drawsStayInTheirRangesWithTheRightMode() {
        var random = SplitMix64(seed: 1)
        let triangular = Uncertainty(input: .goldPrice, low: 0.5, high: 2, distribution: .triangular)
        let draws = (0..<20_000).map { _ in MonteCarlo.sample(triangular, base: 1, using: &random) }
        #expect(draws.allSatisfy { (0.5...2).contains($0) })
        // The mean of a triangular distribution is (a + b + c) / 3.
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 3.5 / 3) < 0.01)
        let uniform = Uncertainty(input: .goldPrice, low: 2, high: 4, distribution: .uniform)
        let uniformMean = (0..<20_000).map { _ in MonteCarlo.sample(uniform, base: 3, using: &random) }.reduce(0, +) / 20_000
        #expect(abs(uniformMean - 3) < 0.02)
    }

    @Test func tornadoIsSortedAndAnchoredOnTheBase() {
        let model = EmbeddedModels.base
        let tornado = Tornado(model: model)
        #expect(tornado.byNPV.count == model.economics.uncertainties.count)
        #expect(zip(tornado.byNPV, tornado.byNPV.dropFirst()).allSatisfy { $0.npvSwingUsd >= $1.npvSwingUsd })
        #expect(zip(tornado.byCapture, tornado.byCapture.dropFirst()).allSatisfy { $0.captureSwingUsd >= $1.captureSwingUsd })
        #expect(tornado.baseNPVUsd == model.valuation(breakEvens: false).summary.projectNPVUsd)
        // Higher gold prices raise the metal gain and the margin on gold bought outright.
        let gold = tornado.byNPV.first { $0.input == .goldPrice }!
        #expect(gold.npvAtHighUsd > gold.npvAtLowUsd)
        // Dearer capex lowers the NPV.
        let capex = tornado.byNPV.first { $0.input == .capex }!
        #expect(capex.npvAtHighUsd < capex.npvAtLowUsd)
    }
}
