import Foundation
import Testing
@testable import refinery_cli

/// The what-if commands through the built binary: stdout, stderr and exit status.
extension ExecutableTests {
    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func whatIfCommandsThroughTheBinary() throws {
        let set = try execute(["run", "--format", "csv", "--set", "plant.calendar.shiftsPerDay=3"])
        #expect(set.status == .success && set.err.isEmpty && set.out.contains("\nbottleneckCapacityTonnesPerYear,t/yr,335.49"))
        let badSet = try execute(["run", "--set", "plant.calendar"])
        #expect(badSet.status == .usage && badSet.out.isEmpty && badSet.err.hasPrefix("Error: option '--set': 'plant.calendar' is not PATH=VALUE"))
        let invalidSet = try execute(["run", "--set", "plant.calendar.shiftsPerDay=-1"])
        #expect(invalidSet.status == .invalidData && invalidSet.out.isEmpty && invalidSet.err.hasPrefix("Error: invalid scenario (1 problem):\n  plant.calendar.shiftsPerDay: -1"))

        let sweep = try execute(["sweep", "--vary", "plant.calendar.shiftsPerDay=1,2", "--format", "json", "--metrics", "bottleneckCapacityTonnesPerYear"])
        #expect(sweep.status == .success && sweep.err.isEmpty, "no progress when stderr is not a terminal")
        #expect(sweep.out.split(separator: "\n").count == 2 && sweep.out.hasPrefix(#"{"point":1,"results":{"bottleneckCapacityTonnesPerYear":111.8"#))
        let badSweep = try execute(["sweep", "--vary", "x=1:2:z"])
        #expect(badSweep.status == .usage && badSweep.out.isEmpty && badSweep.err.contains("Usage: refinery-cli sweep"))

        let compare = try execute(["compare", "senou-base", "stress-300t"])
        #expect(compare.status == .success && compare.err.isEmpty && compare.out.hasPrefix("A: senou-base (scenario senou-base)\nB: stress-300t"))
        let missing = try execute(["compare", "senou-base", "/nonexistent.json"])
        #expect(missing.status == .noInput && missing.out.isEmpty && missing.err == "Error: cannot read /nonexistent.json: no such file or directory\n")

        let schema = try execute(["schema", "report"])
        #expect(schema.status == .success && schema.out.contains(#""title": "refinery-cli run report""#))
        let help = try execute(["sweep", "--help"])
        #expect(help.status == .success && help.out.contains("EXIT STATUS") && help.err.isEmpty)
    }

    /// A scenario piped in on standard input (`-`), as another tool would produce it.
    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func scenarioFromStandardInput() throws {
        func pipe(_ input: String, _ arguments: [String]) throws -> CapturedRun {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary!)
            process.arguments = arguments
            let stdin = Pipe(), out = Pipe(), err = Pipe()
            process.standardInput = stdin
            process.standardOutput = out
            process.standardError = err
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CapturedRun(status: refinery_cli.ExitStatus(rawValue: process.terminationStatus) ?? .failure,
                               out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
        }
        let text = try String(contentsOfFile: Paths.data("scenarios/mali-own-supply.json"), encoding: .utf8)
        let valid = try pipe(text, ["validate", "-"])
        #expect(valid.status == .success && valid.out.hasPrefix("-: valid scenario 'mali-own-supply'"))
        let run = try pipe(text, ["run", "-", "--format", "csv"])
        let embedded = try execute(["run", "--scenario", "mali-own-supply", "--format", "csv"])
        #expect(run.status == .success && run.out == embedded.out)
        let broken = try pipe("{\"schemaVersion\": 1,", ["run", "-"])
        #expect(broken.status == .invalidData && broken.err.hasPrefix("Error: invalid scenario (1 problem):\n  not valid JSON: line 1"))
    }

    /// The JSON report read by another program: Python's jsonschema, when it is installed,
    /// checks real reports against the schema (an independent implementation of JSON Schema).
    @Test(.enabled(if: binary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func pythonJSONSchemaAcceptsRealReports() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.json").path
        #expect(try execute(["run", "--scenario", "stress-300t", "--format", "json", "--include-lots", "--output", report]).status == .success)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("skip: no jsonschema"); sys.exit(0)
            report = json.load(open(sys.argv[1]))
            for name, document in (("report", report), ("scenario", report["scenario"])):
                schema = json.load(open(sys.argv[2] + "/" + name + ".schema.json"))
                jsonschema.Draft202012Validator.check_schema(schema)
                jsonschema.Draft202012Validator(schema).validate(document)
            print("valid", len(report["throughput"]["lots"]), "lots")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, report, Paths.data("schema")]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(error)")
        #expect(output.hasPrefix("valid ") || output.hasPrefix("skip"), "\(output)\(error)")
    }
}
