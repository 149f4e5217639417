import Foundation
import Synchronization

/// The temporary file of an atomic `--output` write (`.rfm-XXXXXX` beside the target), removed
/// if the process is interrupted (SIGINT, SIGTERM, SIGHUP) before it is renamed into place.
///
/// The signal handler may only call async-signal-safe functions, so the path lives in a C
/// buffer allocated once, and an atomic flag says whether it names a file to remove. The
/// handler unlinks it, restores the default action and raises the signal again, so that the
/// process still ends as killed by it. One temporary file exists at a time (a command writes
/// one output).
enum TemporaryFile {
    /// Room for the longest path `open(2)` accepts, and its terminating NUL.
    private static let capacity = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    /// 1 while `path` names a temporary file that the handler must remove.
    private static let armed = Atomic<Int32>(0)
    private static let handlersInstalled = Mutex(false)

    private static let handler: @convention(c) (Int32) -> Void = { number in
        if TemporaryFile.armed.load(ordering: .acquiring) == 1 { unlink(TemporaryFile.path) }
        signal(number, SIG_DFL)
        raise(number)
    }

    /// The signals after which no temporary file may be left.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Creates a new, empty temporary file in `directory` (mode 0666 less the umask, like any new
    /// file) and registers it for removal on a signal. Short on purpose: 11 characters, so a
    /// target name that is valid is never made too long by its temporary name.
    static func create(in directory: String) throws(FileDescriptor.Errno) -> (descriptor: Int32, path: String) {
        installHandlers()
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let name = ".rfm-" + String((0..<6).map { _ in letters.randomElement(using: &generator)! })
            let candidate = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
            let bytes = Array(candidate.utf8CString)
            guard bytes.count <= capacity else { throw FileDescriptor.Errno(code: ENAMETOOLONG) }
            // Armed before the file exists, so a signal at any point after open(2) removes it.
            bytes.withUnsafeBufferPointer { source in
                path.update(from: source.baseAddress!, count: source.count)
            }
            armed.store(1, ordering: .releasing)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if descriptor >= 0 { return (descriptor, candidate) }
            let code = errno
            armed.store(0, ordering: .releasing)
            if code == EEXIST || code == EINTR { continue }
            throw FileDescriptor.Errno(code: code)
        }
        throw FileDescriptor.Errno(code: EEXIST)
    }

    /// The temporary file was renamed into place (or removed): nothing to clean up any more.
    /// Called after the rename, so a signal in between unlinks a name that no longer exists.
    static func released() {
        armed.store(0, ordering: .releasing)
    }

    /// Removes the temporary file after a failure.
    static func discard(_ candidate: String) {
        unlink(candidate)
        released()
    }

    /// Installs the handlers once; a signal the process was started ignoring (under `nohup`,
    /// say) stays ignored.
    private static func installHandlers() {
        handlersInstalled.withLock { installed in
            guard !installed else { return }
            installed = true
            // Both globals initialised now, never for the first time inside the handler.
            _ = path
            _ = armed.load(ordering: .relaxed)
            for number in signals {
                let previous = signal(number, handler)
                if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                    signal(number, SIG_IGN)
                }
            }
        }
    }
}
