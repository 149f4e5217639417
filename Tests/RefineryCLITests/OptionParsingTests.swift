import Testing
@testable import refinery_cli
import RefineryModel

/// The typed options shared by commands, parsed in-process.
@Suite struct OptionParsingTests {
    func parsed(_ tokens: [String], spec: CommandSpec = RunCommand.spec) throws -> ParsedArguments {
        try ArgumentParser.parse(tokens, spec: spec)
    }

    @Test func variationsTakeRangesListsAndJSON() throws {
        #expect(try SweepCommand.Variation(parsing: "a.b=1:4:4").values == [1, 2, 3, 4].map { .number($0) })
        #expect(try SweepCommand.Variation(parsing: "a=0.1:0.3:3").values == [.number(0.1), .number(0.2), .number(0.3)])
        #expect(try SweepCommand.Variation(parsing: "a=-1:1:3").values == [.number(-1), .number(0), .number(1)])
        #expect(try SweepCommand.Variation(parsing: "a=5:5:1").values == [.number(5)])
        #expect(try SweepCommand.Variation(parsing: "a=x,2,true").values == [.string("x"), .number(2), .bool(true)])
        #expect(try SweepCommand.Variation(parsing: #"a=["x", 2]"#).values == [.string("x"), .number(2)])
        #expect(try SweepCommand.Variation(parsing: "a[id=k=v]=3").path.description == "a[id=k=v]")
        #expect(try SweepCommand.Variation(parsing: "a=7").values == [.number(7)])
        #expect(throws: UsageError(message: "option '--vary': 'a=1:x:3' is not PATH=FROM:TO:STEPS with numbers FROM and TO (e.g. units=1:4:4)", usage: SweepCommand.spec.usage)) {
            try SweepCommand.Variation(parsing: "a=1:x:3")
        }
        #expect(throws: UsageError(message: "option '--vary': 'a=1:2:2.5' has STEPS '2.5'; it is the number of values, a whole number in 1...100000", usage: SweepCommand.spec.usage)) {
            try SweepCommand.Variation(parsing: "a=1:2:2.5")
        }
    }

    @Test func gridsVaryTheFirstVariationSlowest() throws {
        let grid = SweepCommand.grid([try .init(parsing: "a=1,2"), try .init(parsing: "b=x,y,z")])
        #expect(grid.map(\.values) == [[1, "x"], [1, "y"], [1, "z"], [2, "x"], [2, "y"], [2, "z"]].map { $0.map { ($0 as? Int).map { JSONValue.number(Double($0)) } ?? .string($0 as! String) } })
        #expect(grid.map(\.index) == Array(0..<6))
    }

    @Test func runOptionsAndFormats() throws {
        let options = try RunOptions(try parsed(["--time-limit", "2.5", "--seed", "42", "--verbose"]))
        #expect(options == { var o = RunOptions(); o.timeLimit = 2.5; o.seed = 42; o.verbose = true; return o }())
        #expect(try RunOptions(try parsed([])) == RunOptions())
        #expect(throws: UsageError(message: "option '--time-limit': 'soon' is not a decimal number (e.g. 2.5)")) { try RunOptions(try parsed(["--time-limit", "soon"])) }
        #expect(try OutputFormat.parse(try parsed([]), allowed: [.csv, .text]) == .csv)
        #expect(try OutputFormat.parse(try parsed(["--format", "json"]), allowed: SweepCommand.formats) == .json)
        #expect(throws: UsageError(message: "option '--format': 'csv' is not one of text, json")) {
            try OutputFormat.parse(try parsed(["--format", "csv"]), allowed: [.text, .json])
        }
    }

    @Test func setOptionsParseIntoOverrides() throws {
        let overrides = try ScenarioInput.overrides(try parsed(["--set", "a.b=1", "--set", "c[0]=x"]))
        #expect(overrides.map(\.description) == ["a.b=1", #"c[0]="x""#])
        #expect(throws: UsageError(message: "option '--set': 'a[' has a '[' without its ']'")) { try ScenarioInput.overrides(try parsed(["--set", "a[=1"])) }
        #expect(throws: UsageError(message: "option '--metrics': give at least one key result", usage: SweepCommand.spec.usage)) {
            try SweepCommand.selectedMetrics(",", available: ["x"], default: [])
        }
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        #expect(CSV.render(header: ["a", "b"], rows: [["1,5", #"say "hi""#], ["plain", "line\nbreak"]])
                == "a,b\n\"1,5\",\"say \"\"hi\"\"\"\nplain,\"line\nbreak\"\n")
        #expect(CSV.cell(.null) == "" && CSV.cell(.number(0.5)) == "0.5" && CSV.cell(.string("t")) == "t")
    }

    @Test func textTablesAlignByColumnWhenAsked() {
        #expect(TextTable.render(header: ["name", "n"], rows: [["ab", "1"], ["c", "10"]], alignments: [.left, .right])
                == "name   n\n----  --\nab     1\nc     10\n")
    }
}
