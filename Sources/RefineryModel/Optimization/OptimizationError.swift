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
    /// `code` is GLPK's return code (`GLP_ESING`, `GLP_EFAIL`, …), `phase` the method that
    /// failed ("the simplex method"…), and `log` GLPK's own last words, kept out of the
    /// description (the library never shows GLPK's text; a caller may, on request).
    case solverFailed(code: Int, phase: String, log: String)
    /// GLPK raised a fatal error in `call` (such as `glp_scale_prob`) and the guard caught it:
    /// the process survived and GLPK works again afterwards. `log` is what GLPK said, kept out
    /// of the description as for ``solverFailed(code:phase:log:)``.
    case fatalSolverError(call: String, log: String)
    /// Writing an exported model failed.
    case exportFailed(path: String, message: String)

    public var description: String {
        switch self {
        case let .invalidModel(issues):
            // The first few say what is wrong; the rest are in `issues`.
            let shown = issues.prefix(Self.issuesInDescription).map(\.description).joined(separator: "; ")
            let more = issues.count - Self.issuesInDescription
            return "invalid model: " + shown + (more > 0 ? "; and \(more) more" : "")
        case let .invalidOptions(message):
            return "invalid solver options: \(message)"
        case let .invalidStartingSolution(message):
            return "invalid starting solution: \(message)"
        case let .solverFailed(code, phase, _):
            return "GLPK's \(phase) failed (\(GLPKReturnCode.name(of: code))); the model is probably numerically unsound (coefficients too far apart)"
        case let .fatalSolverError(call, _):
            return "GLPK stopped with an internal error in \(call) (caught; the process is unharmed); the model is probably numerically unsound (coefficients too small, too large or too far apart)"
        case let .exportFailed(path, message):
            return "could not write \(path): \(message)"
        }
    }
}

extension OptimizationError {
    /// How many of an invalid model's issues its description lists.
    static let issuesInDescription = 5

    /// GLPK's own output up to the failure (its last few kilobytes), for a failure inside
    /// GLPK; `nil` otherwise. Show it only when the user asked for the solver's log.
    public var solverLog: String? {
        switch self {
        case let .solverFailed(_, _, log), let .fatalSolverError(_, log): return log
        default: return nil
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
