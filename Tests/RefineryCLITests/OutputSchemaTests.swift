import Testing
@testable import refinery_cli
import RefineryModel

/// Real outputs of every command that writes JSON are valid against their schemas (the
/// project's own ``SchemaValidator``; CI checks the same outputs with Python's jsonschema).
@Suite struct OutputSchemaTests {
    func json(_ text: Substring) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func expectValid(_ arguments: [String], against name: JSONSchemas.Name, status: refinery_cli.ExitStatus = .success) throws {
        let run = runCLI(arguments)
        #expect(run.status == status, "\(arguments): \(run.err)")
        let documents = name == .sweep ? run.out.split(separator: "\n") : [Substring(run.out)]
        #expect(!documents.isEmpty)
        for document in documents {
            let problems = SchemaValidator(schema: name.schema).problems(in: try json(document))
            #expect(problems.isEmpty, "\(arguments): \(problems.prefix(5).map(\.description))")
        }
    }

    @Test func valueReports() throws {
        try expectValid(["value", "--format", "json", "--draws", "50"], against: .value)
        try expectValid(["value", "--scenario", "mali-own-supply", "--format", "json", "--draws", "0"], against: .value)
    }

    @Test func detailedAndCampaignSchedules() throws {
        try expectValid(["schedule", "--format", "json", "--days", "3", "--timings"], against: .schedule)
        try expectValid(["schedule", "--horizon", "campaign", "--days", "60", "--format", "json", "--time-limit", "3"], against: .schedule)
        // Due dates no schedule can meet: the report explains which lots block.
        try expectValid(["schedule", "--format", "json", "--days", "3", "--turnaround-target", "0.2"], against: .schedule, status: .noSolution)
    }

    @Test func comparisonsAndSweepLines() throws {
        try expectValid(["compare", "senou-base", "--set-b", "plant.calendar.shiftsPerDay=3", "--no-schedule", "--format", "json"], against: .compare)
        try expectValid(["sweep", "--vary", "plant.calendar.shiftsPerDay=1,2", "--no-schedule", "--format", "json"], against: .sweep)
        // A failing point is a line with its error.
        try expectValid(["sweep", "--vary", "plant.calendar.shiftsPerDay=2,9", "--no-schedule", "--format", "json"], against: .sweep, status: .invalidData)
    }

    /// The schemas are strict: a value report with a holder's flow missing its year, or a
    /// value-added total given a year, is rejected with the field's path.
    @Test func theSchemasCatchMistakes() throws {
        let report = try json(Substring(runCLI(["value", "--format", "json", "--draws", "0"]).out))
        let validator = SchemaValidator(schema: JSONSchemas.value)
        #expect(validator.problems(in: report).isEmpty)
        let noYear = try report.setting(.null, at: JSONPath(parsing: "ownership[0].flows[0].year"))
        #expect(validator.problems(in: noYear).map(\.description) == ["ownership[0].flows[0].year: null is null; expected a whole number"])
        let totalYear = try report.setting(.number(0), at: JSONPath(parsing: "valueAdded.total.year"))
        #expect(validator.problems(in: totalYear).first?.description.hasPrefix("valueAdded.total.year: is not a known field") == true)
        let hours = try report.setting(.number(1), at: JSONPath(parsing: "valuation.summary.paybackHours"))
        #expect(validator.problems(in: hours).first?.description.hasPrefix("valuation.summary.paybackHours: is not a known field") == true)
    }
}
