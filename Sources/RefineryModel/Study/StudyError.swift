/// Why a study (a scenario run, a valuation, a sweep point, one side of a comparison) could not
/// be made. A campaign without a feasible schedule is not an error but a result (see
/// ``ScenarioRun/CampaignProblem``); these are the cases where there is nothing to report.
public enum StudyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario (with its overrides applied) could not be read or is not valid; every
    /// problem is listed with its JSON path.
    case scenario(ScenarioError)
    /// The valuation cannot be made from the scenario's economics and ownership.
    case valuation(EconomicsError)
    /// The campaign schedule could not be made (the solver failed to run, or the scenario
    /// cannot be turned into a schedule).
    case campaign(SchedulingError)
    /// A report would carry NaN or infinity: the scenario's figures, each within its range, are
    /// out of proportion to each other (a computation overflowed). Reports never carry such
    /// numbers; this names where the first one is.
    case nonFinite(NonFiniteNumberError)
    /// Anything else a lower layer threw, with what it said.
    case other(String)

    /// Whether the input data is at fault (the CLI's exit status 65) rather than the machine or
    /// the solver: an invalid scenario, economics or schedule request.
    public var isInvalidData: Bool {
        switch self {
        case .scenario(.unreadable): return false
        case .scenario, .valuation, .nonFinite: return true
        case .campaign(.solver), .other: return false
        case .campaign(.invalidNetwork), .campaign(.invalidRequest): return true
        }
    }

    /// What is wrong, one problem per field with its JSON path (a single problem with an empty
    /// path when the error has no field to name).
    public var problems: [ScenarioProblem] {
        switch self {
        case let .scenario(error): return error.problems
        case let .valuation(.invalid(problems)): return problems
        case let .campaign(.invalidNetwork(problems)), let .campaign(.invalidRequest(problems)): return problems
        case .valuation, .campaign(.solver), .nonFinite, .other: return [ScenarioProblem(path: "", value: nil, message: description)]
        }
    }

    /// One line for people, e.g. `invalid scenario: plant.calendar.shiftsPerDay: -1 is not …`.
    public var description: String {
        switch self {
        case let .scenario(.invalid(problems)): return "invalid scenario: " + problems.map(\.description).joined(separator: "; ")
        case let .scenario(error): return error.description
        case let .valuation(error): return error.description
        case let .campaign(error): return "the campaign schedule: \(error.description)"
        case let .nonFinite(error): return error.description
        case let .other(message): return message
        }
    }
}
