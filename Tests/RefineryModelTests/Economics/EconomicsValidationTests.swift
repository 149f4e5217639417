import Foundation
import Testing
@testable import RefineryModel

/// Problems in the economics and ownership sections, each with its JSON path.
@Suite struct EconomicsValidationTests {
    private func problems(_ change: (inout Scenario) -> Void) -> [String] {
        var scenario = Scenario.senouBase
        change(&scenario)
        return ScenarioValidator.problems(in: scenario).map(\.description)
    }

    @Test func theDefaultsAreValid() {
        #expect(problems { _ in }.isEmpty)
    }

    @Test func sharesMustAddUpToOne() {
        #expect(problems { $0.ownership!.holders[0].share = 0.7 }
                == ["ownership.holders: shares add up to 1.08; they must add up to 1"])
    }

    @Test func aMalianMajorityUnlessAnotherRuleIsStated() {
        let minority: (inout Scenario) -> Void = { $0.ownership!.holders[0].share = 0.4; $0.ownership!.holders[1].share = 0.6 }
        #expect(problems(minority).first?.hasPrefix("ownership.holders: Malian holders own 0.4 in total; more than 0.5 is required") == true)
        #expect(problems { minority(&$0); $0.ownership!.minimumMalianShare = 0 }.isEmpty)
        #expect(problems { minority(&$0); $0.ownership!.minimumMalianShare = 0.45 }
                == ["ownership.holders: Malian holders own 0.4 in total; more than 0.45 is required (ownership.minimumMalianShare)"])
    }

    @Test func rangesAndIdsWithTheirPaths() {
        let found = problems {
            $0.economics!.terms.goldPayable = 1.2
            $0.economics!.opex.staff[1].id = "malian"
            $0.economics!.prices.goldUsdPerOz = [3435, -1]
            $0.economics!.capital.investments[0].year = 1990
            $0.economics!.opex.energy.fuelAvailability = 0
            $0.ownership!.holders[0].carried = true
            $0.ownership!.holders[1].carried = true
        }
        #expect(found.contains("economics.terms.goldPayable: 1.2 is not a fraction in (0, 1]"))
        #expect(found.contains("economics.opex.staff[1].id: \"malian\" duplicates the id of economics.opex.staff[0]"))
        #expect(found.contains("economics.prices.goldUsdPerOz[1]: -1 is not a gold price in USD/oz in [1, 1000000] (gold has not cost less than 20 USD/oz since 1800, nor more than a few thousand; 10⁶ keeps every revenue finite)"))
        #expect(found.contains { $0.hasPrefix("economics.capital.investments[0].year: 1990 is not a year") })
        #expect(found.contains("economics.opex.energy.fuelAvailability: 0 is not a fraction in (0, 1]"))
        #expect(found.contains("ownership.holders: are all carried interests; at least one holder must contribute capital"))
    }

    @Test func sensitivityRangesMustContainTheirBase() {
        #expect(problems { $0.economics!.uncertainties[0].low = 1.1 }
                == ["economics.uncertainties[0]: [1.1, 1.255] does not contain the base value 1 of goldPrice"])
        #expect(problems { $0.economics!.uncertainties[1].input = .goldPrice }
                == ["economics.uncertainties[1].input: \"goldPrice\" duplicates the input of economics.uncertainties[0]"])
    }

    @Test func valuationNeedsItsSections() throws {
        var scenario = Scenario.senouBase
        scenario.economics = nil
        #expect(throws: EconomicsError.missingEconomics(scenario: "senou-base")) { try CashFlowModel(scenario: scenario) }
        scenario = Scenario.senouBase
        scenario.ownership = nil
        #expect(throws: EconomicsError.missingOwnership(scenario: "senou-base")) { try CashFlowModel(scenario: scenario) }
        // Scenarios without the sections still load (they are optional).
        var bare = Scenario.senouBase
        bare.economics = nil
        bare.ownership = nil
        let data = try! JSONEncoder().encode(bare)
        #expect(try ScenarioLoader.load(data: data) == bare)
    }
}
