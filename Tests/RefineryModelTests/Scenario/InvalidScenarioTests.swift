import Foundation
import Testing
@testable import RefineryModel

/// Every rule has an invalid example in data/invalid/, and each fails with its message.
@Suite struct InvalidScenarioTests {
    static let expected: [String: String] = {
        let url = DataFiles.data.appendingPathComponent("invalid/EXPECTED.json")
        guard let data = try? Data(contentsOf: url),
              let table = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return table
    }()

    static var cases: [String] { expected.keys.sorted() }

    @Test func everyInvalidFileHasAnExpectation() {
        let files = Set(DataFiles.files(in: "invalid").map { $0.deletingPathExtension().lastPathComponent }).subtracting(["EXPECTED"])
        #expect(!files.isEmpty)
        #expect(files == Set(Self.expected.keys))
    }

    @Test(arguments: cases)
    func invalidExampleFailsWithItsMessage(name: String) throws {
        let url = DataFiles.data.appendingPathComponent("invalid/\(name).json")
        do {
            _ = try ScenarioLoader.load(contentsOf: url)
            Issue.record("\(name) loaded without error")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains(Self.expected[name]!), "got: \(messages)")
        }
    }

    @Test func validationCollectsEveryProblem() throws {
        var scenario = Scenario.senouBase
        scenario.plant.stages[0].units = 0
        scenario.plant.stages[1].availability = 1.5
        scenario.intake.sources[0].assay.gold = -0.1
        scenario.horizon.years = 0
        let problems = ScenarioValidator.problems(in: scenario).map(\.description)
        #expect(problems.contains("plant.stages[0].units: 0 is not a number of units in 1...10000"))
        #expect(problems.contains("plant.stages[1].availability: 1.5 is not a fraction in [0.01, 1] (a stage available less than 1% of its hours is not part of the plant)"))
        #expect(problems.contains("intake.sources[0].assay.gold: -0.1 is not a fraction in (0, 1]"))
        #expect(problems.contains("horizon.years: 0 is not a number of years in 1...100"))
    }

    @Test func malformedInputNeverCrashes() {
        let samples = ["", " ", "{", "[", "nul", "{\"a\":}", "{\"a\" 1}", "[1,]", "\"\\u12\"", "\"\\ud800\"", "01", "1.", "-",
                       "{\"schemaVersion\": 1}", "[]", "42", String(repeating: "[", count: 100_000), "\u{FEFF}{}",
                       "{\"name\": \"\\u0000\"}", String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)]
        for sample in samples {
            #expect(throws: ScenarioError.self) { try ScenarioLoader.load(data: Data(sample.utf8)) }
        }
    }

    @Test func truncationsOfAValidFileFailCleanly() throws {
        let text = Array(EmbeddedData.scenarios["senou-base"]!.utf8)
        for length in stride(from: 0, to: text.count - 2, by: max(1, text.count / 300)) {
            #expect(throws: ScenarioError.self) { try ScenarioLoader.load(data: Data(text[0..<length])) }
        }
    }

    /// A very large file (2·10⁵ lots here; `refinery-cli bench scenario` loads 10⁶ in a release
    /// build) is parsed and checked without crashing, and one bad value at its very end is found.
    @Test func hugeLotFileIsHandled() throws {
        let lot = #"{"id":"L%d","kind":"dore","arrival":"2027-05-01","grossMassKg":20,"assay":{"gold":0.88,"silver":0.08}}"#
        var lots: [String] = []
        lots.reserveCapacity(200_000)
        for i in 0..<199_999 { lots.append(lot.replacingOccurrences(of: "%d", with: String(i))) }
        lots.append(#"{"id":"last","kind":"dore","arrival":"2027-05-01","grossMassKg":20,"assay":{"gold":1.5,"silver":0.08}}"#)
        var document = try JSONParser.parse(Array(EmbeddedData.scenarios["senou-base"]!.utf8))
        guard case var .object(members) = document, let intakeIndex = members.firstIndex(where: { $0.key == "intake" }),
              case var .object(intake) = members[intakeIndex].value else {
            Issue.record("unexpected document shape")
            return
        }
        let parsedLots = try JSONParser.parse(Array(("[" + lots.joined(separator: ",") + "]").utf8))
        intake.append((key: "lots", value: parsedLots))
        members[intakeIndex].value = .object(intake)
        document = .object(members)
        do {
            _ = try ScenarioLoader.load(data: Data(document.serialized().utf8))
            Issue.record("the bad lot was not found")
        } catch {
            #expect(error.problems.map(\.description) == [
                "intake.lots[199999].assay.gold: 1.5 is not a fraction in (0, 1]",
                "intake.lots[199999].assay: {gold 1.5, silver 0.08} has parts that sum to 1.58, above 1",
            ])
        }
    }
}
