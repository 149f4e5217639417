import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// `--output` onto every kind of path (issue 11, item 5), through the built binary: each test
/// checks the exit status, the message, and that nothing at the path was destroyed. Devices
/// are made with `mknod` in a scratch directory; the real /dev/null and /dev/full are never
/// an output path.
@Suite(.enabled(if: Subprocess.binary != nil, "the refinery-cli binary is not built"))
struct OutputTargetTests {
    /// The text every write below produces (`schema report`: fast and deterministic).
    static let expected: String = {
        JSONSchemas.reportText.hasSuffix("\n") ? JSONSchemas.reportText : JSONSchemas.reportText + "\n"
    }()

    func write(to path: String) throws -> Subprocess.Outcome {
        try Subprocess.cli(["schema", "report", "--output", path])
    }

    func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// `makedev` for small numbers (a C macro Swift does not import).
    func deviceNumber(_ major: UInt32, _ minor: UInt32) -> dev_t { dev_t((major & 0xfff) << 8 | (minor & 0xff)) }

    @Test func newFileGetsTheUmaskMode() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("report.json")
        let run = try Subprocess.run(["/bin/sh", "-c", #"umask 027; exec "$0" schema report -o "$1""#, Subprocess.binary!, target])
        #expect(run.status == 0 && run.out.isEmpty && run.err == "Wrote \(target)\n")
        #expect(contents(target) == Self.expected)
        #expect(FileStatus(target)?.type == S_IFREG && FileStatus(target)?.mode == 0o640)
        #expect(scratch.names() == ["report.json"])
    }

    @Test func regularFileIsReplacedKeepingModeAndOwner() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("private.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        let owner: (uid_t, gid_t) = Subprocess.isRoot ? (1234, 5678) : (getuid(), getgid())
        if Subprocess.isRoot { #expect(chown(target, owner.0, owner.1) == 0) }
        let before = try #require(FileStatus(target))
        let run = try write(to: target)
        #expect(run.status == 0 && run.err == "Wrote \(target)\n")
        #expect(contents(target) == Self.expected)
        let after = try #require(FileStatus(target))
        #expect(after.mode == 0o600 && after.uid == owner.0 && after.gid == owner.1 && after.type == S_IFREG)
        #expect(after.inode != before.inode, "replaced by a rename, not rewritten in place")
        #expect(scratch.temporaryFiles().isEmpty)
    }

    @Test func symlinkTargetIsWrittenAndTheLinkKept() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("real.json"), link = scratch.file("link.json"), chain = scratch.file("chain.json")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        #expect(symlink("real.json", link) == 0 && symlink(link, chain) == 0)
        let run = try write(to: chain)
        #expect(run.status == 0 && run.err == "Wrote \(chain)\n")
        #expect(contents(target) == Self.expected)
        #expect(FileStatus(link)?.type == S_IFLNK && FileStatus(chain)?.type == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        #expect(scratch.names() == ["chain.json", "link.json", "real.json"])
    }

    @Test func danglingSymlinkTargetIsCreated() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let link = scratch.file("link.json")
        #expect(symlink("made.json", link) == 0)
        let run = try write(to: link)
        #expect(run.status == 0 && contents(scratch.file("made.json")) == Self.expected)
        #expect(FileStatus(link)?.type == S_IFLNK)
        // A link into a directory that does not exist: refused, the link left alone.
        let nowhere = scratch.file("nowhere.json")
        #expect(symlink("missing-dir/x.json", nowhere) == 0)
        let refused = try write(to: nowhere)
        #expect(refused.status == ExitStatus.cannotCreate.rawValue
                && refused.err == "Error: cannot write \(nowhere): the directory \(scratch.path)/missing-dir does not exist\n")
        #expect(FileStatus(nowhere)?.type == S_IFLNK && scratch.temporaryFiles().isEmpty)
    }

    @Test func fifoIsWrittenInPlace() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.file("report.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Subprocess.Collector()
        let reader = Thread.detachNewThreadAndReturn {
            let descriptor = open(fifo, O_RDONLY)
            received.set(Subprocess.readAll(descriptor))
        }
        let run = try write(to: fifo)
        reader.wait()
        #expect(run.status == 0 && run.err == "Wrote \(fifo)\n")
        #expect(String(decoding: received.get(), as: UTF8.self) == Self.expected)
        #expect(FileStatus(fifo)?.type == S_IFIFO && scratch.names() == ["report.fifo"])
    }

    /// A character device (a copy of /dev/null's numbers, made in the scratch directory) is
    /// written, not replaced: as root, the old code turned /dev/null into a regular file.
    @Test(.enabled(if: Subprocess.isRoot, "mknod needs root: the character-device case is NOT tested"))
    func characterDeviceStaysADevice() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let device = scratch.file("null")
        #expect(mknod(device, S_IFCHR | 0o666, deviceNumber(1, 3)) == 0)
        let before = try #require(FileStatus(device))
        let run = try write(to: device)
        #expect(run.status == 0 && run.err == "Wrote \(device)\n")
        let after = try #require(FileStatus(device))
        #expect(after.type == S_IFCHR && after.mode == before.mode && after.inode == before.inode)
        #expect(scratch.names() == ["null"])
        // /dev/full's numbers: written in place, the failure is an I/O error (74).
        let full = scratch.file("full")
        #expect(mknod(full, S_IFCHR | 0o666, deviceNumber(1, 7)) == 0)
        let failed = try write(to: full)
        #expect(failed.status == ExitStatus.ioError.rawValue && failed.err == "Error: cannot write \(full): no space left on device\n")
        #expect(FileStatus(full)?.type == S_IFCHR)
    }

    /// A block device (a disk) is never written: refused, left as it is. The numbers are from
    /// the range Linux reserves for local use, so nothing real stands behind them.
    @Test(.enabled(if: Subprocess.isRoot, "mknod needs root: the block-device case is NOT tested"))
    func blockDeviceIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let device = scratch.file("disk")
        #expect(mknod(device, S_IFBLK | 0o660, deviceNumber(240, 0)) == 0)
        let run = try write(to: device)
        #expect(run.status == 73 && run.err == "Error: cannot write \(device): it is a block device (a disk or partition); a report is never written onto one\n")
        #expect(FileStatus(device)?.type == S_IFBLK && scratch.names() == ["disk"])
    }

    @Test func socketIsRefusedAndKept() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("s.sock")
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let run = try write(to: path)
        #expect(run.status == 73 && run.err == "Error: cannot write \(path): it is a socket or a device that cannot be opened for writing\n")
        #expect(FileStatus(path)?.type == S_IFSOCK)
    }

    /// Refused even as root, who could write it: read-only means "do not replace".
    @Test func readOnlyFileIsRefusedAndUnchanged() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("frozen.json")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o444)
        let before = try #require(FileStatus(target))
        let run = try write(to: target)
        #expect(run.status == ExitStatus.cannotCreate.rawValue && run.out.isEmpty)
        #expect(run.err == "Error: cannot write \(target): the file is read-only (mode 444); it is left as it is\n")
        #expect(contents(target) == "keep me" && FileStatus(target) == before && scratch.names() == ["frozen.json"])
    }

    @Test func directoryIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let directory = scratch.file("reports")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let run = try write(to: directory)
        #expect(run.status == 73 && run.err == "Error: cannot write \(directory): it is a directory; give a file name\n")
        #expect(FileStatus(directory)?.type == S_IFDIR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        #expect(scratch.temporaryFiles().isEmpty)
    }

    /// `-o -` is standard output: no file named `-` appears.
    @Test func dashIsStandardOutput() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let run = try Subprocess.run(["/bin/sh", "-c", #"cd "$1" && exec "$0" schema report -o -"#, Subprocess.binary!, scratch.path])
        #expect(run.status == 0 && run.out == Self.expected && run.err.isEmpty)
        #expect(scratch.names().isEmpty)
        let empty = runCLI(["schema", "report", "-o", ""])
        #expect(empty.status == .usage && empty.err.hasPrefix("Error: option '--output': give a file name, or '-' for standard output"))
    }

    /// An output that is the input, by any name (itself, a symlink, a hard link, standard
    /// input redirected from it): refused as a usage error before any work; the input is intact.
    @Test func outputThatIsTheInputIsRefused() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let input = scratch.file("in.json")
        let original = try Data(contentsOf: URL(fileURLWithPath: Paths.data("scenarios/senou-base.json")))
        try original.write(to: URL(fileURLWithPath: input))
        #expect(symlink("in.json", scratch.file("alias.json")) == 0 && link(input, scratch.file("hard.json")) == 0)
        for (arguments, name) in [(["run", input, "-o", input], input), (["validate", input, "-o", scratch.file("alias.json")], input),
                                  (["value", scratch.file("hard.json"), "-o", input], scratch.file("hard.json")),
                                  (["compare", "senou-base", input, "-o", scratch.file("alias.json")], input)] {
            let run = try Subprocess.cli(arguments)
            #expect(run.status == ExitStatus.usage.rawValue && run.out.isEmpty, "\(arguments)")
            #expect(run.err == "Error: --output names the scenario being read (\(name)); write the output to another file (the scenario is left as it is)\n", "\(arguments)")
        }
        let piped = try Subprocess.cli(["validate", "-", "-o", input], stdin: .path(input, O_RDONLY))
        #expect(piped.status == 64 && piped.err.hasPrefix("Error: --output names the scenario being read (standard input)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
        #expect(scratch.names() == ["alias.json", "hard.json", "in.json"])
    }

    /// A valid 250-character name works (the temporary name is 11 characters, not the name plus 42).
    @Test func longNamesWork() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for length in [250, 255] {
            let target = scratch.file(String(repeating: "r", count: length - 5) + ".json")
            let run = try write(to: target)
            #expect(run.status == 0 && contents(target) == Self.expected, "\(length): \(run.err)")
        }
        #expect(scratch.temporaryFiles().isEmpty)
    }

    /// A write that fails under way (here the file-size limit, `ulimit -f`, gives EFBIG):
    /// exit 74, the temporary file removed, the old file intact.
    @Test func failedWriteLeavesTheOldFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("report.json")
        try Data("previous".utf8).write(to: URL(fileURLWithPath: target))
        let run = try Subprocess.run(["/bin/bash", "-c", #"ulimit -f 4; trap '' XFSZ; exec "$0" schema report -o "$1""#, Subprocess.binary!, target])
        #expect(run.signal == nil && run.status == ExitStatus.ioError.rawValue)
        #expect(run.err == "Error: cannot write \(target): file too large\n")
        #expect(contents(target) == "previous" && scratch.names() == ["report.json"])
    }

    @Test func unwritableDirectoryIsRefused() throws {
        let missing = try write(to: "/nonexistent-dir/report.json")
        #expect(missing.status == 73 && missing.err == "Error: cannot write /nonexistent-dir/report.json: the directory /nonexistent-dir does not exist\n")
    }

    /// SIGTERM or SIGINT while the temporary file exists: the process still dies of the signal,
    /// the temporary file is gone and the old file is intact. The test watches the directory
    /// and sends the signal as soon as the temporary file appears (a 13 MB report of 60,000
    /// lots takes long enough to write and flush).
    @Test(arguments: [SIGTERM, SIGINT])
    func killDuringTheWriteLeavesNoTemporaryFile(signalNumber: Int32) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("lots.json")
        try Data("previous".utf8).write(to: URL(fileURLWithPath: target))
        var caught = 0
        for _ in 0..<3 {
            let words: [String] = [Subprocess.binary!, "run", "--no-schedule", "--include-lots", "--format", "json",
                                   "--set", "intake.sources[0].lotGrossMassKg=200", "-o", target]
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 2, scratch.file("stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            var pid: pid_t = 0
            #expect(Subprocess.spawn(&pid, words, actions: &actions) == 0)
            var killed = false
            var status: Int32 = 0
            while true {
                if !killed, !scratch.temporaryFiles().isEmpty {
                    kill(pid, signalNumber)
                    killed = true
                }
                let done = waitpid(pid, &status, WNOHANG)
                if done == pid { break }
                usleep(200)
            }
            let signalled = status & 0x7f
            if killed && signalled == signalNumber { caught += 1 }
            #expect(signalled == 0 || signalled == signalNumber)
            #expect(scratch.temporaryFiles().isEmpty, "a temporary file was left: \(scratch.names())")
            let text = contents(target) ?? ""
            #expect(text == "previous" || text.hasPrefix("{"), "the target is either the old file or the whole new one")
            if signalled == 0 { try Data("previous".utf8).write(to: URL(fileURLWithPath: target)) }
        }
        #expect(caught > 0, "no signal arrived while the temporary file existed; the test did not exercise the handler")
    }
}
