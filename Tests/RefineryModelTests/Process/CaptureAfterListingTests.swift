import Foundation
import Testing
@testable import RefineryModel

/// A capture step at the year the brand is listed (`supply.captureAfterListing`): the mines
/// send a different share of their gold from horizon year `yearsToAccreditation` on.
@Suite struct CaptureAfterListingTests {
    /// The gold (t) of `source`'s generated lots arriving in `year`.
    private func goldTonnes(_ lots: [IntakeLot], source: String, year: Int) -> Double {
        let first = CivilDate(year: year, month: 1, day: 1).dayNumber, last = CivilDate(year: year + 1, month: 1, day: 1).dayNumber
        return lots.filter { $0.source == source && $0.arrivalDay >= first && $0.arrivalDay < last }.reduce(0) { $0 + $1.masses.gold } / 1000
    }

    @Test func theStepStartsInTheListingYear() throws {
        var scenario = Scenario.senouBase
        scenario.intake.sources[0].supply!.captureAfterListing = 1
        // Listed 3 years after 2027: 2027-2029 keep 30/65/90%, 2030 on take 100% of 50 t.
        let lots = try LotGenerator.lots(for: scenario)
        let expected: [Int: Double] = [2027: 15, 2028: 32.5, 2029: 45, 2030: 50, 2041: 50]
        for (year, tonnes) in expected {
            #expect(abs(goldTonnes(lots, source: "mali-industrial", year: year) - tonnes) < 1e-9, "\(year)")
        }
        // Without the step, 2030 takes senou-base's 95%.
        #expect(abs(goldTonnes(try LotGenerator.lots(for: .senouBase), source: "mali-industrial", year: 2030) - 47.5) < 1e-9)
        // Listed a year later, the step moves with it.
        scenario.economics!.terms.yearsToAccreditation = 4
        let later = try LotGenerator.lots(for: scenario)
        #expect(abs(goldTonnes(later, source: "mali-industrial", year: 2030) - 47.5) < 1e-9)
        #expect(abs(goldTonnes(later, source: "mali-industrial", year: 2031) - 50) < 1e-9)
        // The artisanal source has no step: unchanged.
        #expect(abs(goldTonnes(later, source: "mali-artisanal", year: 2031) - 6) < 1e-9)
    }

    @Test func theCashFlowsSeeTheStep() throws {
        var scenario = Scenario.senouBase
        scenario.intake.sources[0].supply!.captureAfterListing = 1
        let stepped = try CashFlowModel(scenario: scenario).valuation(breakEvens: false)
        let base = EmbeddedModels.base.valuation(breakEvens: false)
        let row = { (v: Valuation, year: Int) in v.years.first { $0.year == year }! }
        #expect(row(stepped, 2029).goldIntakeKg == row(base, 2029).goldIntakeKg)
        #expect(row(stepped, 2030).goldIntakeKg > row(base, 2030).goldIntakeKg)
    }

    @Test func aShareOutOfRangeIsNamedByItsPath() {
        var scenario = Scenario.senouBase
        scenario.intake.sources[0].supply!.captureAfterListing = 1.5
        #expect(ScenarioValidator.problems(in: scenario).map(\.path) == ["intake.sources[0].supply.captureAfterListing"])
    }
}
