import Foundation
import Testing
@testable import RefineryModel

/// data/ and the embedded copies agree, every scenario validates and decodes, and the JSON
/// Schema stays in step with the Codable types.
@Suite struct ScenarioFilesTests {
    static let scenarioFiles = DataFiles.files(in: "scenarios")

    @Test func thereAreTheRequiredScenarios() {
        let names = Set(Self.scenarioFiles.map { $0.deletingPathExtension().lastPathComponent })
        #expect(names.isSuperset(of: ["senou-base", "mali-own-supply", "regional-hub-200t"]))
        #expect(Scenario.embeddedNames.first == "senou-base")
        #expect(Set(Scenario.embeddedNames) == names)
    }

    @Test(arguments: scenarioFiles)
    func fileLoadsAndMatchesItsEmbeddedCopy(url: URL) throws {
        let name = url.deletingPathExtension().lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(EmbeddedData.scenarios[name] == text, "run scripts/embed-data after editing data/")
        let scenario = try ScenarioLoader.load(contentsOf: url)
        #expect(scenario.name == name)
        #expect(try ScenarioLoader.embedded(named: name) == scenario)
    }

    @Test func embeddedSchemaMatchesTheFile() throws {
        let text = try String(contentsOf: DataFiles.data.appendingPathComponent("schema/scenario.schema.json"), encoding: .utf8)
        #expect(EmbeddedData.scenarioSchema == text, "run scripts/embed-data after editing data/")
        for name in JSONSchemas.Name.allCases {
            let file = try String(contentsOf: DataFiles.data.appendingPathComponent("schema/\(name.rawValue).schema.json"), encoding: .utf8)
            #expect(name.text == file, "run scripts/embed-data after editing data/")
        }
        #expect(JSONSchemas.reportText == JSONSchemas.Name.report.text)
        #expect(JSONSchemas.report["title"] == .string("refinery-cli run report"))
    }

    /// Encoding a scenario that sets every optional field produces JSON the schema accepts
    /// (so the schema knows every field the types write), and loading it back gives the same
    /// scenario (so the types read every field the schema allows).
    @Test func schemaAndTypesAgreeOnEveryField() throws {
        var scenario = Scenario.senouBase
        scenario.description = "every field"
        scenario.intake.sources[0].operator = "operator"
        scenario.intake.sources[0].country = "ML"
        scenario.intake.sources[0].monthlyProfile = Array(repeating: 1, count: 12)
        scenario.intake.sources.append(IntakeSource(
            id: "ore-source", name: "ore", kind: .ore,
            ore: OreFeed(oreTonnesPerYear: [1000], gradeGramsPerTonne: 50, upstreamRecovery: 0.9),
            assay: Assay(gold: 0.85, silver: 0.1), lotGrossMassKg: 50, basis: "b"))
        scenario.intake.lots = [Lot(id: "l1", source: "ore-source", kind: .ore, arrival: "2027-02-01", due: "2027-03-01",
                                    grossMassKg: 20, assay: Assay(gold: 0.9, silver: 0.05))]
        scenario.plant.stages[0].calendar = OperatingCalendar(operatingDaysPerYear: 250, shiftsPerDay: 1, hoursPerShift: 8)
        scenario.plant.stages[0].basis = "b"
        scenario.plant.routes[0].shares.artisanal = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(scenario)
        let json = try JSONParser.parse(Array(data))
        #expect(SchemaValidator(schema: ScenarioLoader.schema).problems(in: json).isEmpty)
        #expect(try ScenarioLoader.load(data: data) == scenario)
    }

    /// Whether `python3` with the `jsonschema` package is on the PATH (scripts/test installs it).
    static let pythonJSONSchema: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// The schema itself is valid draft 2020-12, and an independent validator (Python's
    /// jsonschema) accepts every data file, ranges and patterns included.
    @Test(.enabled(if: pythonJSONSchema, "python3 -m pip install jsonschema"))
    func pythonJSONSchemaAgrees() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
            import json, sys, pathlib, jsonschema
            root = pathlib.Path(sys.argv[1])
            schema = json.loads((root / "schema/scenario.schema.json").read_text())
            jsonschema.Draft202012Validator.check_schema(schema)
            for f in sorted((root / "scenarios").glob("*.json")):
                jsonschema.validate(json.loads(f.read_text()), schema)
            """
        process.arguments = ["python3", "-c", script, DataFiles.data.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
