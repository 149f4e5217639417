import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// The command line's messages from issue 11, item 10: each reproducer is a usage error that
/// names the option, or a problem with a path; nothing is quietly reinterpreted.
@Suite struct MessageTests {
    @Test(arguments: [
        ("0x10", "'0x10' is not a decimal number (e.g. 2.5)"),
        ("1e999", "'1e999' is too large to be a number"),
        ("inf", "'inf' is not a decimal number (e.g. 2.5)"),
        ("nan", "'nan' is not a decimal number (e.g. 2.5)"),
        ("-5", "-5 is outside 0.1...86400.0"),
        ("", "'' is not a decimal number (e.g. 2.5)"),
        ("1.5.2", "'1.5.2' is not a decimal number (e.g. 2.5)"),
        ("2 ", "'2 ' is not a decimal number (e.g. 2.5)"),
    ])
    func timeLimitIsADecimalNumber(text: String, message: String) {
        let run = runCLI(["run", "--no-schedule", "--time-limit", text])
        #expect(run.status == .usage && run.out.isEmpty)
        #expect(run.err == "Error: option '--time-limit': \(message)\n")
    }

    @Test func decimalNumbers() {
        for text in ["2", "-0.5", "+3", "2.5e3", "1E-2", ".5", "5.", "0"] { #expect(ParsedArguments.isDecimal(text), "\(text)") }
        for text in ["0x10", "inf", "nan", "Infinity", "1e", "e5", ".", "-", "1_000", " 1", "1,5", "٣"] { #expect(!ParsedArguments.isDecimal(text), "\(text)") }
        #expect(runCLI(["run", "--no-schedule", "--format", "csv", "--time-limit", "2.5e1"]).status == .success)
    }

    @Test(arguments: ["1e400", "-1e400", "NaN", "nan", "Infinity", "-Infinity", "inf", "0x10", "+1", ".5"])
    func setRefusesNumbersJSONCannotHold(value: String) {
        let run = runCLI(["validate", Paths.data("scenarios/senou-base.json"), "--set", "plant.calendar.shiftsPerDay=\(value)"])
        #expect(run.status == .usage && run.out.isEmpty)
        #expect(run.err.hasPrefix("Error: option '--set': 'plant.calendar.shiftsPerDay=\(value)' has the value \(value), which is not a finite JSON number"), "\(run.err)")
    }

    @Test func setStillTakesPlainTextAndQuotedNumbers() throws {
        #expect(try ScenarioOverride(parsing: "name=my-run").value == .string("my-run"))
        #expect(try ScenarioOverride(parsing: "intake.lots[0].arrival=2030-06-02").value == .string("2030-06-02"))
        #expect(try ScenarioOverride(parsing: #"description="NaN""#).value == .string("NaN"))
        #expect(try ScenarioOverride(parsing: "a=-2.5e3").value == .number(-2500))
        #expect(throws: JSONPathError(path: "a=[1,", message: "has a value that is not valid JSON: line 1, column 4: unexpected end of input (the file is truncated?)")) {
            try ScenarioOverride(parsing: "a=[1,")
        }
    }

    /// `--set` without '=' says so, also when the path has `[key=value]` selectors (it used to
    /// complain about brackets); an unclosed bracket is still named.
    @Test func setWithoutAnEqualsSignSaysSo() {
        let run = runCLI(["run", "--set", "plant.stages[id=miller].units"])
        #expect(run.status == .usage && run.err == "Error: option '--set': 'plant.stages[id=miller].units' is not PATH=VALUE (no '='), e.g. plant.stages[0].units=2\n")
        #expect(runCLI(["run", "--set", "a[=1"]).err == "Error: option '--set': 'a[' has a '[' without its ']'\n")
    }

    /// A problem with the document itself has the path `(root)`, not an empty one.
    @Test func rootLevelProblemsHaveAPath() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("array.json")
        try Data("[1]".utf8).write(to: URL(fileURLWithPath: file))
        let run = runCLI(["validate", file])
        #expect(run.status == .invalidData && run.err == "Error: invalid scenario (1 problem):\n  (root): an array of 1 is an array; expected an object\n")
        let embedded = runCLI(["run", "--scenario", "nope"])
        #expect(embedded.status == .usage && embedded.err.hasPrefix("Error: option '--scenario': 'nope' is not an embedded scenario; available: senou-base"))
    }

    /// Control characters from a scenario or the command line never reach the terminal raw:
    /// text output and messages show them escaped; JSON escapes them its own way.
    @Test func controlCharactersAreEscaped() throws {
        let description = "a\u{1B}]0;owned\u{07}b\u{1B}[2Jc\rd"
        let text = runCLI(["run", "--no-schedule", "--set", "description=\(description)"])
        #expect(text.status == .success)
        #expect(text.out.contains(#"a\u{1B}]0;owned\u{7}b\u{1B}[2Jc\u{D}d"#), "\(text.out.prefix(300))")
        #expect(!text.out.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        let json = runCLI(["run", "--no-schedule", "--format", "json", "--set", "description=\(description)"])
        #expect(json.out.contains(#""description" : "a\u001b]0;owned\u0007b\u001b[2Jc\rd""#))
        let usage = runCLI(["run", "--format", "\u{1B}[31mred"])
        #expect(usage.status == .usage && usage.err.hasPrefix(#"Error: option '--format': '\u{1B}[31mred' is not one of"#))
        let missing = runCLI(["validate", "/nonexistent/\u{1B}[1m.json"])
        #expect(missing.err == "Error: cannot read /nonexistent/\\u{1B}[1m.json: no such file or directory\n")
        #expect(TerminalText.escapingControlCharacters("tab\tnew\nline\u{7F}\u{85}", keepingNewlines: true) == #"tab\u{9}new"# + "\n" + #"line\u{7F}\u{85}"#)
        #expect(TerminalText.escapingControlCharacters("é 金 ✓", keepingNewlines: false) == "é 金 ✓")
    }

    /// A problem is one line whatever its value holds: a raw line break in a value would split
    /// it, and the header's count would no longer match the lines (found by scripts/fuzz).
    @Test func aProblemIsOneLineEvenWhenItsValueHoldsALineBreak() {
        let run = runCLI(["run", "--no-schedule", "--set", #"economics.uncertainties[0].distribution="line\nbreak""#])
        #expect(run.status == .invalidData)
        let lines = run.err.split(separator: "\n")
        #expect(lines.first == "Error: invalid scenario (1 problem):")
        #expect(lines.count == 2 && lines[1].contains(#""line\u{A}break" is not one of"#), "\(run.err)")
    }

    /// A failed write to standard output overrides the command's status with 74, reported once.
    @Test func failedStandardOutputIsReportedOnce() {
        let capture = Capture()
        let console = Console(out: { _ in throw FileError.ioError("cannot write standard output: no space left on device") },
                              error: { capture.appendErr($0) })
        #expect(RefineryCLI.run(arguments: ["schema", "scenario"], console: console) == .ioError)
        #expect(RefineryCLI.run(arguments: ["--version"], console: console) == .ioError)
        #expect(capture.texts.1 == String(repeating: "Error: cannot write standard output: no space left on device\n", count: 2))
        let dash = runCLI(["value", "--draws", "0", "-o", "-"])
        #expect(dash.status == .success && dash.out.contains("NPV") && dash.err.isEmpty)
    }

    /// The library reads a byte order mark and streams like files.
    @Test func libraryReadsByteOrderMarksAndPipes() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Paths.data("scenarios/senou-base.json")))
        #expect(try ScenarioLoader.load(data: Data([0xEF, 0xBB, 0xBF]) + text).name == "senou-base")
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let writer = Thread.detachNewThreadAndReturn {
            text.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        let read = try ScenarioLoader.data(readingFrom: readEnd, name: "pipe")
        writer.wait()
        close(readEnd)
        #expect(read == text)
        #expect(throws: ScenarioError.unreadable(path: "/", reason: "it is a directory, not a scenario file")) {
            try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: "/"))
        }
    }
}
