/// Why a solver could not run, or could not finish running. (Whether a model *has* a solution
/// is not an error: that is ``Solution/status``.)
public enum OptimizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model has values GLPK would reject or abort on; every issue is listed.
    case invalidModel([ModelIssue])
    /// An option is out of range; the message names it.
    case invalidOptions(String)
    /// The starting solution does not fit the model; the message says how.
    case invalidStartingSolution(String)
    /// GLPK ran but failed (a singular or ill-conditioned basis, numerical trouble…).
    /// `code` is GLPK's return code (`GLP_ESING`, `GLP_EFAIL`, …) and `message` its last words.
    case solverFailed(code: Int, message: String)
    /// GLPK raised a fatal error. The process survived; `message` is what GLPK said.
    case fatalSolverError(message: String)
    /// Writing an exported model failed.
    case exportFailed(path: String, message: String)

    public var description: String {
        switch self {
        case let .invalidModel(issues):
            return "invalid model: " + issues.map(\.description).joined(separator: "; ")
        case let .invalidOptions(message):
            return "invalid solver options: \(message)"
        case let .invalidStartingSolution(message):
            return "invalid starting solution: \(message)"
        case let .solverFailed(code, message):
            return "GLPK failed (\(GLPKReturnCode.name(of: code))): \(message)"
        case let .fatalSolverError(message):
            return "GLPK fatal error: \(message)"
        case let .exportFailed(path, message):
            return "could not write \(path): \(message)"
        }
    }
}

/// Names of GLPK's return codes, for messages.
enum GLPKReturnCode {
    static func name(of code: Int) -> String {
        let names = [
            1: "GLP_EBADB: invalid basis", 2: "GLP_ESING: singular matrix", 3: "GLP_ECOND: ill-conditioned matrix",
            4: "GLP_EBOUND: invalid bounds", 5: "GLP_EFAIL: solver failed", 6: "GLP_EOBJLL", 7: "GLP_EOBJUL",
            8: "GLP_EITLIM: iteration limit", 9: "GLP_ETMLIM: time limit", 10: "GLP_ENOPFS: no primal feasible solution",
            11: "GLP_ENODFS: no dual feasible solution", 12: "GLP_EROOT: root LP optimum not provided",
            13: "GLP_ESTOP: terminated by application", 14: "GLP_EMIPGAP: gap tolerance reached",
        ]
        return names[code] ?? "code \(code)"
    }
}
