import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// Runs commands in-process with a capturing console.
struct CapturedRun {
    var status: refinery_cli.ExitStatus
    var out: String
    var err: String
}

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    func appendOut(_ s: String) { lock.withLock { out += s } }
    func appendErr(_ s: String) { lock.withLock { err += s } }
    var texts: (String, String) { lock.withLock { (out, err) } }
}

func runCLI(_ arguments: [String]) -> CapturedRun {
    let capture = Capture()
    let console = Console(out: { capture.appendOut($0) }, error: { capture.appendErr($0) })
    let status = RefineryCLI.run(arguments: arguments, console: console)
    let (out, err) = capture.texts
    return CapturedRun(status: status, out: out, err: err)
}

enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func data(_ path: String) -> String { root.appendingPathComponent("data/\(path)").path }
}

@Suite struct CommandLineTests {
    @Test func versionAndHelp() {
        let version = runCLI(["--version"])
        #expect(version.status == .success && version.out.hasPrefix("refinery-cli \(RefineryCLI.version) (GLPK 5.") && version.err.isEmpty)
        let help = runCLI(["--help"])
        #expect(help.status == .success && help.out.contains("COMMANDS") && help.out.contains("64  usage error"))
        let runHelp = runCLI(["run", "--help"])
        #expect(runHelp.status == .success && runHelp.out.contains("--format FORMAT"))
        #expect(runCLI(["help", "validate"]).out.contains("SCENARIO.json"))
    }

    @Test func usageErrorsExit64WithTheUsageLine() {
        let unknown = runCLI(["frobnicate"])
        #expect(unknown.status == .usage && unknown.out.isEmpty)
        #expect(unknown.err.hasPrefix("Error: unknown command 'frobnicate'\n"))
        let badOption = runCLI(["run", "--formt", "json"])
        #expect(badOption.status == .usage)
        #expect(badOption.err == "Error: unknown option '--formt' (did you mean '--format'?)\nUsage: \(RunCommand.spec.usage)\n")
        let badValue = runCLI(["run", "--format", "xml"])
        #expect(badValue.status == .usage && badValue.err.hasPrefix("Error: option '--format': 'xml' is not one of text, json"))
    }

    @Test func validateReportsEveryProblemAndExits65() {
        let bad = runCLI(["validate", Paths.data("invalid/zero-units.json")])
        #expect(bad.status == .invalidData && bad.out.isEmpty)
        #expect(bad.err == "Error: invalid scenario (1 problem):\n  plant.stages[3].units: 0 is not a number of units in 1...10000\n")
        let good = runCLI(["validate", Paths.data("scenarios/senou-base.json")])
        #expect(good.status == .success && good.out.contains("valid scenario 'senou-base'") && good.err.isEmpty)
        let missing = runCLI(["validate", "/nonexistent/file.json"])
        #expect(missing.status == .noInput && missing.err == "Error: cannot read /nonexistent/file.json: no such file or directory\n")
    }

    @Test func runPrintsAReadableReport() {
        let run = runCLI([])
        #expect(run.status == .success && run.err.isEmpty)
        #expect(run.out.hasPrefix("Scenario senou-base:"))
        #expect(run.out.contains("Headline: ") && run.out.contains("Gold by year") && run.out.contains("miller"))
        #expect(runCLI(["--scenario", "stress-300t"]).out.contains("Findings"))
    }

    @Test func jsonReportIsVersionedAndDeterministic() throws {
        let first = runCLI(["run", "--format", "json"])
        let second = runCLI(["run", "--format", "json"])
        #expect(first.status == .success)
        #expect(first.out == second.out)
        let object = try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == RunReport.schemaVersion)
        #expect((object?["tool"] as? [String: Any])?["name"] as? String == "refinery-cli")
        #expect(object?["throughput"] != nil && object?["scenario"] != nil)
        let withLots = runCLI(["run", "--format", "json", "--include-lots", "--scenario", "mali-own-supply"])
        let lots = ((try JSONSerialization.jsonObject(with: Data(withLots.out.utf8)) as? [String: Any])?["throughput"] as? [String: Any])?["lots"] as? [Any]
        #expect((lots?.count ?? 0) > 1000)
    }

    @Test func outputIsWrittenAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        let written = runCLI(["run", "--format", "json", "--output", path])
        #expect(written.status == .success && written.out.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == runCLI(["run", "--format", "json"]).out)
        // A failed run leaves the previous file untouched and no temporary file behind.
        let failed = runCLI(["run", Paths.data("invalid/negative-mass.json"), "--output", path])
        #expect(failed.status == .invalidData)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == runCLI(["run", "--format", "json"]).out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
        let unwritable = runCLI(["run", "--output", "/nonexistent-dir/report.txt"])
        #expect(unwritable.status == .cannotCreate && unwritable.err == "Error: cannot write /nonexistent-dir/report.txt: the directory /nonexistent-dir does not exist\n")
    }
}

/// Runs the built binary, as a user would, and checks stdout, stderr and the exit status.
@Suite struct ExecutableTests {
    static let binary: String? = {
        let build = Paths.root.appendingPathComponent(".build")
        let candidates = ["debug", "x86_64-unknown-linux-gnu/debug", "aarch64-unknown-linux-gnu/debug", "release"]
            .map { build.appendingPathComponent("\($0)/refinery-cli").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    func execute(_ arguments: [String]) throws -> CapturedRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CapturedRun(status: refinery_cli.ExitStatus(rawValue: process.terminationStatus) ?? .failure,
                           out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func exitStatusesAndStreams() throws {
        let version = try execute(["--version"])
        #expect(version.status == .success && version.out.hasPrefix("refinery-cli "))
        let run = try execute([])
        #expect(run.status == .success && run.out.hasPrefix("Scenario senou-base:") && run.err.isEmpty)
        let invalid = try execute(["validate", Paths.data("invalid/unknown-field.json")])
        #expect(invalid.status == .invalidData && invalid.out.isEmpty && invalid.err.contains("colour: is not a known field"))
        let usage = try execute(["run", "--nope"])
        #expect(usage.status == .usage && usage.out.isEmpty && usage.err.hasPrefix("Error: unknown option '--nope'"))
        let json = try execute(["run", "--format", "json"])
        #expect(json.status == .success)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.out.utf8))) != nil)
    }
}
