import Foundation

/// Where a command writes: standard output for the requested output only, standard error for
/// messages and progress. Tests substitute a capturing console to run commands in-process.
///
/// A failed write to standard output (a full disk, a closed or broken pipe) is kept: later
/// output is dropped and ``RefineryCLI`` reports it as `Error: …` with exit status 74. A failed
/// write to standard error is ignored, since there is nowhere left to say so: the process
/// still exits with its status.
final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) throws -> Void
    private let writeError: @Sendable (String) throws -> Void
    private var outFailure: FileError?
    private var errorBroken = false
    /// Whether standard error is a terminal (progress is only drawn on one).
    let errorIsTerminal: Bool

    init(out: @escaping @Sendable (String) throws -> Void, error: @escaping @Sendable (String) throws -> Void, errorIsTerminal: Bool = false) {
        writeOut = out
        writeError = error
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's real standard output and error, written with `write(2)`.
    static func standard() -> Console {
        Console(
            out: { text throws(FileError) in try write(text, to: 1) },
            error: { text throws(FileError) in try write(text, to: 2) },
            errorIsTerminal: isatty(2) == 1)
    }

    private static func write(_ text: String, to descriptor: Int32) throws(FileError) {
        do {
            try FileDescriptor.writeAll(descriptor, text)
        } catch {
            let stream = StandardStreams.name(descriptor)
            let reason = error.code == EBADF ? "it is closed" : FileError.reason(error.code)
            throw .ioError("cannot write \(stream): \(reason)")
        }
    }

    /// Writes to standard output; a failure is kept for ``outputFailure`` and later output is dropped.
    func out(_ text: String) {
        lock.withLock {
            guard outFailure == nil else { return }
            do { try writeOut(text) } catch { outFailure = Self.failure(error) }
        }
    }

    /// Writes to standard output, throwing the failure (or an earlier one) at once.
    func write(_ text: String) throws(FileError) {
        out(text)
        if let failure = outputFailure { throw failure }
    }

    /// The first failed write to standard output, if any.
    var outputFailure: FileError? { lock.withLock { outFailure } }

    /// Writes a message to standard error, with control characters other than newlines escaped
    /// (`\u{1B}`), so that no text from a scenario or a command line can drive the terminal.
    func error(_ text: String) {
        let text = TerminalText.escapingControlCharacters(text, keepingNewlines: true)
        lock.withLock {
            guard !errorBroken else { return }
            do { try writeError(text) } catch { errorBroken = true }
        }
    }

    /// Draws progress on a terminal standard error: the text is written as it is (it holds
    /// the carriage returns and erase-line sequence of the progress line, and no user text).
    func progress(_ text: String) {
        lock.withLock {
            guard !errorBroken else { return }
            do { try writeError(text) } catch { errorBroken = true }
        }
    }

    private static func failure(_ error: any Error) -> FileError {
        error as? FileError ?? .ioError("cannot write standard output: \(error)")
    }
}
