import RefineryModel

/// One sentence on what ended a solve, for the text reports: proven optimal, the gap reached,
/// or the time limit (and whether a schedule had been found by then). With the report's
/// ``RefineryScheduleReport/Ending``, it also says in which phase the solve ended and whether
/// the schedule is the greedy start returned as it is.
enum SolveEnding {
    static func sentence(status: STNScheduleResult.Status, termination: TerminationReason, gap: Double?, requestedGap: Double?,
                         timeLimit: Double?, ending: RefineryScheduleReport.Ending? = nil, bound: Double? = nil) -> String {
        func percent(_ value: Double) -> String { Formatting.number(value * 100, decimals: 2) + "%" }
        let limit = timeLimit.map { " of \(Formatting.number($0, decimals: $0 < 10 ? 1 : 0)) s" } ?? ""
        let start = ending?.startReturned == true ? "; the schedule is the greedy start, unimproved" : ""
        var cuts = ending?.cutsStoppedForTime == true ? "; GLPK's cut rounds were switched off before it, as one more would have run past it" : ""
        // Which side is loose: how far cuts and branching moved the bound from the LP relaxation's.
        if ending?.phase == .branchAndCut, let root = ending?.relaxationBound, let bound, abs(root) > 0 {
            cuts += "; the bound is " + (abs(root - bound) <= 1e-4 * abs(root) ? "still the LP relaxation's (cuts and branching moved it less than 0.01%)"
                                         : "\(percent(abs(root - bound) / abs(root))) tighter than the LP relaxation's")
        }
        switch termination {
        case .timeLimit:
            var during = ""
            switch ending?.phase {
            case .start?: during = ", while the greedy start was being built"
            case .certificate?: during = ", while the interior-point method bounded the greedy start"
            case .lpRelaxation?: during = ", while the simplex method solved the LP relaxation (before branch-and-cut)"
            case .branchAndCut?: during = ", in branch-and-cut"
            case nil: break
            }
            switch status {
            case .noSolution: return "the solve ended at the time limit\(limit)\(during)\(during.isEmpty ? "" : ",") before any schedule was found"
            case .infeasible: return "the solve ended at the time limit\(limit)\(during); no schedule meets every due date"
            default: return "the solve ended at the time limit\(limit)\(during), " + (gap.map { "\(percent($0)) from the bound" } ?? "with no bound proven") + start + cuts
            }
        case .gapLimit:
            let phase = ending?.phase == .branchAndCut ? " in branch-and-cut" : ending?.phase == .certificate ? " by the interior-point bound" : ""
            return "the solve ended within the requested gap" + (requestedGap.map { " of \(percent($0))" } ?? "") + (gap.map { " (\(percent($0)) reached)" } ?? "") + phase
        case .cancelled: return "the solve was cancelled" + start
        case .completed:
            switch status {
            case .optimal: return "the solve ended with the schedule proven optimal"
            case .infeasible: return "the solve ended proving that no schedule meets every due date"
            case .feasible, .noSolution: return "the solve ended"
            }
        }
    }
}
