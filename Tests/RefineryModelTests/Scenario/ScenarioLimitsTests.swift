import Foundation
import Testing
@testable import RefineryModel

/// Issue 11's reproducers: values that validation used to accept and that then trapped,
/// overflowed or were rejected by the scheduler with internal paths.
@Suite struct ScenarioLimitsTests {
    static func problems(_ assignments: [String]) throws -> [ScenarioProblem] {
        let base = try ScenarioLoader.embeddedDocument(named: "senou-base")
        let overrides = try assignments.map { try ScenarioOverride(parsing: $0) }
        do {
            _ = try ScenarioLoader.load(json: base, overrides: overrides)
            return []
        } catch {
            return error.problems
        }
    }

    @Test(arguments: [
        ("intake.sources[0].lotGrossMassKg=1e-300", "intake.sources[0].lotGrossMassKg", "is not a mass in kg in [0.001, 10000]"),
        ("intake.sources[0].lotGrossMassKg=20000", "intake.sources[0].lotGrossMassKg", "is not a mass in kg in [0.001, 10000]"),
        ("plant.stages[id=melt-sample].cycleHours=1e300", "plant.stages[2].cycleHours", "is not a number of hours in [0.01, 720]"),
        ("plant.stages[id=melt-sample].cycleHours=1e-300", "plant.stages[2].cycleHours", "is not a number of hours in [0.01, 720]"),
        ("plant.stages[id=melt-sample].availability=1e-300", "plant.stages[2].availability", "is not a fraction in [0.01, 1]"),
        ("plant.stages[id=wohlwill].availability=4.9e-324", "plant.stages[4].availability", "is not a fraction in [0.01, 1]"),
        ("plant.calendar.hoursPerShift=1e-300", "plant.calendar.hoursPerShift", "is not a number of hours in [0.25, 24]"),
        ("plant.stages[id=melt-sample].batchMaxKg=1e-300", "plant.stages[2].batchMaxKg", "is not a mass in kg in [0.001, 10000]"),
        ("plant.stages[id=melt-sample].waitDays=1e300", "plant.stages[2].waitDays", "is not a number of days in [0, 365]"),
        ("plant.stages[id=miller].recovery.gold=0", "plant.stages[3].recovery.gold", "is not a fraction in [0.5, 1]"),
        ("plant.stages[3].recovery.gold=5e-324", "plant.stages[3].recovery.gold", "is not a fraction in [0.5, 1]"),
        ("plant.stages[id=miller].toByproduct.gold=1", "plant.stages[3].toByproduct.gold", "is not a fraction in [0, 0.5]"),
        ("intake.sources[0].supply.availableTonnesPerYear=[1e12]", "intake.sources[0].supply.availableTonnesPerYear[0]", "is not a number of tonnes a year in [0, 10000]"),
        ("economics.prices.goldUsdPerOz=[1e308]", "economics.prices.goldUsdPerOz[0]", "is not a gold price in USD/oz in [1, 1000000]"),
        // Found by scripts/fuzz: value added as a share of the gold's value divided by nearly 0.
        ("economics.prices.goldUsdPerOz=[4.9e-324]", "economics.prices.goldUsdPerOz[0]", "is not a gold price in USD/oz in [1, 1000000]"),
        ("economics.prices.silverUsdPerOz=[1e308]", "economics.prices.silverUsdPerOz[0]", "is not a price in USD/oz in (0, 1000000]"),
        ("economics.opex.staff[0].fte=1e308", "economics.opex.staff[0].fte", "is not a number of FTE in [0, 100000]"),
        ("economics.opex.energy.dieselUsdPerLitre=1e308", "economics.opex.energy.dieselUsdPerLitre", "is not a price in USD/litre in [0, 1000]"),
        ("economics.valuation.discountRate=-0.9999999", "economics.valuation.discountRate", "is not a rate in [-0.5, 10]"),
        ("horizon.firstYear=9e15", "horizon.firstYear", "is not a whole number in 1900...2200"),
        // Counting the lots of 10¹⁵ years used to loop for ever: the count is O(list length).
        ("horizon.years=1e15", "horizon.years", "is not a number of years in 1...100"),
    ])
    func outOfRangeValuesAreRefusedWithTheirPathAndReason(assignment: String, path: String, message: String) throws {
        let found = try Self.problems([assignment])
        // The out-of-range value comes first; what depends on it (batchMinKg ≤ batchMaxKg, an
        // uncertainty range around the base) may follow.
        let problem = try #require(found.first)
        #expect(problem.path == path)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
        // Every range states its reason in parentheses (the schema's integer ranges excepted).
        if !path.hasPrefix("horizon.") { #expect(problem.message.hasSuffix(")")) }
    }

    /// 0.01 kg lots of 50 t a year would be 75 million lots (4.5 GB): counted, not made.
    @Test func generatedLotsAreCountedBeforeTheyAreMade() throws {
        let found = try Self.problems(["intake.sources[0].lotGrossMassKg=0.01"])
        #expect(found.map(\.path) == ["intake.sources[0].lotGrossMassKg"])
        #expect(found.first?.message.contains("at most 2000000 lots are modelled") == true)
        // The lot generator refuses on its own, before allocating, for an unvalidated scenario.
        var scenario = Scenario.senouBase
        scenario.intake.sources[0].lotGrossMassKg = 1e-300
        #expect(LotGenerator.generatedLotCount(of: scenario.intake.sources[0], years: 15) > 1e300)
        #expect(throws: ScenarioError.self) { try LotGenerator.lots(for: scenario) }
        #expect(throws: ScenarioError.self) { try ThroughputModel(scenario: scenario).evaluate() }
        var forever = Scenario.senouBase
        forever.horizon.years = 1_000_000_000_000_000
        #expect(LotGenerator.generatedLotCount(of: forever.intake.sources[1], years: forever.horizon.years) > 1e15)
        #expect(throws: ScenarioError.self) { try LotGenerator.lots(for: forever) }
    }

    /// Unvalidated values that used to trap in the throughput model now throw with a path.
    @Test func theThroughputModelThrowsInsteadOfTrapping() throws {
        var scenario = Scenario.senouBase
        scenario.plant.stages[2].cycleHours = 1e300
        do {
            _ = try ThroughputModel(scenario: scenario).evaluate()
            Issue.record("a cycle of 1e300 h was evaluated")
        } catch {
            #expect(error.problems.first?.path == "plant.stages[2].cycleHours")
            #expect(error.problems.first?.message.contains("start day of lot") == true)
        }
    }

    @Test func checkedConversionsNeverTrap() throws {
        #expect(try Int(checked: 2.7, rounding: .down, path: "p", what: "w") == 2)
        #expect(try Int(checked: -2.2, rounding: .up, path: "p", what: "w") == -2)
        #expect(throws: ConversionError.self) { try Int(checked: .nan, path: "intake", what: "a count") }
        for bad in [Double.infinity, -.infinity, 1e300, 9.1e15] {
            #expect(throws: ConversionError(path: "intake", value: bad, what: "a count")) {
                try Int(checked: bad, path: "intake", what: "a count")
            }
        }
        #expect(Int(clamping: .nan, to: 0...5) == 0)
        #expect(Int(clamping: 1e300, to: 0...5) == 5)
        #expect(Int(clamping: -1e300, to: 0...5) == 0)
        #expect(Int(clamping: 3.9, to: 0...5) == 3)
        #expect(ScenarioError(ConversionError(path: "a.b", value: 1e300, what: "x")).problems.map(\.path) == ["a.b"])
    }

    /// The schema states the validator's bounds: both are read by people and tools.
    @Test func theSchemaStatesTheValidatorsBounds() throws {
        let schema = ScenarioLoader.schema
        let cases: [([String], Limit)] = [
            (["source", "properties", "lotGrossMassKg"], ScenarioLimits.lotGrossMassKg),
            (["lot", "properties", "grossMassKg"], ScenarioLimits.lotGrossMassKg),
            (["stage", "properties", "cycleHours"], ScenarioLimits.cycleHours),
            (["stage", "properties", "availability"], ScenarioLimits.availability),
            (["stage", "properties", "batchMaxKg"], ScenarioLimits.batchKg),
            (["stage", "properties", "waitDays"], ScenarioLimits.waitDays),
            (["stage", "properties", "fixedGoldPerUnitKg"], ScenarioLimits.fixedGoldPerUnitKg),
            (["calendar", "properties", "hoursPerShift"], ScenarioLimits.hoursPerShift),
            (["plant", "properties", "nameplateTonnesPerYear"], ScenarioLimits.nameplateTonnesPerYear),
            (["materialTerms", "properties", "refiningChargeUsdPerOzGross"], ScenarioLimits.chargeUsdPerOz),
        ]
        for (keys, limit) in cases {
            var node = try #require(schema["$defs"])
            for key in keys { node = try #require(node[key], "\(keys)") }
            let lowerKey = limit.openLower ? "exclusiveMinimum" : "minimum"
            #expect(node[lowerKey] == .number(limit.lower), "\(keys)")
            #expect(node["maximum"] == .number(limit.upper), "\(keys)")
            guard case let .string(description)? = node["description"] else { Issue.record("\(keys) has no description"); continue }
            #expect(description.contains(limit.reason), "\(keys)")
        }
    }

    @Test func everyEmbeddedScenarioIsWithinTheLimits() throws {
        for name in Scenario.embeddedNames {
            #expect(throws: Never.self) { try ScenarioLoader.embedded(named: name) }
        }
    }

    @Test func nonFiniteNumbersInAReportAreNamed() throws {
        struct Inner: Encodable { var npv: Double }
        struct Outer: Encodable { var years: [Inner] }
        #expect(throws: NonFiniteNumberError(report: "the report", path: "years[1].npv")) {
            try FiniteNumbers.check(Outer(years: [Inner(npv: 1), Inner(npv: .nan)]), report: "the report")
        }
        #expect(throws: Never.self) { try FiniteNumbers.check(Outer(years: [Inner(npv: 1)]), report: "the report") }
    }
}
