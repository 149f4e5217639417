/// refinery-cli's exit statuses (documented in `--help` and the README).
enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// A failure: a file could not be read or written, the solver failed.
    case failure = 1
    /// The model has no solution, or none was found in the time limit. A report is still
    /// written and says so.
    case noSolution = 2
    /// The command was called wrongly (sysexits' EX_USAGE).
    case usage = 64
    /// The input data is invalid (sysexits' EX_DATAERR).
    case invalidData = 65
}
