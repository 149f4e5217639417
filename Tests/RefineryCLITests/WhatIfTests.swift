import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// --set, sweep, compare and schema, run in-process.
@Suite struct WhatIfTests {
    func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func setChangesTheEffectiveScenarioInTheReport() throws {
        let run = runCLI(["run", "--format", "json", "--set", "plant.calendar.shiftsPerDay=3", "--set", "description=what if three shifts"])
        #expect(run.status == .success && run.err.isEmpty)
        let report = try json(run.out)
        #expect(report.value(at: try JSONPath(parsing: "scenario.plant.calendar.shiftsPerDay")) == .number(3))
        #expect(report.value(at: try JSONPath(parsing: "scenario.description")) == .string("what if three shifts"))
        let base = try json(runCLI(["run", "--format", "json"]).out)
        let capacity = try JSONPath(parsing: "throughput.years[3].sustainableIntakeTonnes")
        guard case let .number(more)? = report.value(at: capacity), case let .number(less)? = base.value(at: capacity) else {
            Issue.record("no capacity in the report"); return
        }
        #expect(abs(more / less - 1.5) < 1e-9, "three shifts instead of two: 1.5 times the capacity")
    }

    @Test(arguments: [
        (["run", "--set", "plant..units=2"], refinery_cli.ExitStatus.usage, "Error: option '--set': 'plant..units' has an empty name before a '.'\n"),
        (["run", "--set", "units"], .usage, "Error: option '--set': 'units' is not PATH=VALUE (no '='), e.g. plant.stages[0].units=2\n"),
        (["run", "--set", "plant.stages[id=miller].units=0"], .invalidData,
         "Error: invalid scenario (1 problem):\n  plant.stages[3].units: 0 is not a number of units in 1...10000\n"),
        (["run", "--set", "plant.stages[9].units=2"], .invalidData,
         "Error: invalid scenario (1 problem):\n  plant.stages[9]: does not exist: plant.stages has 7 elements (indices 0...6), so it cannot be set\n"),
        (["run", "--set", "plant.calendar.shiftsPerDay=two"], .invalidData,
         "Error: invalid scenario (1 problem):\n  plant.calendar.shiftsPerDay: \"two\" is a string; expected a number\n"),
        (["validate", Paths.data("scenarios/senou-base.json"), "--set", "horizon.colour=1"], .invalidData,
         "Error: invalid scenario (1 problem):\n  horizon.colour: is not a known field (allowed here: firstYear, years)\n"),
    ])
    func setErrorsNameThePath(arguments: [String], status: refinery_cli.ExitStatus, error: String) {
        let run = runCLI(arguments)
        #expect(run.status == status)
        #expect(run.err == error)
        #expect(run.out.isEmpty)
    }

    @Test func validateAcceptsSet() {
        let run = runCLI(["validate", Paths.data("invalid/zero-units.json"), "--set", "plant.stages[3].units=1"])
        #expect(run.status == .success && run.out.contains("valid scenario"))
    }

    // Without the campaign schedule: these tests are about the grid (18 runs in a debug build).
    static let sweepArguments = ["sweep", "--vary", "plant.calendar.shiftsPerDay=1:3:3", "--vary", "plant.stages[id=melt-sample].cycleHours=[2,4]", "--no-schedule"]

    @Test func sweepRowsComeInGridOrderWhateverTheParallelism() throws {
        let csv = runCLI(Self.sweepArguments + ["--format", "csv"])
        #expect(csv.status == .success && csv.err.isEmpty)
        let lines = csv.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("plant.calendar.shiftsPerDay,plant.stages[id=melt-sample].cycleHours,refinedGoldTonnes,"))
        #expect(lines[1...].map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == ["1,2", "1,4", "2,2", "2,4", "3,2", "3,4"])
        #expect(runCLI(Self.sweepArguments + ["--format", "csv", "--jobs", "1"]).out == csv.out)
        #expect(runCLI(Self.sweepArguments + ["--format", "csv", "--jobs", "6"]).out == csv.out)
        // The point with two shifts and a 2-hour cycle is the default scenario.
        let base = KeyResults.of(try ScenarioRun.perform(Scenario.senouBase))
        let capacity = base.first { $0.id == "bottleneckCapacityTonnesPerYear" }!.json.serialized()
        let header = lines[0].split(separator: ",").map(String.init)
        let column = header.firstIndex(of: "bottleneckCapacityTonnesPerYear")!
        #expect(lines[3].split(separator: ",").map(String.init)[column] == capacity)
    }

    @Test func sweepWritesJSONLinesAndTables() throws {
        let lines = runCLI(Self.sweepArguments + ["--format", "json", "--metrics", "bottleneck,refinedGoldTonnes"]).out.split(separator: "\n")
        #expect(lines.count == 6)
        let first = try json(String(lines[0]))
        #expect(first["point"] == .number(1))
        #expect(first["set"]?.serialized(sortedKeys: true) == #"{"plant.calendar.shiftsPerDay":1,"plant.stages[id=melt-sample].cycleHours":2}"#)
        #expect(first["results"]?["bottleneck"] == .string("melt-sample"))
        let table = runCLI(Self.sweepArguments)
        try Golden.check(table.out, "sweep.txt")
    }

    @Test(arguments: [
        (["sweep"], refinery_cli.ExitStatus.usage, "Error: give at least one --vary PATH=FROM:TO:STEPS"),
        (["sweep", "--vary", "plant.calendar.shiftsPerDay=1:3"], .usage,
         "Error: option '--vary': 'plant.calendar.shiftsPerDay=1:3' is not PATH=FROM:TO:STEPS with numbers FROM and TO (e.g. units=1:4:4)"),
        (["sweep", "--vary", "plant.calendar.shiftsPerDay=1:3:0"], .usage,
         "Error: option '--vary': 'plant.calendar.shiftsPerDay=1:3:0' has STEPS '0'; it is the number of values, a whole number in 1...100000"),
        (["sweep", "--vary", "plant.calendar.shiftsPerDay=1:3:1"], .usage,
         "Error: option '--vary': 'plant.calendar.shiftsPerDay=1:3:1' has 1 step from 1 to 3; use at least 2 steps, or FROM = TO"),
        (["sweep", "--vary", "a=[]"], .usage, "Error: option '--vary': 'a=[]' has an empty list of values"),
        (["sweep", "--vary", "a[=1:2:2"], .usage, "Error: option '--vary': 'a[' has a '[' without its ']'"),
        (["sweep", "--vary", "a=1:2:1000", "--vary", "b=1:2:1000"], .usage, "Error: the grid has 1,000,000 points; at most 100,000 are run"),
        (["sweep", "--vary", "a=1,2", "--metrics", "refinedGold"], .usage, "Error: option '--metrics': 'refinedGold' is not a key result; available: refinedGoldTonnes,"),
        (["sweep", "--vary", "a=1,2", "--jobs", "0"], .usage, "Error: option '--jobs': 0 is outside 1...1024"),
        (["sweep", "--vary", "a=1,2", "--format", "xml"], .usage, "Error: option '--format': 'xml' is not one of text, csv, json"),
        (["sweep", "/nonexistent.json", "--vary", "a=1,2"], .noInput, "Error: cannot read /nonexistent.json: no such file or directory\n"),
    ])
    func sweepErrors(arguments: [String], status: refinery_cli.ExitStatus, error: String) {
        let run = runCLI(arguments)
        #expect(run.status == status)
        #expect(run.err.hasPrefix(error), "\(run.err)")
        #expect(run.out.isEmpty)
    }

    /// A point that fails is a row with its error; the others are computed; the exit status
    /// says some failed (65: invalid data) and stderr names each problem by point.
    @Test(arguments: [
        (["sweep", "--vary", "plant.stages[id=miller].units=1:2:3", "--no-schedule"],
         "Error: invalid scenario (1 problem):\n  point 2 (plant.stages[id=miller].units=1.5): plant.stages[3].units: 1.5 is not a whole number in 1...10000\n", [false, true, false]),
        (["sweep", "--vary", "plant.nope.x=1,2", "--no-schedule"],
         "Error: invalid scenario (2 problems):\n  point 1 (plant.nope.x=1): plant.nope: does not exist", [true, true]),
    ])
    func failingPointsAreRowsWithTheirErrors(arguments: [String], error: String, failing: [Bool]) throws {
        let run = runCLI(arguments + ["--format", "csv"])
        #expect(run.status == .invalidData)
        #expect(run.err.hasPrefix(error), "\(run.err)")
        #expect(run.err.hasSuffix("sweep: \(failing.filter { $0 }.count) of \(failing.count) points failed; their rows carry the error\n"))
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.count == failing.count + 1 && lines[0].hasSuffix(",error"))
        for (line, fails) in zip(lines.dropFirst(), failing) {
            #expect(line.hasSuffix(",") != fails, "\(line)")
            #expect(line.contains("invalid scenario: plant.") == fails, "\(line)")
        }
        let json = runCLI(arguments + ["--format", "json"])
        #expect(json.status == .invalidData)
        let rows = try json.out.split(separator: "\n").map { try self.json(String($0)) }
        #expect(rows.map { $0["point"] } == (1...failing.count).map { .number(Double($0)) })
        for (row, fails) in zip(rows, failing) {
            #expect((row["error"] != nil) == fails && (row["results"] != nil) == !fails)
            if fails {
                #expect(row["error"]?["invalidData"] == .bool(true))
                guard case let .array(problems)? = row["error"]?["problems"] else { Issue.record("no problems"); continue }
                #expect(problems.first?["path"].map { if case let .string(path) = $0 { path.hasPrefix("plant.") } else { false } } == true)
            }
        }
    }

    @Test func compareShowsDeltas() throws {
        let same = try json(runCLI(["compare", "senou-base", "senou-base", "--format", "json"]).out)
        guard case let .array(metrics)? = same["metrics"] else { Issue.record("no metrics"); return }
        #expect(metrics.count == KeyResults.catalog.count)
        for metric in metrics where metric["delta"] != .null { #expect(metric["delta"] == .number(0)) }

        let shifts = try json(runCLI(["compare", Paths.data("scenarios/senou-base.json"), "--set-b", "plant.calendar.shiftsPerDay=3", "--format", "json"]).out)
        let capacity = try #require(shifts["metrics"].flatMap { list -> JSONValue? in
            guard case let .array(items) = list else { return nil }
            return items.first { $0["id"] == .string("bottleneckCapacityTonnesPerYear") }
        })
        guard case let .number(a)? = capacity["a"], case let .number(b)? = capacity["b"], case let .number(delta)? = capacity["delta"] else {
            Issue.record("missing numbers"); return
        }
        #expect(abs(b / a - 1.5) < 1e-9 && abs(delta - (b - a)) < 1e-9)
        #expect(shifts["b"]?["label"] == .string("\(Paths.data("scenarios/senou-base.json")) plant.calendar.shiftsPerDay=3"))

        let text = runCLI(["compare", "senou-base", "mali-own-supply"])
        #expect(text.status == .success && text.err.isEmpty)
        try Golden.check(text.out, "compare.txt")
        let csv = runCLI(["compare", "senou-base", "mali-own-supply", "--format", "csv"]).out
        #expect(csv.hasPrefix("metric,unit,a,b,delta\nrefinedGoldTonnes,t,"))
        #expect(csv.contains("\nbottleneck,,melt-sample,premelt,\n"))
    }

    @Test func compareErrors() {
        let missing = runCLI(["compare", "senou-base", "/nonexistent.json"])
        #expect(missing.status == .noInput && missing.err == "Error: cannot read /nonexistent.json: no such file or directory\n")
        let invalid = runCLI(["compare", "senou-base", "--set-b", "plant.calendar.shiftsPerDay=0"])
        #expect(invalid.status == .invalidData && invalid.err.contains("plant.calendar.shiftsPerDay: 0"))
        let usage = runCLI(["compare"])
        #expect(usage.status == .usage && usage.err.hasPrefix("Error: missing argument A (a scenario file or name, or --scenario NAME)\n"))
        let badSet = runCLI(["compare", "senou-base", "--set-a", "x"])
        #expect(badSet.status == .usage && badSet.err.hasPrefix("Error: option '--set-a': 'x' is not PATH=VALUE"))
    }

    @Test func schemaPrintsTheFiles() throws {
        for name in ["scenario", "report", "value", "schedule", "compare", "sweep", "plant-state"] {
            let run = runCLI(["schema", name])
            #expect(run.status == .success && run.err.isEmpty)
            #expect(run.out == (try String(contentsOfFile: Paths.data("schema/\(name).schema.json"), encoding: .utf8)))
        }
        #expect(runCLI(["schema", "run"]).out == runCLI(["schema", "report"]).out)
        let unknown = runCLI(["schema", "lots"])
        #expect(unknown.status == .usage && unknown.err.hasPrefix(
            "Error: unknown schema 'lots'; available: scenario, report, value, schedule, compare, sweep, plant-state (run is report)\n"))
        let nearMiss = runCLI(["schema", "vlaue"])
        #expect(nearMiss.status == .usage && nearMiss.err.hasPrefix("Error: unknown schema 'vlaue' (did you mean 'value'?); available:"))
    }

    /// Real reports, with and without lots, for every embedded scenario and an overridden one,
    /// are valid against report.schema.json, and their scenario against scenario.schema.json.
    @Test(arguments: Scenario.embeddedNames)
    func reportsMatchTheReportSchema(name: String) throws {
        // Lots and batches make large reports: include them for the default only (debug builds
        // are slow). The time limit bounds stress-300t's campaign, which cannot reach its gap.
        let variants = [[], ["--set", "plant.calendar.shiftsPerDay=1", "--no-schedule"]]
            + (name == Scenario.defaultName ? [["--include-lots", "--include-batches", "--timings"]] : [])
        for extra in variants {
            let run = runCLI(["run", "--scenario", name, "--format", "json", "--time-limit", "2"] + extra)
            #expect(run.status == .success)
            let report = try json(run.out)
            #expect(SchemaValidator(schema: JSONSchemas.report).problems(in: report) == [])
            #expect(SchemaValidator(schema: JSONSchemas.scenario).problems(in: report["scenario"] ?? .null) == [])
        }
    }

    @Test func theReportSchemaCatchesMistakes() throws {
        let report = try json(runCLI(["run", "--format", "json"]).out)
        let validator = SchemaValidator(schema: JSONSchemas.report)
        let noGold = try report.setting(.string("lots"), at: JSONPath(parsing: "throughput.years[0].gold"))
        #expect(validator.problems(in: noGold).map(\.description) == [#"throughput.years[0].gold: "lots" is a string; expected an object"#])
        let extra = try report.setting(.number(1), at: JSONPath(parsing: "throughput.years[2].stages[0].speed"))
        #expect(validator.problems(in: extra).first?.description.hasPrefix("throughput.years[2].stages[0].speed: is not a known field") == true)
        let version = try report.setting(.number(1), at: JSONPath(parsing: "schemaVersion"))
        #expect(validator.problems(in: version).map(\.description) == ["schemaVersion: 1 must be 2"])
        let status = try report.setting(.string("great"), at: JSONPath(parsing: "schedule.status"))
        #expect(validator.problems(in: status).first?.description.hasPrefix(#"schedule.status: "great""#) == true)
        let method = try report.setting(.number(1), at: JSONPath(parsing: "solver.method"))
        #expect(validator.problems(in: method).map(\.description) == ["solver.method: 1 is a number; expected a string"])
        let month = try report.setting(.number(1), at: JSONPath(parsing: "schedule.months[0].rainfall"))
        #expect(validator.problems(in: month).first?.description.hasPrefix("schedule.months[0].rainfall: is not a known field") == true)
    }

    @Test func textReportsMatchTheirGoldenFiles() throws {
        try Golden.check(runCLI([]).out, "run-senou-base.txt")
        // stress-300t's campaign stops at its time limit, so its figures vary: without it here.
        try Golden.check(runCLI(["--scenario", "stress-300t", "--no-schedule"]).out, "run-stress-300t.txt")
        try Golden.check(runCLI(["schedule", "--year", "2030", "--days", "4"]).out, "schedule-detailed.txt")
        try Golden.check(runCLI(["run", "--format", "csv"]).out, "run-senou-base.csv")
        for command in ["run", "schedule", "value", "validate", "sweep", "compare", "init", "schema"] {
            try Golden.check(runCLI([command, "--help"]).out, "help-\(command).txt")
        }
    }

    @Test func everyCommandHasHelpThatDocumentsExitStatuses() {
        for command in RefineryCLI.commands {
            let help = runCLI(["help", command.spec.name])
            #expect(help.status == .success && help.out.contains(command.spec.usage) && help.out.contains("65  invalid input data"))
            for option in command.spec.options { #expect(help.out.contains("--\(option.long)")) }
        }
    }

    @Test func runAcceptsTheSolverOptions() {
        #expect(runCLI(["run", "--time-limit", "5", "--seed", "7", "--verbose"]).status == .success)
        #expect(runCLI(["run", "--time-limit", "0"]).err.hasPrefix("Error: option '--time-limit': 0 is outside 0.1...86400.0"))
        #expect(runCLI(["run", "--seed", "-1"]).err.hasPrefix("Error: option '--seed': -1 is outside 0...\(Int.max)"))
        #expect(runCLI(["run", "--seed", "x"]).err.hasPrefix("Error: option '--seed': 'x' is not a whole number"))
        #expect(runCLI(["run", "a.json", "--scenario", "stress-300t"]).err == "Error: give a scenario file or --scenario, not both\n")
    }
}

@Suite struct SweepProgressTests {
    @Test func progressIsDrawnOnlyOnATerminal() {
        let capture = Capture()
        let terminal = Console(out: { capture.appendOut($0) }, error: { capture.appendErr($0) }, errorIsTerminal: true)
        let status = RefineryCLI.run(arguments: ["sweep", "--vary", "plant.calendar.shiftsPerDay=1,2,3", "--format", "csv"], console: terminal)
        let (out, err) = capture.texts
        #expect(status == .success)
        #expect(err.contains("\r\u{1B}[Ksweep: 3/3 points, ") && err.hasSuffix("\r\u{1B}[K"))
        #expect(out.split(separator: "\n").count == 4 && !out.contains("sweep:"))
    }

    @Test func aSweepWithAFailingPointStillWritesEveryRow() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let failed = runCLI(["sweep", "--vary", "plant.stages[id=miller].units=0,1", "--format", "csv", "--no-schedule", "--output", path])
        #expect(failed.status == .invalidData && failed.out.isEmpty && failed.err.hasPrefix("Wrote \(path)\nError: invalid scenario (1 problem):\n  point 1 "))
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 3 && rows[1].hasPrefix("0,,") && rows[1].contains("invalid scenario: ") && rows[2].hasPrefix("1,") && rows[2].hasSuffix(","))
        let written = runCLI(["sweep", "--vary", "plant.stages[id=miller].units=1,2", "--format", "csv", "--output", path])
        #expect(written.status == .success && written.err == "Wrote \(path)\n" && written.out.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("plant.stages[id=miller].units,refinedGoldTonnes,"))
    }
}
