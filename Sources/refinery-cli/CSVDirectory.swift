import Foundation
import RefineryModel

/// `--csv-dir DIR`: every table of a report as its own CSV file in DIR (the library's
/// ``CSVTable``s), plus `index.csv` listing them. DIR is created when missing (its parent must
/// exist); a DIR that exists and is not a directory is refused (exit 73) before any work. Each
/// file is written by the rules of ``OutputFile`` (atomically, a regular file replaced); as
/// with `--output`, a file that is the scenario being read is never written (exit 64).
enum CSVDirectory {
    static let option = OptionSpec.value("csv-dir", "DIR", help: "Also write every table as CSV into DIR (created if missing): one file per table, named after it, and index.csv listing them.")

    /// The `--csv-dir` of `arguments`, checked before the work: nil when not given; an empty
    /// one is a usage error; one that stands and is not a directory is refused (exit 73).
    static func path(_ arguments: ParsedArguments) throws -> String? {
        guard let path = arguments.value("csv-dir") else { return nil }
        if path.isEmpty { throw UsageError(message: "option '--csv-dir': give a directory name") }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw FileError.cannotCreate("cannot write the tables into \(path): it is not a directory")
        }
        return path
    }

    /// Writes `tables` and their index into `directory`, creating it if missing; nothing is
    /// written when one of the files would be the scenario file `input` (a usage error).
    static func write(_ tables: [CSVTable], to directory: String, input: String?, console: Console) throws {
        var status = stat()
        if stat(directory, &status) != 0 {
            guard errno == ENOENT else { throw FileError.cannotCreate("cannot write the tables into \(directory): \(FileError.reason(errno))") }
            if mkdir(directory, 0o777) != 0 && errno != EEXIST {
                let reason = errno == ENOENT ? "its parent directory does not exist" : FileError.reason(errno)
                throw FileError.cannotCreate("cannot create the directory \(directory): \(reason)")
            }
        } else if status.st_mode & S_IFMT != S_IFDIR {
            throw FileError.cannotCreate("cannot write the tables into \(directory): it is not a directory")
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let files = tables + [CSVTable.index(of: tables)]
        if let input, input != "-", let scenario = FileIdentity(regularFileAt: input),
           let clash = files.first(where: { FileIdentity(regularFileAt: prefix + $0.fileName) == scenario }) {
            throw UsageError(message: "--csv-dir would write \(prefix + clash.fileName) over the scenario being read (\(input)); give another directory (nothing was written)")
        }
        for table in files {
            try OutputFile.write(table.csv, to: prefix + table.fileName)
        }
        console.error("Wrote \(tables.count) tables and index.csv to \(directory)\n")
    }
}
