import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// `refinery-cli init FILE [--from NAME]`: a complete scenario to start from, with every
/// figure's basis, that validates as written and round-trips (issue 12, item 5).
@Suite(.enabled(if: Subprocess.binary != nil, "the refinery-cli binary is not built"))
struct InitTests {
    @Test(arguments: Scenario.embeddedNames)
    func writesTheEmbeddedScenarioThatValidatesAndRoundTrips(name: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("start.json")
        let written = try Subprocess.cli(["init", file, "--from", name])
        #expect(written.status == 0 && written.out.isEmpty && written.err.hasPrefix("Wrote \(file) (the embedded scenario \(name))"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Exactly the repository's file, and standard output gives the same bytes.
        let original = try String(contentsOfFile: Paths.data("scenarios/\(name).json"), encoding: .utf8)
        #expect(text == original)
        #expect(try Subprocess.cli(["init", "-", "--from", name]).out == text)
        // It validates as written, loads into the embedded scenario, and runs to the same results.
        let validate = try Subprocess.cli(["validate", file])
        #expect(validate.status == 0 && validate.out.hasPrefix("\(file): valid scenario '\(name)'"))
        let loaded = try ScenarioLoader.load(data: Data(text.utf8))
        #expect(loaded == (try ScenarioLoader.embedded(named: name)))
        let fromFile = try Subprocess.cli(["run", file, "--no-schedule", "--format", "csv"])
        let embedded = try Subprocess.cli(["run", "--scenario", name, "--no-schedule", "--format", "csv"])
        #expect(fromFile.status == 0 && fromFile.out == embedded.out)
        // Complete: every section, economics and ownership included, and a basis wherever the schema takes one.
        let document = try ScenarioLoader.document(data: Data(text.utf8))
        for section in ["horizon", "intake", "plant", "economics", "ownership"] { #expect(document[section] != nil, "\(name) has no \(section)") }
        let schema = try ScenarioLoader.document(data: Data(JSONSchemas.scenarioText.utf8))
        var missing: [String] = []
        Self.basesMissing(in: document, schema: schema, root: schema, path: "", into: &missing)
        #expect(missing.isEmpty, "\(name): no basis at \(missing)")
        // The check sees a basis that is missing or empty.
        let stripped = try document.setting(.string(" "), at: JSONPath(parsing: "intake.sources[0].basis"))
            .setting(.string(""), at: JSONPath(parsing: "ownership.basis"))
        Self.basesMissing(in: stripped, schema: schema, root: schema, path: "", into: &missing)
        #expect(missing == ["intake.sources[0]", "ownership"])
    }

    @Test func refusesToReplaceAFileUnlessForced() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("mine.json")
        try Data("my work".utf8).write(to: URL(fileURLWithPath: file))
        let refused = try Subprocess.cli(["init", file])
        #expect(refused.status == 73 && refused.err == "Error: cannot write \(file): it already exists and is left as it is (--force replaces it)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "my work")
        let link = scratch.file("link.json")
        #expect(symlink("nowhere.json", link) == 0)
        #expect(try Subprocess.cli(["init", link]).status == 73 && !FileManager.default.fileExists(atPath: scratch.file("nowhere.json")))
        let forced = try Subprocess.cli(["init", file, "--force", "--from", "stress-300t"])
        let replaced = try String(contentsOfFile: file, encoding: .utf8)
        #expect(forced.status == 0 && replaced.contains(#""name": "stress-300t""#))
        #expect(scratch.temporaryFiles().isEmpty)
    }

    @Test func refusesAnUnknownScenarioWithASuggestion() throws {
        let unknown = try Subprocess.cli(["init", "-", "--from", "senou-bas"])
        #expect(unknown.status == 64 && unknown.out.isEmpty)
        #expect(unknown.err.hasPrefix("Error: option '--from': 'senou-bas' is not an embedded scenario (did you mean 'senou-base'?); available: senou-base,"))
        let missing = try Subprocess.cli(["init"])
        #expect(missing.status == 64 && missing.err.hasPrefix("Error: missing argument FILE\nUsage: refinery-cli init FILE [--from NAME] [--force]"))
    }

    /// The DocC data-format page names every field of the scenario schema, `economics` and
    /// `ownership` included, each in backticks.
    @Test func theDataFormatPageCoversEverySection() throws {
        let page = try String(contentsOf: Paths.root.appendingPathComponent("Sources/RefineryModel/RefineryModel.docc/DataFormat.md"), encoding: .utf8)
        let schema = try ScenarioLoader.document(data: Data(JSONSchemas.scenarioText.utf8))
        var names = Set<String>()
        func collect(_ node: JSONValue) {
            switch node {
            case let .object(members):
                for (key, value) in members {
                    if key == "properties", case let .object(properties) = value { names.formUnion(properties.map(\.key)) }
                    collect(value)
                }
            case let .array(items): items.forEach(collect)
            default: break
            }
        }
        collect(schema)
        #expect(names.isSuperset(of: ["economics", "ownership", "holders", "uncertainties", "counterfactual", "dividendsFrom"]))
        let missing = names.filter { !page.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "DataFormat.md does not name \(missing)")
        #expect(page.contains("### Economics") && page.contains("### Ownership") && page.contains("refinery-cli init"))
    }

    /// The JSON paths of the objects in `node` whose schema has a `basis` property and that have
    /// no non-empty one, following `properties`, `items`, `additionalProperties` and `$ref`.
    static func basesMissing(in node: JSONValue, schema: JSONValue, root: JSONValue, path: String, into missing: inout [String]) {
        var schema = schema
        while case let .string(reference)? = schema["$ref"], reference.hasPrefix("#/$defs/"),
              let resolved = root["$defs"]?[String(reference.dropFirst("#/$defs/".count))] {
            schema = resolved
        }
        switch node {
        case let .object(members):
            let properties = schema["properties"]
            if properties?["basis"] != nil {
                if case let .string(basis)? = node["basis"], !basis.trimmingCharacters(in: .whitespaces).isEmpty {} else { missing.append(path.isEmpty ? "(root)" : path) }
            }
            for (key, value) in members {
                let child = properties?[key] ?? schema["additionalProperties"]
                if let child { basesMissing(in: value, schema: child, root: root, path: path.isEmpty ? key : "\(path).\(key)", into: &missing) }
            }
        case let .array(items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { basesMissing(in: item, schema: itemSchema, root: root, path: "\(path)[\(index)]", into: &missing) }
            }
        default:
            break
        }
    }
}
