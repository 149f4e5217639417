import Foundation

/// Where a command writes: standard output for the requested output only, standard error for
/// messages and progress. Tests substitute a capturing console to run commands in-process.
final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is only drawn on one).
    let errorIsTerminal: Bool

    init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void, errorIsTerminal: Bool = false) {
        writeOut = out
        writeError = error
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's real standard output and error.
    static func standard() -> Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            error: { FileHandle.standardError.write(Data($0.utf8)) },
            errorIsTerminal: isatty(2) == 1)
    }

    func out(_ text: String) { lock.withLock { writeOut(text) } }
    func error(_ text: String) { lock.withLock { writeError(text) } }
}
