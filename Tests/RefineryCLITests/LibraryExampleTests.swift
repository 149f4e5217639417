import Foundation
import Testing

/// The README's library example is `Examples/LibraryExample/main.swift` word for word, and it
/// runs: built as the `library-example` executable and started in an empty directory, it prints
/// its figures and writes the run report, the sweep's JSON lines and the comparison, each byte
/// for byte what the built refinery-cli prints for the command the example names.
@Suite struct LibraryExampleTests {
    static let file = Paths.root.appendingPathComponent("Examples/LibraryExample/main.swift")

    static let binary: String? = {
        let build = Paths.root.appendingPathComponent(".build")
        let candidates = ["debug", "x86_64-unknown-linux-gnu/debug", "aarch64-unknown-linux-gnu/debug", "release"]
            .map { build.appendingPathComponent("\($0)/library-example").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The ```` ```swift ```` block right after the README's marker line
    /// `<!-- Examples/LibraryExample/main.swift -->`, with its final newline.
    static func readmeBlock() throws -> String? {
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let open = readme.range(of: "\n<!-- Examples/LibraryExample/main.swift -->\n```swift\n"),
              let close = readme.range(of: "\n```\n", range: open.upperBound..<readme.endIndex)
        else { return nil }
        return String(readme[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func theReadmeShowsTheExampleFileWordForWord() throws {
        let block = try #require(try Self.readmeBlock(), "README.md has the example's ```swift block after its marker line")
        #expect(block == (try String(contentsOf: Self.file, encoding: .utf8)))
    }

    @Test(.enabled(if: binary != nil && ExecutableTests.binary != nil, "library-example or refinery-cli is not built"))
    func theExampleRunsAndWritesWhatTheCLIPrints() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("library-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && errors.isEmpty, "\(errors)")

        let lines = printed.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("refined gold, whole horizon: ") == true)
        #expect(lines.filter { $0.hasPrefix("plant.calendar.shiftsPerDay=") && $0.contains(" → ") && $0.hasSuffix(" t") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("backlog at the end of the horizon: ") && $0.contains(" → ") })
        #expect(lines.contains { $0.hasPrefix("project NPV: ") && $0.contains(" M USD, IRR: ") })
        #expect(lines.last == "furnaces: [0.0, 9.0] objective: 36.0 largest violation: 0.0")

        let cli = ExecutableTests()
        let written = { (name: String) in try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) }
        #expect(try written("run.json") == cli.execute(["run", "--format", "json"]).out)
        #expect(try written("sweep.jsonl") == cli.execute(["sweep", "--vary", "plant.calendar.shiftsPerDay=1,2,3", "--no-schedule", "--format", "json"]).out)
        #expect(try written("compare.json") == cli.execute(["compare", "senou-base", "stress-300t", "--no-schedule", "--format", "json"]).out)
    }
}
