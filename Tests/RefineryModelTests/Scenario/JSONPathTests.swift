import Foundation
import Testing
@testable import RefineryModel

@Suite struct JSONPathTests {
    @Test func parsesAndPrintsEveryComponentKind() throws {
        let path = try JSONPath(parsing: "plant.stages[3].recovery.gold")
        #expect(path.components == [.key("plant"), .key("stages"), .index(3), .key("recovery"), .key("gold")])
        #expect(path.description == "plant.stages[3].recovery.gold")
        let byID = try JSONPath(parsing: "plant.stages[id=melt-sample].units")
        #expect(byID.components == [.key("plant"), .key("stages"), .match(key: "id", value: "melt-sample"), .key("units")])
        #expect(byID.description == "plant.stages[id=melt-sample].units")
        #expect(try JSONPath(parsing: "[0][1]").components == [.index(0), .index(1)])
    }

    @Test(arguments: [
        ("", "is empty; write a path such as plant.stages[0].units"),
        ("a..b", "has an empty name before a '.'"),
        (".a", "has an empty name before a '.'"),
        ("a.", "ends with '.'"),
        ("a[1", "has a '[' without its ']'"),
        ("a]", "has a ']' without its '['"),
        ("a[-1]", "has '[-1]'; an index is a whole number from 0, or write [key=value]"),
        ("a[x]", "has '[x]'; an index is a whole number from 0, or write [key=value]"),
        ("a[=x]", "has '[=x]'; write [N] or [key=value], such as [id=miller]"),
        ("a[0]b", "needs a '.' before 'b'"),
        ("a b", "has 'a b', which is not a field name (letters, digits, _, -, $)"),
    ])
    func rejectsMalformedPaths(text: String, message: String) {
        #expect(throws: JSONPathError(path: text, message: message)) { try JSONPath(parsing: text) }
    }

    static let document = try! JSONParser.parse(Array(#"{"a": {"list": [{"id": "x", "n": 1}, {"id": "y", "n": 2}]}, "s": "t"}"#.utf8))

    @Test func setsExistingValuesAndAddsALastKey() throws {
        let doc = Self.document
        let changed = try doc.setting(.number(5), at: JSONPath(parsing: "a.list[1].n"))
        #expect(changed.value(at: try JSONPath(parsing: "a.list[1].n")) == .number(5))
        #expect(changed.value(at: try JSONPath(parsing: "a.list[0].n")) == .number(1))
        let byID = try doc.setting(.bool(true), at: JSONPath(parsing: "a.list[id=y].n"))
        #expect(byID.value(at: try JSONPath(parsing: "a.list[1].n")) == .bool(true))
        let added = try doc.setting(.string("new"), at: JSONPath(parsing: "a.list[0].extra"))
        #expect(added.serialized() == #"{"a":{"list":[{"id":"x","n":1,"extra":"new"},{"id":"y","n":2}]},"s":"t"}"#)
        #expect(doc.value(at: try JSONPath(parsing: "a.nothing")) == nil)
    }

    @Test func missingPathsNameTheDeepestPartThatFails() throws {
        let doc = Self.document
        #expect(throws: JSONPathError(path: "a.lists", message: "does not exist (fields here: list)")) {
            try doc.setting(.null, at: JSONPath(parsing: "a.lists[0].n"))
        }
        #expect(throws: JSONPathError(path: "a.list[2]", message: "does not exist: a.list has 2 elements (indices 0...1)")) {
            try doc.setting(.null, at: JSONPath(parsing: "a.list[2].n"))
        }
        #expect(throws: JSONPathError(path: "a.list[id=z]", message: "matches no element of a.list (id values: x, y)")) {
            try doc.setting(.null, at: JSONPath(parsing: "a.list[id=z].n"))
        }
        #expect(throws: JSONPathError(path: "s.x", message: "does not exist: s is a string, not an object")) {
            try doc.setting(.null, at: JSONPath(parsing: "s.x"))
        }
        #expect(throws: JSONPathError(path: "a[0]", message: "does not exist: a is an object, not an array")) {
            try doc.setting(.null, at: JSONPath(parsing: "a[0]"))
        }
    }

    @Test func commandLineValuesAreJSONWhenTheyParse() {
        #expect(JSONValue(commandLineText: "0.51") == .number(0.51))
        #expect(JSONValue(commandLineText: "true") == .bool(true))
        #expect(JSONValue(commandLineText: "null") == .null)
        #expect(JSONValue(commandLineText: "[1, 2]") == .array([.number(1), .number(2)]))
        #expect(JSONValue(commandLineText: #""2""#) == .string("2"))
        #expect(JSONValue(commandLineText: "my-run") == .string("my-run"))
        #expect(JSONValue(commandLineText: "") == .string(""))
    }

    @Test func overridesParseAndSplitAtTheFirstEqualsOutsideBrackets() throws {
        let override = try ScenarioOverride(parsing: "plant.stages[id=miller].units=3")
        #expect(override.path.description == "plant.stages[id=miller].units" && override.value == .number(3))
        #expect(try ScenarioOverride(parsing: "name=a=b").value == .string("a=b"))
        #expect(throws: JSONPathError(path: "units", message: "is not PATH=VALUE (no '='), e.g. plant.stages[0].units=2")) {
            try ScenarioOverride(parsing: "units")
        }
        #expect(throws: JSONPathError(path: "", message: "is empty; write a path such as plant.stages[0].units")) {
            try ScenarioOverride(parsing: "=3")
        }
    }

    @Test func overriddenScenariosAreCheckedLikeFiles() throws {
        let base = try ScenarioLoader.embeddedDocument(named: "senou-base")
        let twoMillers = try ScenarioLoader.load(json: base, overrides: [try ScenarioOverride(parsing: "plant.stages[id=miller].units=2")])
        #expect(twoMillers.plant.stages.first { $0.id == "miller" }?.units == 2)
        func problems(_ assignments: [String]) throws -> [String] {
            let overrides = try assignments.map { try ScenarioOverride(parsing: $0) }
            do {
                _ = try ScenarioLoader.load(json: base, overrides: overrides)
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        #expect(try problems(["plant.stages[id=miller].units=0"]) == ["plant.stages[3].units: 0 is not a number of units in 1...10000"])
        #expect(try problems(["plant.stages[id=miller].units=1.5"]) == ["plant.stages[3].units: 1.5 is not a whole number in 1...10000"])
        #expect(try problems(["plant.stages[id=miller].units=two"]) == [#"plant.stages[3].units: "two" is a string; expected a whole number"#])
        #expect(try problems(["plant.colour=red"]).first?.hasPrefix("plant.colour: is not a known field") == true)
        #expect(try problems(["plant.stagez[0].units=1", "horizon.years[0]=1"]) == [
            "plant.stagez: does not exist (fields here: nameplateTonnesPerYear, calendar, stages, routes, byproductStage, expansions), so it cannot be set",
            "horizon.years[0]: does not exist: horizon.years is a number, not an array, so it cannot be set",
        ])
    }
}
