/// refinery-cli's exit statuses (documented in `--help` and the README). The codes from 64 on
/// are those of BSD's sysexits.h, which scripts and service managers already know.
enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// A failure not covered below (the solver failed, say).
    case failure = 1
    /// The model has no solution, or none was found in the time limit. A report is still
    /// written and says so.
    case noSolution = 2
    /// The command was called wrongly (sysexits' EX_USAGE), including an `--output` that is
    /// one of the inputs.
    case usage = 64
    /// The input data is invalid (sysexits' EX_DATAERR), including a scenario larger than
    /// 512 MiB.
    case invalidData = 65
    /// The scenario file cannot be opened: it does not exist, is a directory, is not
    /// readable, or standard input is closed (sysexits' EX_NOINPUT).
    case noInput = 66
    /// The `--output` file cannot be created or is refused: a directory, a read-only file, a
    /// missing or unwritable directory, a block device; a `--csv-dir` that is not a directory
    /// or cannot be created (sysexits' EX_CANTCREAT).
    case cannotCreate = 73
    /// Reading or writing failed under way: a full disk, a closed or broken standard output,
    /// a read error (sysexits' EX_IOERR).
    case ioError = 74
}
