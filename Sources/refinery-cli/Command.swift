/// A refinery-cli subcommand: its specification and what it does with parsed arguments.
struct Command: Sendable {
    var spec: CommandSpec
    var run: @Sendable (ParsedArguments, Console) throws -> ExitStatus
}

/// Errors a command reports with a specific exit status.
enum CommandError: Error, CustomStringConvertible {
    /// Invalid input data (exit 65); each line names a field, its value and what is allowed.
    case invalidData([String])
    /// Anything else that stops the command (exit 1).
    case failure(String)

    var description: String {
        switch self {
        case let .invalidData(problems): return problems.joined(separator: "\n")
        case let .failure(message): return message
        }
    }

    var status: ExitStatus {
        switch self {
        case .invalidData: return .invalidData
        case .failure: return .failure
        }
    }
}
