import Foundation
import Testing
import RefineryModel

/// A `--set` never fails because of an uncertainty range: the range widens to include the new
/// base, with a note; setting a field of an absent optional section creates it (issue 13, item 6).
@Suite struct RangeWideningTests {
    let base = try! ScenarioLoader.embeddedDocument(named: "senou-base")

    func load(_ assignments: [String], into document: JSONValue? = nil) throws -> Scenario {
        try ScenarioLoader.load(json: document ?? base, overrides: assignments.map { try ScenarioOverride(parsing: $0) })
    }

    func range(_ scenario: Scenario, _ input: UncertainInput) throws -> Uncertainty {
        try #require(scenario.economics?.uncertainties.first { $0.input == input })
    }

    @Test func aTaxHolidayRunsAndSaysWhichRangeWidened() throws {
        let scenario = try load(["economics.taxes.corporateIncomeTax=0"])
        let tax = try range(scenario, .corporateIncomeTax)
        #expect(tax.low == 0 && tax.high == 0.3)
        #expect(tax.widened == RangeWidening(low: 0.25, high: 0.3, base: 0, basePath: "economics.taxes.corporateIncomeTax"))
        // Only that range moved.
        #expect(scenario.economics?.uncertainties.filter { $0.widened != nil }.count == 1)
        let notes = try #require(scenario.economics?.rangeWideningNotes)
        #expect(notes == ["economics.uncertainties[11] (corporateIncomeTax): range widened from [0.25, 0.3] to [0, 0.3] to include economics.taxes.corporateIncomeTax = 0 set on the command line"])
        // The valuation runs, and its report carries the note.
        let run = try ValuationRun.perform(scenario, draws: 64)
        let report = ValuationReport(run)
        #expect(report.notes == notes)
        #expect(try report.json().contains("range widened from [0.25, 0.3] to [0, 0.3]"))
        #expect(report.page(in: .en).html.contains("range widened from [0.25, 0.3] to [0, 0.3]"))
        #expect(ValuationReport(valuation: run.valuation, tornado: run.tornado, monteCarlo: nil).page(in: .en).html.contains("range widened") == false)
        #expect(run.valuation.years.allSatisfy { $0.incomeTax == 0 })
        // The run report carries it too.
        var options = RunOptions()
        options.schedule = false
        #expect(RunReport(run: try ScenarioRun.perform(scenario, options: options)).notes.contains(notes[0]))
    }

    @Test func widensExactlyWhenTheBaseLeavesItsRange() throws {
        // Inside the range: nothing widens, no note.
        let inside = try load(["economics.taxes.corporateIncomeTax=0.27", "economics.valuation.discountRate=0.12"])
        #expect(inside.economics?.uncertainties.allSatisfy { $0.widened == nil } == true)
        #expect(inside.economics?.rangeWideningNotes == [])
        // A 0% discount rate widens [0.1, 0.2] down to 0; 25% widens it up to 0.25.
        let zero = try range(load(["economics.valuation.discountRate=0"]), .discountRate)
        #expect(zero.low == 0 && zero.high == 0.2 && zero.widened?.basePath == "economics.valuation.discountRate")
        let high = try range(load(["economics.valuation.discountRate=0.25"]), .discountRate)
        #expect(high.low == 0.1 && high.high == 0.25)
        // Fuel availability below the range, and a purchase margin above its own.
        let fuel = try range(load(["economics.opex.energy.fuelAvailability=0.7"]), .fuelAvailability)
        #expect(fuel.low == 0.7 && fuel.high == 1 && fuel.widened?.low == 0.8)
        let margin = try range(load(["economics.terms.byKind.artisanal.purchaseMargin=0.05"]), .artisanalPurchaseMargin)
        #expect(margin.low == 0.005 && margin.high == 0.05)
        #expect(try load(["economics.terms.byKind.artisanal.purchaseMargin=0.05"]).economics?.rangeWideningNotes.first?
            .hasPrefix("economics.uncertainties[12] (artisanalPurchaseMargin): range widened from [0.005, 0.03] to [0.005, 0.05]") == true)
    }

    @Test func aRangeThatExcludesTheFilesOwnBaseIsStillRejected() throws {
        // Setting the range itself (not the base) is not widened: the range contradicts the base.
        #expect(throws: ScenarioError.self) { try load(["economics.uncertainties[7].low=0.15"]) }
        do {
            _ = try load(["economics.uncertainties[7].low=0.15"])
        } catch let ScenarioError.invalid(problems) {
            #expect(problems.map(\.path) == ["economics.uncertainties[7]"])
            #expect(problems[0].message == "does not contain the base value 0.14 of discountRate")
        }
        // A file whose own range excludes its own base stays invalid, whatever else is set.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/invalid/uncertainty-excludes-base.json")
        let invalid = try ScenarioLoader.document(contentsOf: url)
        #expect(throws: ScenarioError.self) { try load(["name=other"], into: invalid) }
        // …but a --set of that base into the range, or outside it, makes it valid.
        #expect(try range(load(["economics.valuation.discountRate=0.16"], into: invalid), .discountRate).widened == nil)
        #expect(try range(load(["economics.valuation.discountRate=0.1"], into: invalid), .discountRate).low == 0.1)
    }

    @Test func settingAFieldOfAnAbsentOptionalSectionCreatesIt() throws {
        #expect(base.value(at: try JSONPath(parsing: "economics.fiscal")) == nil)
        let scenario = try load(["economics.fiscal.payrollTaxes=0.2"])
        #expect(scenario.economics?.fiscal?.payrollTaxes == 0.2)
        // Every other fiscal input keeps its default.
        var expected = ResolvedFiscalInputs(try #require(try load([]).economics))
        expected.payrollTaxes = 0.2
        #expect(ResolvedFiscalInputs(try #require(scenario.economics)) == expected)
        // A misspelt section is still an error at its path, not created.
        let (_, problems) = base.applying([try ScenarioOverride(parsing: "economics.fsical.payrollTaxes=0.2")], schema: ScenarioLoader.schema)
        #expect(problems.map(\.path) == ["economics.fsical"])
        // Without the schema, the document is taken as it is.
        let (_, unaided) = base.applying([try ScenarioOverride(parsing: "economics.fiscal.payrollTaxes=0.2")])
        #expect(unaided.map(\.path) == ["economics.fiscal"])
        // A created section whose fields are required reports them (terms of a kind).
        let withoutOre = try base.setting(.object([]), at: JSONPath(parsing: "economics.terms.byKind"))
        #expect(throws: ScenarioError.self) { try load(["economics.terms.byKind.ore.purchaseMargin=0"], into: withoutOre) }
        do {
            _ = try load(["economics.terms.byKind.ore.purchaseMargin=0"], into: withoutOre)
        } catch let ScenarioError.invalid(problems) {
            #expect(problems.contains { $0.path.hasPrefix("economics.terms.byKind.ore") && $0.message.contains("required") })
        }
    }
}
