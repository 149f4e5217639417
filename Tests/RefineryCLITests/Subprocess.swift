import Foundation
import Testing

/// Runs the built refinery-cli with its standard streams set up exactly as a test needs
/// (closed, a full device, a pipe with no reader, a file), through `posix_spawn`, and reports
/// how it ended: its exit status, or the signal that killed it.
enum Subprocess {
    /// One of the child's standard streams.
    enum Stream {
        /// A pipe read (or, for stdin, written) by the test; its text is returned.
        case captured
        /// Closed in the child (`>&-`).
        case closed
        /// An existing file or device opened with these flags, as a shell redirection does
        /// (`> /dev/full`, `< /dev/zero`); never created or truncated.
        case path(String, Int32)
        /// A pipe whose read end is closed before the child starts: every write is EPIPE.
        case brokenPipe
        /// Like `captured`, but the child's end is non-blocking (O_NONBLOCK), as some parents
        /// leave it, and the test starts reading only once the pipe is full (64 KiB), so that
        /// the child's next write gives EAGAIN.
        case nonBlocking
    }

    struct Outcome {
        /// The exit status, nil when a signal ended the process.
        var status: Int32?
        /// The signal that ended the process, nil when it exited.
        var signal: Int32?
        var out: String
        var err: String
    }

    /// The binary, or nil when it is not built.
    static var binary: String? { ExecutableTests.binary }

    /// Whether the tests run as root (CI does): needed for `mknod`, `chown` to another user.
    static var isRoot: Bool { geteuid() == 0 }

    /// Runs `arguments` (the program first). `sigpipeDefault`: SIGPIPE has its default action in
    /// the child; otherwise the child starts with SIGPIPE ignored, as under `trap '' PIPE`.
    static func run(_ arguments: [String], stdin: Stream = .path("/dev/null", O_RDONLY), stdout: Stream = .captured,
                    stderr: Stream = .captured, input: Data? = nil, sigpipeDefault: Bool = true) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN) // the test process itself must survive a child that stops reading
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32: Int32] = [:] // child descriptor -> the test's end of its pipe
        var childEnds: [Int32] = []
        for (descriptor, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .closed:
                posix_spawn_file_actions_addclose(&actions, descriptor)
            case let .path(path, flags):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, flags, 0)
            case .captured, .brokenPipe, .nonBlocking:
                var ends: [Int32] = [0, 0]
                // Close-on-exec, so that children spawned at the same time by other tests do not
                // hold this pipe open (dup2 clears the flag on the child's own copy).
                guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
                for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
                let (childEnd, parentEnd) = descriptor == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
                if case .nonBlocking = stream { _ = fcntl(childEnd, F_SETFL, fcntl(childEnd, F_GETFL) | O_NONBLOCK) }
                posix_spawn_file_actions_adddup2(&actions, childEnd, descriptor)
                childEnds.append(childEnd)
                if case .brokenPipe = stream { close(parentEnd) } else { parentEnds[descriptor] = parentEnd }
            }
        }
        var pid: pid_t = 0
        let spawned = spawn(&pid, arguments, actions: &actions, sigpipeDefault: sigpipeDefault)
        for end in childEnds { close(end) }
        guard spawned == 0 else {
            for end in parentEnds.values { close(end) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        let feeder = parentEnds[0].map { end in
            Thread.detachNewThreadAndReturn {
                if let input { input.withUnsafeBytes { _ = write(end, $0.baseAddress, $0.count) } }
                close(end)
            }
        }
        _ = feeder
        let errorText = Collector()
        let errorReader = parentEnds[2].map { end in
            Thread.detachNewThreadAndReturn { errorText.set(readAll(end)) }
        }
        if case .nonBlocking = stdout, let end = parentEnds[1] {
            var waited = 0
            var queued: Int32 = 0
            while ioctl(end, UInt(FIONREAD), &queued) == 0, queued < 65_536, waited < 60_000 {
                usleep(10_000)
                waited += 10
            }
        }
        let out = parentEnds[1].map(readAll) ?? Data()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        errorReader?.wait()
        let exited = status & 0x7f == 0
        return Outcome(status: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f,
                       out: String(decoding: out, as: UTF8.self), err: String(decoding: errorText.get(), as: UTF8.self))
    }

    /// Starts `arguments` with `actions` applied to its descriptors, every signal's action at its
    /// default (SIGPIPE too unless `sigpipeDefault` is false) and none blocked, whatever the
    /// test runner's own settings; returns posix_spawn's result.
    static func spawn(_ pid: inout pid_t, _ arguments: [String], actions: inout posix_spawn_file_actions_t, sigpipeDefault: Bool = true) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, number) }
        if sigpipeDefault { sigaddset(&defaults, SIGPIPE) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        return posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
    }

    /// Runs the refinery-cli binary with `arguments`.
    static func cli(_ arguments: [String], stdin: Stream = .path("/dev/null", O_RDONLY), stdout: Stream = .captured,
                    stderr: Stream = .captured, input: Data? = nil, sigpipeDefault: Bool = true) throws -> Outcome {
        try run([binary!] + arguments, stdin: stdin, stdout: stdout, stderr: stderr, input: input, sigpipeDefault: sigpipeDefault)
    }

    /// Runs a bash script with `$1` set to the binary (for `<(…)`, pipelines and `trap`).
    static func shell(_ script: String) throws -> Outcome {
        try run(["/bin/bash", "-c", script, "bash", binary!], stdout: .captured, stderr: .captured)
    }

    static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        close(descriptor)
        return data
    }

    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ value: Data) { lock.withLock { data = value } }
        func get() -> Data { lock.withLock { data } }
    }
}

extension Thread {
    /// A thread running `body`, and a way to wait for it to finish.
    static func detachNewThreadAndReturn(_ body: @escaping @Sendable () -> Void) -> Finished {
        let finished = Finished()
        Thread.detachNewThread {
            body()
            finished.signal()
        }
        return finished
    }

    final class Finished: @unchecked Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        func signal() { semaphore.signal() }
        func wait() { semaphore.wait() }
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/refinery-io-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EACCES) }
        path = String(cString: made)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Every name in the directory.
    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// The temporary files of an `--output` write left in the directory (there should be none).
    func temporaryFiles() -> [String] { names().filter { $0.hasPrefix(".rfm-") } }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The `lstat` of a path: its type and mode, owner, size.
struct FileStatus: Equatable {
    var type: mode_t
    var mode: mode_t
    var uid: uid_t
    var gid: gid_t
    var inode: UInt64

    init?(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        type = status.st_mode & S_IFMT
        mode = status.st_mode & 0o7777
        uid = status.st_uid
        gid = status.st_gid
        inode = UInt64(status.st_ino)
    }
}
