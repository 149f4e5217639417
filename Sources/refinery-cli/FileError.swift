import Foundation

/// A file or stream that could not be read or written: the message shown after `Error: ` and
/// the exit status it gives (documented in `ExitStatus`, `--help` and the README).
struct FileError: Error, Equatable, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    var description: String { message }

    /// An input that cannot be opened or is not something to read (exit 66).
    static func noInput(_ message: String) -> FileError { FileError(status: .noInput, message: message) }
    /// An `--output` target that cannot be created or is refused (exit 73).
    static func cannotCreate(_ message: String) -> FileError { FileError(status: .cannotCreate, message: message) }
    /// A read or write that failed once under way: a full disk, a closed or broken stream (exit 74).
    static func ioError(_ message: String) -> FileError { FileError(status: .ioError, message: message) }

    /// The system's words for `code`, lower-cased as the rest of a message ("no space left on device").
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
