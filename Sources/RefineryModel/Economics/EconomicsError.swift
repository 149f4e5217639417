/// Why a valuation cannot be made.
public enum EconomicsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario has no `economics` section.
    case missingEconomics(scenario: String)
    /// The scenario has no `ownership` section.
    case missingOwnership(scenario: String)
    /// The scenario breaks a rule (see ``ScenarioValidator``); every problem is listed.
    case invalid([ScenarioProblem])

    public var description: String {
        switch self {
        case let .missingEconomics(name): return "scenario \(name) has no economics section: a valuation needs prices, charges, costs, capital, financing and taxes"
        case let .missingOwnership(name): return "scenario \(name) has no ownership section: a valuation needs the shareholders"
        case let .invalid(problems): return "invalid scenario: " + problems.map(\.description).joined(separator: "; ")
        }
    }
}
