extension SolverOptions {
    /// The integer variables (batch counts) above which a network is "large" for
    /// ``recommended(for:timeLimit:relativeGap:)``: pseudo-cost branching there spends its time
    /// initializing the costs of thousands of fractional counts (23 s for a 10 s limit on a
    /// year's campaign, see BENCHMARKS.md), so GLPK's Driebeck–Tomlin rule and all four cut
    /// families are used instead.
    public static let largeNetworkIntegerVariables = 2_000

    /// The options a caller gets for `network` when it passes none
    /// (``STNScheduler/solve(_:objective:options:start:greedyStart:deadline:)``,
    /// ``STNRun/solve(_:options:greedyStart:)``), chosen from the problem's size and structure:
    ///
    /// - **Small and medium networks** (at most ``largeNetworkIntegerVariables`` batch
    ///   counts, such as the literature's examples): pseudo-cost branching, GLPK's MIP
    ///   presolver, best-bound node selection, no cuts. Measured on Kondili et al. (1993) at
    ///   16 and 20 h beside CBC and HiGHS (`scripts/bench-stn-solvers`, BENCHMARKS.md "STN
    ///   defaults against CBC and HiGHS"): pseudo-cost branching with the presolver (whose
    ///   coefficient reduction tightens the relaxation) is what proves these models; without
    ///   the presolver, or with GLPK's default branching rule, 20 h was not proven in 90 s,
    ///   and GLPK's cuts slowed every node more than they closed the gap.
    /// - **Large networks** (a year's campaign): Driebeck–Tomlin branching and all four cut
    ///   families, as measured on the refinery's campaigns.
    ///
    /// Whether a starting schedule is used is decided by the scheduler, not here: an automatic
    /// greedy start (`greedyStart: nil`) is used only when its value is within
    /// ``STNScheduler/trustedStartGap`` of the LP relaxation's bound.
    ///
    /// - Parameters:
    ///   - network: The network to be solved.
    ///   - timeLimit: Seconds for the whole solve; `nil` for none. The default is 60.
    ///   - relativeGap: The relative gap at which to stop; the default is 0 (proven optimal).
    public static func recommended(for network: StateTaskNetwork, timeLimit: Double? = 60, relativeGap: Double? = 0) -> SolverOptions {
        var options = SolverOptions(timeLimit: timeLimit, relativeGap: relativeGap)
        if network.estimatedIntegerVariables > largeNetworkIntegerVariables {
            options.branching = .driebeckTomlin
            options.cuts = .all
        } else {
            options.branching = .pseudocost
        }
        return options
    }
}

extension StateTaskNetwork {
    /// An upper estimate of the batch-count variables of the network's MILP: one per task,
    /// unit type it suits, and period (modes and frozen periods, which can only lower it, are
    /// ignored). Cheap: it does not build the model.
    var estimatedIntegerVariables: Int {
        let periods = max(horizon, 1)
        return tasks.reduce(0) { $0 + $1.units.count * periods }
    }
}
