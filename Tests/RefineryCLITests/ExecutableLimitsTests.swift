import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// Issue 11's reproducers through the built binary: each used to trap (exit 132), run out of
/// memory, print NaN at exit 0 or accept a window outside the horizon. Each now exits with a
/// documented status and names the field.
extension ExecutableTests {
    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"), arguments: [
        ("intake.sources[0].lotGrossMassKg=1e-300", "intake.sources[0].lotGrossMassKg: 1e-300 is not a mass in kg in [0.001, 10000]"),
        ("intake.sources[0].lotGrossMassKg=0.01", "intake.sources[0].lotGrossMassKg: 0.01 makes 75284101 lots over the horizon"),
        ("intake.sources[0].supply.availableTonnesPerYear=[1e12]", "intake.sources[0].supply.availableTonnesPerYear[0]: 1000000000000 is not a number of tonnes a year"),
        ("plant.stages[id=melt-sample].cycleHours=1e300", "plant.stages[2].cycleHours: 1e+300 is not a number of hours in [0.01, 720]"),
        ("plant.stages[id=melt-sample].cycleHours=1e-300", "plant.stages[2].cycleHours: 1e-300 is not a number of hours in [0.01, 720]"),
        ("plant.stages[id=melt-sample].availability=1e-300", "plant.stages[2].availability: 1e-300 is not a fraction in [0.01, 1]"),
        ("plant.calendar.hoursPerShift=1e-300", "plant.calendar.hoursPerShift: 1e-300 is not a number of hours in [0.25, 24]"),
        ("plant.stages[id=melt-sample].batchMaxKg=1e-300", "plant.stages[2].batchMaxKg: 1e-300 is not a mass in kg in [0.001, 10000]"),
        ("plant.stages[id=wohlwill].availability=4.9e-324", "plant.stages[4].availability: 5e-324 is not a fraction in [0.01, 1]"),
        ("plant.stages[id=melt-sample].waitDays=1e300", "plant.stages[2].waitDays: 1e+300 is not a number of days in [0, 365]"),
        ("intake.lots=[{\"id\":\"big\",\"kind\":\"dore\",\"arrival\":\"2027-03-01\",\"grossMassKg\":1e300,\"assay\":{\"gold\":0.9,\"silver\":0.05}}]",
         "intake.lots[0].grossMassKg: 1e+300 is not a mass in kg in [0.001, 10000]"),
        ("plant.stages[id=miller].recovery.gold=0", "plant.stages[3].recovery.gold: 0 is not a fraction in [0.5, 1]"),
        ("economics.prices.goldUsdPerOz=[1e308]", "economics.prices.goldUsdPerOz[0]: 1e+308 is not a gold price in USD/oz in [1, 1000000]"),
        ("economics.opex.staff[0].fte=1e308", "economics.opex.staff[0].fte: 1e+308 is not a number of FTE in [0, 100000]"),
        ("economics.opex.energy.dieselUsdPerLitre=1e308", "economics.opex.energy.dieselUsdPerLitre: 1e+308 is not a price in USD/litre in [0, 1000]"),
        ("horizon.firstYear=9e15", "horizon.firstYear: 9000000000000000.0 is not a whole number in 1900...2200"),
    ])
    func outOfRangeInputsAreInvalidData(assignment: String, message: String) throws {
        let run = try execute(["run", "--no-schedule", "--set", assignment])
        #expect(run.status == .invalidData, "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(run.err.hasPrefix("Error: invalid scenario ("))
        #expect(run.err.contains("\n  " + message), "\(run.err)")
        #expect(!run.err.contains("Fatal error") && !run.err.contains("nan"))
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func schedulingWindowsOutsideTheHorizonAreUsageErrors() throws {
        let start = try execute(["schedule", "--start", "1900-01-01"])
        #expect(start.status == .usage && start.out.isEmpty)
        #expect(start.err == "Error: option '--start': 1900-01-01 is outside the scenario's horizon 2027-01-01...2041-12-31\n")
        let year = try execute(["schedule", "--horizon", "campaign", "--year", "2050"])
        #expect(year.status == .usage && year.out.isEmpty)
        #expect(year.err == "Error: option '--year': 2050 is outside the scenario's horizon 2027...2041\n")
    }
}

/// The same reproducers where the CLI's own reporting matters (in process, faster).
@Suite struct LimitsReportingTests {
    /// A scenario validation accepts but the scheduler cannot build: `run` says why on stderr
    /// and in the report's notes, with the scenario path, and still reports the rest.
    @Test func aCampaignThatCannotBeBuiltIsExplained() throws {
        let run = runCLI(["run", "--format", "json", "--set", #"plant.routes[1].stages=["receiving","miller","wohlwill","casting"]"#])
        #expect(run.status == .success)
        #expect(run.err.hasPrefix("Warning: campaign schedule skipped: the scenario cannot be scheduled: plant.routes[1].stages: \"kilobar\" starts with the per-lot stages"))
        let report = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let notes = report?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("plant.routes[1].stages") })
        #expect(!run.err.contains("tasks[") && !notes.contains { $0.contains("tasks[") })
    }

    /// No report of any embedded scenario carries a negative mass (keys ending in Kg or
    /// Tonnes, anywhere in the JSON), nor a non-finite number.
    @Test(arguments: Scenario.embeddedNames)
    func reportsHoldNoNegativeMass(scenario: String) throws {
        let run = runCLI(["run", "--scenario", scenario, "--format", "json", "--include-lots", "--time-limit", "3"])
        #expect(run.status == .success || run.status == .noSolution, "\(run.err)")
        #expect(!run.out.contains("\"nan\"") && !run.out.contains("\"inf\"") && !run.out.contains("\"-inf\""))
        let report = try JSONSerialization.jsonObject(with: Data(run.out.utf8))
        var negative: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    let memberPath = path.isEmpty ? key : "\(path).\(key)"
                    // A residual or imbalance is a difference, signed by definition.
                    let isMass = (key.hasSuffix("Kg") || key.hasSuffix("Tonnes")) && !key.lowercased().contains("residual")
                    if isMass, let number = member as? Double, number < 0 { negative.append("\(memberPath) = \(number)") }
                    walk(member, memberPath)
                }
            } else if let array = value as? [Any] {
                for (index, element) in array.enumerated() { walk(element, "\(path)[\(index)]") }
            }
        }
        walk(report, "")
        #expect(negative.isEmpty, "\(negative.prefix(10))")
    }

    @Test func makespanWithoutDueDatesSaysWhatItRequires() throws {
        let run = runCLI(["schedule", "--horizon", "campaign", "--days", "60", "--goal", "makespan", "--intake", "20", "--year", "2028", "--time-limit", "4"])
        #expect(run.status == .noSolution)
        #expect(run.out.contains("No schedule refines every lot of the window within it, as the makespan goal requires"))
        #expect(!run.out.contains("No schedule meets every due date"))
    }
}
