import RefineryModel

/// One sentence on what ended a solve, for the text reports: proven optimal, the gap reached,
/// or the time limit (and whether a schedule had been found by then).
enum SolveEnding {
    static func sentence(status: STNScheduleResult.Status, termination: TerminationReason, gap: Double?, requestedGap: Double?, timeLimit: Double?) -> String {
        func percent(_ value: Double) -> String { Formatting.number(value * 100, decimals: 2) + "%" }
        let limit = timeLimit.map { " of \(Formatting.number($0, decimals: $0 < 10 ? 1 : 0)) s" } ?? ""
        switch termination {
        case .timeLimit:
            switch status {
            case .noSolution: return "the solve ended at the time limit\(limit) before any schedule was found"
            case .infeasible: return "the solve ended at the time limit\(limit); no schedule meets every due date"
            default: return "the solve ended at the time limit\(limit), " + (gap.map { "\(percent($0)) from the bound" } ?? "with no bound proven")
            }
        case .gapLimit: return "the solve ended within the requested gap" + (requestedGap.map { " of \(percent($0))" } ?? "") + (gap.map { " (\(percent($0)) reached)" } ?? "")
        case .cancelled: return "the solve was cancelled"
        case .completed:
            switch status {
            case .optimal: return "the solve ended with the schedule proven optimal"
            case .infeasible: return "the solve ended proving that no schedule meets every due date"
            case .feasible, .noSolution: return "the solve ended"
            }
        }
    }
}
