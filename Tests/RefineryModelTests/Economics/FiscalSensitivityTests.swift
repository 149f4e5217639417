import Testing
@testable import RefineryModel

/// The tornado and the Monte Carlo move the artisanal margin and volume and follow the fiscal
/// outputs (issue 13, item 7).
@Suite struct FiscalSensitivityTests {
    let model = EmbeddedModels.base

    @Test func theArtisanalInputsMoveWhatTheyShould() throws {
        let base = model.cashFlows()
        // The margin is proportional: 3% earns twice what 1.5% earns, on the same gold.
        var margin = Adjustments()
        margin.artisanalPurchaseMargin = 0.03
        let atDouble = model.cashFlows(with: margin)
        for (a, b) in zip(base, atDouble) {
            #expect(approximately(b.purchaseMargin, 2 * a.purchaseMargin, absolute: 1e-6))
            #expect(a.goldIntakeKg == b.goldIntakeKg)
        }
        // Twice the artisanal gold, the doré unchanged: intake grows by the artisanal gold, and the
        // margin (on artisanal gold only) doubles, in years the plant is not saturated.
        var volume = Adjustments()
        volume.artisanalVolume = 2
        let twice = model.cashFlows(with: volume)
        let artisanal = MaterialKind.allCases.firstIndex(of: .artisanal)!
        for (t, row) in twice.enumerated() where row.operating && row.volumeScale == 1 {
            let v = model.volumes[row.year - model.scenario.horizon.firstYear]
            #expect(approximately(row.goldIntakeKg, v.goldIntakeKg + v.goldKgByKind[artisanal], relative: 1e-12))
            #expect(approximately(row.purchaseMargin, 2 * base[t].purchaseMargin, relative: 1e-12))
        }
        #expect(twice.contains { $0.operating && $0.volumeScale == 1 })
        // A factor of 1 is the scenario exactly.
        var one = Adjustments()
        one.artisanalVolume = 1
        #expect(model.cashFlows(with: one) == base)
    }

    @Test func theTornadoHasTheNewBarsPointingTheRightWay() throws {
        let tornado = Tornado(model: model)
        let margin = try #require(tornado.byNPV.first { $0.input == .artisanalPurchaseMargin })
        #expect(margin.low == 0.005 && margin.base == 0.015 && margin.high == 0.03)
        // A higher purchase margin earns more: the project NPV, the state's cash and Mali's gain rise.
        #expect(margin.npvAtHighUsd > tornado.baseNPVUsd && tornado.baseNPVUsd > margin.npvAtLowUsd)
        #expect(margin.stateNetCashNpvAtHighUsd > margin.stateNetCashNpvAtLowUsd)
        #expect(margin.netGainToMaliAtHighUsd > margin.netGainToMaliAtLowUsd)
        // More artisanal gold bought at a margin: a higher project NPV.
        let volume = try #require(tornado.byNPV.first { $0.input == .artisanalVolume })
        #expect(volume.npvAtHighUsd > tornado.baseNPVUsd && tornado.baseNPVUsd > volume.npvAtLowUsd)
        // Each fiscal list holds every bar once, sorted by its own swing.
        for list in [tornado.byStateNetCash, tornado.byNetGainToMali, tornado.byGovernmentTake] {
            #expect(Set(list.map(\.input)) == Set(model.economics.uncertainties.map(\.input)) && list.count == model.economics.uncertainties.count)
        }
        let swings = tornado.byStateNetCash.map(\.stateNetCashNpvSwingUsd)
        #expect(swings == swings.sorted(by: >))
        // A bar's ends are the full valuation's fiscal view at those ends.
        var high = Adjustments()
        high.artisanalPurchaseMargin = 0.03
        let fiscal = try #require(model.valuation(with: high, breakEvens: false).fiscal)
        #expect(approximately(margin.stateNetCashNpvAtHighUsd, fiscal.stateNetCashNpvUsd, absolute: 1e-3))
        #expect(approximately(margin.netGainToMaliAtHighUsd, fiscal.doreExport.presentValue.netGainToMali, absolute: 1e-3))
        #expect(approximately(try #require(margin.governmentTakeAtHigh), try #require(fiscal.governmentTake), absolute: 1e-12))
        // The base figures are the scenario's fiscal view.
        let baseFiscal = try #require(model.valuation(breakEvens: false).fiscal)
        #expect(approximately(tornado.baseStateNetCashNpvUsd, baseFiscal.stateNetCashNpvUsd, absolute: 1e-3))
        #expect(approximately(tornado.baseNetGainToMaliUsd, baseFiscal.doreExport.presentValue.netGainToMali, absolute: 1e-3))
    }

    @Test func fiscalPercentilesAreOrderedAndMatchAnIndependentRecomputation() throws {
        let result = MonteCarlo(model: model, draws: 6, seed: 11, workers: 2)
        var states: [Double] = [], takes: [Double] = [], gains: [Double] = []
        for i in 0..<6 {
            // Redraw the inputs as the Monte Carlo documents it, then value them in full.
            var random = SplitMix64(seed: MonteCarlo.drawSeed(11, i))
            var adjustments = Adjustments()
            for uncertainty in model.economics.uncertainties {
                adjustments.set(uncertainty.input, to: MonteCarlo.sample(uncertainty, base: Adjustments.base(of: uncertainty.input, in: model.economics), using: &random))
            }
            let valuation = model.valuation(with: adjustments, breakEvens: false)
            let fiscal = try #require(valuation.fiscal)
            #expect(approximately(result.npvs[i], valuation.summary.projectNPVUsd, absolute: 1e-3))
            #expect(approximately(result.stateNetCashNpvs[i], fiscal.stateNetCashNpvUsd, absolute: 1e-3))
            #expect(approximately(result.netGainsToMali[i], fiscal.doreExport.presentValue.netGainToMali, absolute: 1e-3))
            #expect(result.governmentTakes[i].map { approximately($0, fiscal.governmentTake ?? .nan, absolute: 1e-12) } ?? (fiscal.governmentTake == nil))
            states.append(fiscal.stateNetCashNpvUsd)
            gains.append(fiscal.doreExport.presentValue.netGainToMali)
            if let take = fiscal.governmentTake { takes.append(take) }
        }
        let state = Percentiles(states), gain = Percentiles(gains)
        #expect(approximately(result.stateNetCashNpv.p10, state.p10, absolute: 1e-3) && approximately(result.stateNetCashNpv.p90, state.p90, absolute: 1e-3))
        #expect(approximately(result.netGainToMali.p50, gain.p50, absolute: 1e-3))
        #expect(result.governmentTakeUndefinedDraws == 6 - takes.count)
        if !takes.isEmpty { #expect(approximately(try #require(result.governmentTake).p50, Percentiles(takes).p50, absolute: 1e-12)) }

        let many = MonteCarlo(model: model, draws: 400, seed: 5)
        for p in [many.stateNetCashNpv, many.netGainToMali] + (many.governmentTake.map { [$0] } ?? []) {
            #expect(p.p10 <= p.p50 && p.p50 <= p.p90 && p.p10 < p.p90)
        }
        #expect((0...1).contains(many.probabilityNetGainNegative))
        // The report leaves the draws out.
        let report = ValuationReport(valuation: model.valuation(breakEvens: false), tornado: Tornado(model: model), monteCarlo: many)
        #expect(report.monteCarlo?.stateNetCashNpvs == [] && report.monteCarlo?.governmentTakes == [] && report.monteCarlo?.netGainsToMali == [])
    }
}
