import Foundation
import Testing
@testable import RefineryModel

/// The `mandatory-local-refining` scenario (all of Mali's industrial doré refined at Sénou, as
/// the 2023 Mining Code directs) exercises the doré-export counterfactual: the mines' change in
/// net-back is recomputed here by hand from the scenario's written inputs.
@Suite struct MandatoryLocalRefiningTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance * max(1, abs(a), abs(b)) }

    @Test func theMinesNetBackChangeIsTheirExtraChargeLessTheFreightSaved() throws {
        let model = try #require(EmbeddedModels.all["mandatory-local-refining"])
        let counterfactual = try #require(model.valuation(breakEvens: false).fiscal).doreExport
        let year2030 = try #require(counterfactual.years.first { $0.year == 2030 })
        // 2030, phase 2's first year: all 50 t of industrial gold, 88% Au doré.
        let fineOz = 50_000 * 32.1507465686
        let grossOz = fineOz / 0.88
        // Sénou's 1.00 USD/oz gross against 0.30 abroad; 0.25 USD per fine oz of freight saved;
        // same payable and settlement days (the defaults): nothing else changes. Charges and
        // freight are in dollars of 2027, the first horizon year, indexed at 2% a year.
        let change = (-(1.00 - 0.30) * grossOz + 0.25 * fineOz) * pow(1.02, 3)
        #expect(close(year2030.minesGoldOz, fineOz))
        #expect(close(year2030.minesNetBackChange, change))
        #expect(year2030.minesNetBackChange < -0.93e6 && year2030.minesNetBackChange > -0.931e6)
        // The state's part: 30% tax on the change, then its 20% stake in what is left.
        #expect(close(year2030.stateChangeFromMines, (0.30 + 0.20 * 0.70) * change))
        #expect(close(year2030.netGainToMali, year2030.refineryCapture + change))
    }

    @Test func theMandateTakesEveryOunceFromPhaseTwoOn() throws {
        let mandatory = try #require(EmbeddedModels.all["mandatory-local-refining"]).valuation(breakEvens: false).fiscal?.doreExport
        let base = try #require(EmbeddedModels.all["senou-base"]).valuation(breakEvens: false).fiscal?.doreExport
        let m = try #require(mandatory), b = try #require(base)
        for year in 2030...2041 {
            let y = try #require(m.years.first { $0.year == year }), x = try #require(b.years.first { $0.year == year })
            // senou-base captures 95% of the same doré, the mandate 100%: the loss scales with it.
            #expect(close(y.minesNetBackChange, x.minesNetBackChange / 0.95), "\(year)")
        }
        #expect(m.presentValue.minesNetBackChange < b.presentValue.minesNetBackChange, "more doré at Sénou's dearer charge")
    }
}
