import Testing
@testable import refinery_cli

@Suite struct ArgumentParserTests {
    static let spec = CommandSpec(
        name: "demo", summary: "demo",
        options: [.value("format", "F", help: ""), .value("set", "P=V", repeatable: true, help: ""),
                  .flag("verbose", short: "v", help: ""), .value("output", short: "o", "FILE", help: "")],
        positionals: [PositionalSpec(name: "FILE", optional: true, help: "")])

    func parse(_ tokens: [String]) throws(UsageError) -> ParsedArguments {
        try ArgumentParser.parse(tokens, spec: Self.spec)
    }

    @Test func acceptsEveryShape() throws {
        let parsed = try parse(["a.json", "--format", "json", "--set=x=1", "--set", "y=2", "-v", "-o", "out.json"])
        #expect(parsed.positionals == ["a.json"])
        #expect(parsed.value("format") == "json")
        #expect(parsed.all("set") == ["x=1", "y=2"])
        #expect(parsed.has("verbose"))
        #expect(parsed.value("output") == "out.json")
        #expect(try parse(["--", "--format"]).positionals == ["--format"])
        #expect(try parse(["-"]).positionals == ["-"])
        #expect(try parse([]) == ParsedArguments())
    }

    @Test(arguments: [
        (["--frmat", "json"], "unknown option '--frmat' (did you mean '--format'?)"),
        (["--colour"], "unknown option '--colour'"),
        (["-x"], "unknown option '-x'"),
        (["--format"], "option '--format' needs a value (F)"),
        (["--format", "a", "--format", "b"], "option '--format' given more than once"),
        (["--verbose=yes"], "option '--verbose' takes no value"),
        (["a", "b"], "unexpected argument 'b'"),
    ])
    func rejectsWithAClearMessage(tokens: [String], message: String) {
        #expect(throws: UsageError(message: message, usage: Self.spec.usage)) { try parse(tokens) }
    }

    @Test func typedValuesNameTheOption() throws {
        let parsed = try parse(["--format", "x", "--output", "12"])
        #expect(throws: UsageError(message: "option '--format': 'x' is not a decimal number (e.g. 2.5)")) { try parsed.double("format") }
        #expect(throws: UsageError(message: "option '--output': 12 is outside 1...10")) { try parsed.integer("output", range: 1...10) }
        #expect(throws: UsageError(message: "option '--format': 'x' is not one of text, json, csv, html")) { try parsed.choice("format", as: OutputFormat.self) }
    }

    @Test func missingRequiredPositional() {
        var spec = Self.spec
        spec.positionals = [PositionalSpec(name: "SCENARIO.json", optional: false, help: "")]
        #expect(throws: UsageError(message: "missing argument SCENARIO.json", usage: spec.usage)) { try ArgumentParser.parse([], spec: spec) }
    }
}
