import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// Every standard stream closed, full or broken, and every kind of input, through the built
/// binary (issue 11, items 4 and 10): each ends with `Error: …` and a documented exit status,
/// never a signal or a crash dump.
@Suite(.enabled(if: Subprocess.binary != nil, "the refinery-cli binary is not built"))
struct StreamTests {
    static let scenario = Paths.data("scenarios/senou-base.json")

    /// No crash dump, no Swift runtime message: only our own `Error:` lines.
    func expectNoCrash(_ outcome: Subprocess.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.signal == nil, "killed by signal \(outcome.signal ?? 0)", sourceLocation: sourceLocation)
        #expect(!outcome.err.contains("Fatal error") && !outcome.err.contains("Backtrac") && !outcome.err.contains("crashed"),
                "\(outcome.err)", sourceLocation: sourceLocation)
    }

    @Test func fullStandardOutputExits74() throws {
        let full = try Subprocess.cli(["validate", Self.scenario], stdout: .path("/dev/full", O_WRONLY))
        expectNoCrash(full)
        #expect(full.status == ExitStatus.ioError.rawValue)
        #expect(full.err == "Error: cannot write standard output: no space left on device\n")
        // A large output (several writes' worth) fails the same way.
        let report = try Subprocess.cli(["schema", "report"], stdout: .path("/dev/full", O_WRONLY))
        #expect(report.status == 74 && report.err == "Error: cannot write standard output: no space left on device\n")
    }

    @Test func closedStandardOutputExits74() throws {
        let closed = try Subprocess.cli(["validate", Self.scenario], stdout: .closed)
        expectNoCrash(closed)
        #expect(closed.status == 74 && closed.err == "Error: cannot write standard output: it is closed\n")
        let help = try Subprocess.cli(["--help"], stdout: .closed)
        #expect(help.status == 74 && help.err == "Error: cannot write standard output: it is closed\n")
    }

    /// With stdout closed, the file the command opens must not take descriptor 1: the report
    /// written with --output holds the report only, and stdout's failure is still reported.
    @Test func closedStandardOutputIsNotReusedByAFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let report = scratch.file("report.json")
        let run = try Subprocess.cli(["schema", "scenario", "--output", report], stdout: .closed)
        #expect(run.status == 0 && run.err == "Wrote \(report)\n")
        #expect(try String(contentsOfFile: report, encoding: .utf8) == JSONSchemas.scenarioText + (JSONSchemas.scenarioText.hasSuffix("\n") ? "" : "\n"))
    }

    /// With stderr closed or full there is nowhere to say what failed: the process exits
    /// silently with the status.
    @Test func closedStandardErrorKeepsTheStatus() throws {
        let ok = try Subprocess.cli(["validate", Self.scenario], stderr: .closed)
        expectNoCrash(ok)
        #expect(ok.status == 0 && ok.out.hasSuffix("valid scenario 'senou-base' (2 sources, 0 lots, 7 stages, 4 routes)\n"))
        let missing = try Subprocess.cli(["validate", "/nonexistent/scenario.json"], stderr: .closed)
        #expect(missing.signal == nil && missing.status == ExitStatus.noInput.rawValue && missing.out.isEmpty)
        let invalid = try Subprocess.cli(["validate", Paths.data("invalid/zero-units.json")], stderr: .path("/dev/full", O_WRONLY))
        #expect(invalid.signal == nil && invalid.status == 65)
        let both = try Subprocess.cli(["validate", Self.scenario], stdout: .closed, stderr: .closed)
        #expect(both.signal == nil && both.status == 74)
        // The solver's log (--verbose) onto a closed or full stderr: dropped, no crash.
        for stderr in [Subprocess.Stream.closed, .path("/dev/full", O_WRONLY)] {
            let verbose = try Subprocess.cli(["run", "--verbose", "--format", "csv"], stderr: stderr)
            #expect(verbose.signal == nil && verbose.status == 0 && verbose.out.hasPrefix("metric,"), "\(verbose.err)")
        }
        let nowhere = try Subprocess.cli(["run", "--no-schedule", "--format", "csv"], stdout: .path("/dev/full", O_WRONLY), stderr: .closed)
        #expect(nowhere.signal == nil && nowhere.status == 74)
    }

    /// A reader that has gone away: EPIPE, whether the caller left SIGPIPE at its default or
    /// ignored it (`trap '' PIPE`), is `Error: … broken pipe` and exit 74, never a signal.
    @Test(arguments: [true, false])
    func brokenPipeExits74(sigpipeDefault: Bool) throws {
        let broken = try Subprocess.cli(["run", "--no-schedule", "--format", "json"], stdout: .brokenPipe, sigpipeDefault: sigpipeDefault)
        expectNoCrash(broken)
        #expect(broken.status == 74 && broken.err == "Error: cannot write standard output: broken pipe\n")
    }

    /// A non-blocking standard output (EAGAIN when the pipe is full) is waited on, not an error.
    @Test func nonBlockingStandardOutputGetsEverything() throws {
        let run = try Subprocess.cli(["run", "--no-schedule", "--format", "json"], stdout: .nonBlocking)
        #expect(run.status == 0 && run.err.isEmpty)
        #expect(run.out.utf8.count > 65_536 && run.out.hasSuffix("}\n") && (try? JSONSerialization.jsonObject(with: Data(run.out.utf8))) != nil)
    }

    @Test func brokenPipeThroughAShellPipeline() throws {
        // The reader closes its end at once; the report (150 KB) cannot all fit in the pipe (64 KiB).
        let ignored = try Subprocess.shell(#"trap '' PIPE; "$1" run --no-schedule --format json | (exec 0<&-; sleep 1); echo "status ${PIPESTATUS[0]}""#)
        #expect(ignored.out == "status 74\n" && ignored.err == "Error: cannot write standard output: broken pipe\n")
    }

    @Test func closedStandardInputExits66() throws {
        let closed = try Subprocess.cli(["validate", "-"], stdin: .closed)
        expectNoCrash(closed)
        #expect(closed.status == ExitStatus.noInput.rawValue && closed.err == "Error: cannot read standard input: it is closed\n")
    }

    /// `/dev/zero` never ends: reading stops as soon as the 512 MiB limit is passed (reading
    /// the zeros takes a few seconds; memory stays near the limit), exit 65.
    @Test func endlessInputStopsAtTheLimit() throws {
        let message = "Error: cannot read standard input: it holds more than 536870912 bytes (512 MiB), the most a scenario may have\n"
        let device = try Subprocess.cli(["validate", "-"], stdin: .path("/dev/zero", O_RDONLY))
        expectNoCrash(device)
        #expect(device.status == ExitStatus.invalidData.rawValue && device.err == message)
        let piped = try Subprocess.shell(#"cat /dev/zero | "$1" validate -; echo "status $?""#)
        #expect(piped.out == "status 65\n" && piped.err == message)
    }

    /// A regular file over the limit is refused by its size, before a byte is read.
    @Test func oversizedFileIsRefusedUnread() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("huge.json")
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(descriptor >= 0)
        #expect(ftruncate(descriptor, off_t(512 << 20) + 1) == 0) // sparse: no disk space used
        close(descriptor)
        let run = try Subprocess.cli(["validate", file])
        #expect(run.status == 65 && run.err == "Error: cannot read \(file): it holds more than 536870912 bytes (512 MiB), the most a scenario may have\n")
    }

    @Test func inputsThatCannotBeReadSayWhy() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let directory = try Subprocess.cli(["validate", scratch.path])
        #expect(directory.status == 66 && directory.err == "Error: cannot read \(scratch.path): it is a directory, not a scenario file\n")
        let missing = try Subprocess.cli(["validate", scratch.file("missing.json")])
        #expect(missing.status == 66 && missing.err == "Error: cannot read \(scratch.file("missing.json")): no such file or directory\n")
        let stdinDirectory = try Subprocess.cli(["validate", "-"], stdin: .path(scratch.path, O_RDONLY))
        #expect(stdinDirectory.status == 66 && stdinDirectory.err == "Error: cannot read standard input: it is a directory, not a scenario file\n")
        for outcome in [directory, missing, stdinDirectory] {
            #expect(!outcome.err.contains("NSCocoaErrorDomain") && !outcome.err.contains("permission"))
        }
    }

    /// Permission denied, checked as an unprivileged user (root may read any file).
    @Test(.enabled(if: Subprocess.isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run as nobody"))
    func unreadableInputSaysPermissionDenied() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        chmod(scratch.path, 0o755)
        let secret = scratch.file("secret.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: secret))
        chmod(secret, 0o000)
        let denied = try Subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Subprocess.binary!, "validate", secret])
        #expect(denied.status == 66 && denied.err == "Error: cannot read \(secret): permission denied\n")
    }

    /// A FIFO and a process substitution (`<(cat x)`, a pipe under /dev/fd) read like files.
    @Test func fifosAndProcessSubstitutionsAreRead() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.file("scenario.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.scenario))
        let writer = Thread.detachNewThreadAndReturn {
            let descriptor = open(fifo, O_WRONLY)
            text.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        let viaFIFO = try Subprocess.cli(["validate", fifo])
        writer.wait()
        #expect(viaFIFO.status == 0 && viaFIFO.out == "\(fifo): valid scenario 'senou-base' (2 sources, 0 lots, 7 stages, 4 routes)\n", "\(viaFIFO.err)")
        #expect(FileStatus(fifo)?.type == S_IFIFO)
        let substituted = try Subprocess.shell(#"exec "$1" validate <(cat ""# + Self.scenario + #"")"#)
        #expect(substituted.status == 0 && substituted.out.hasSuffix(": valid scenario 'senou-base' (2 sources, 0 lots, 7 stages, 4 routes)\n"), "\(substituted.err)")
    }

    /// A UTF-8 byte order mark, as some editors write, is skipped (it was "unexpected character 'ï'").
    @Test func byteOrderMarkIsAccepted() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.scenario))
        let piped = try Subprocess.cli(["validate", "-"], stdin: .captured, input: Data([0xEF, 0xBB, 0xBF]) + text)
        #expect(piped.status == 0 && piped.out == "-: valid scenario 'senou-base' (2 sources, 0 lots, 7 stages, 4 routes)\n", "\(piped.err)")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.file("bom.json")
        try (Data([0xEF, 0xBB, 0xBF]) + text).write(to: URL(fileURLWithPath: file))
        #expect(runCLI(["validate", file]).status == .success)
        #expect(runCLI(["run", file, "--no-schedule", "--format", "csv"]).out == runCLI(["run", "--no-schedule", "--format", "csv"]).out)
    }
}
