/// What a solver found: the answer's status, why it stopped, the values and statistics.
///
/// A `Solution` is only returned when the solver ran. Whether the answer is usable is the
/// ``status``: check it before reading ``values``.
///
/// ```swift
/// let solution = try GLPKSolver().solve(lp, options: .init(timeLimit: 10))
/// switch solution.status {
/// case .optimal: print(solution.objective!)
/// case .feasible: print("gap", solution.relativeGap!)   // e.g. the time limit was reached
/// case .infeasible, .unbounded, .infeasibleOrUnbounded, .noSolution: break
/// }
/// ```
public struct Solution: Codable, Sendable {
    /// What the answer is.
    public var status: SolutionStatus
    /// Why the solver stopped.
    public var termination: TerminationReason
    /// The objective at ``values``, computed from the model (not copied from GLPK); `nil` when
    /// there is no solution.
    public var objective: Double?
    /// The best proven bound on the optimum (a lower bound when minimizing, an upper bound
    /// when maximizing); equals ``objective`` at optimality. `nil` when unknown.
    public var bestBound: Double?
    /// One value per variable, by index; empty when there is no solution.
    public var values: [Double]
    /// For LPs solved to optimality: the dual value (shadow price) of each constraint.
    public var constraintDuals: [Double]?
    /// For LPs solved to optimality: the reduced cost of each variable.
    public var reducedCosts: [Double]?
    /// How long the solve took and how much work it did.
    public var statistics: SolveStatistics

    /// The value of `variable` (0 when there is no solution).
    public subscript(variable: Variable) -> Double {
        values.indices.contains(variable.index) ? values[variable.index] : 0
    }

    /// The value of an expression at this solution.
    public func value(of expression: LinearExpression) -> Double {
        values.isEmpty ? .nan : expression.value(at: values)
    }

    /// Whether ``values`` hold a feasible solution (optimal or not).
    public var hasSolution: Bool { status == .optimal || status == .feasible }

    /// The relative gap `|objective − bestBound| / max(|objective|, 1e-10)`, as GLPK defines it;
    /// 0 at optimality, `nil` when either is unknown.
    public var relativeGap: Double? {
        guard let objective, let bestBound else { return nil }
        if status == .optimal { return 0 }
        return abs(objective - bestBound) / max(abs(objective), 1e-10)
    }

    /// Creates a solution; the parameters are the properties of the same names. Solvers make
    /// these; a test can make one to check against a program.
    public init(status: SolutionStatus, termination: TerminationReason, objective: Double?, bestBound: Double?,
                values: [Double], constraintDuals: [Double]? = nil, reducedCosts: [Double]? = nil,
                statistics: SolveStatistics) {
        self.status = status
        self.termination = termination
        self.objective = objective
        self.bestBound = bestBound
        self.values = values
        self.constraintDuals = constraintDuals
        self.reducedCosts = reducedCosts
        self.statistics = statistics
    }
}

/// What a solver's answer is.
public enum SolutionStatus: String, Codable, Sendable {
    /// Proven optimal (within the solver's tolerances).
    case optimal
    /// Feasible, not proven optimal: the search stopped early (time limit, gap, cancellation).
    case feasible
    /// Proven to have no feasible solution.
    case infeasible
    /// The objective improves without limit. For a MIP this means its LP relaxation is
    /// unbounded (the MIP itself is unbounded unless it has no integer solution at all).
    case unbounded
    /// The presolver showed there is no optimum but not which of the two holds.
    case infeasibleOrUnbounded
    /// The search stopped before finding any feasible solution.
    case noSolution
}

/// Why a solver stopped.
public enum TerminationReason: String, Codable, Sendable {
    /// It finished: the status is proven.
    case completed
    /// ``SolverOptions/timeLimit`` was reached.
    case timeLimit
    /// ``SolverOptions/relativeGap`` was reached.
    case gapLimit
    /// The calling task was cancelled.
    case cancelled
}

/// The phase a solve was in when it ended: what was running when the time limit passed, or
/// the phase that gave the answer.
public enum SolvePhase: String, Codable, Sendable, CaseIterable {
    /// Building the starting solution (a scheduler's greedy start), before the solver ran.
    case start
    /// Bounding the start's LP relaxation by the interior-point method
    /// (``SolverOptions/certifyStart``).
    case certificate
    /// Solving the LP (or a MIP's LP relaxation) by the simplex method.
    case lpRelaxation
    /// GLPK's branch-and-cut (cut rounds, heuristics, node LPs).
    case branchAndCut
}

/// How long a solve took and how much work it did.
public struct SolveStatistics: Codable, Sendable {
    /// The solved program's size.
    public var modelSize: ModelSize
    /// Seconds spent handing the program to the solver (building GLPK's copy).
    public var loadSeconds: Double
    /// Seconds spent solving.
    public var solveSeconds: Double
    /// Simplex iterations (for a MIP, those of the original problem's LPs as GLPK counts them).
    public var simplexIterations: Int
    /// Branch-and-bound nodes created (0 for an LP).
    public var branchAndBoundNodes: Int
    /// Whether the answer is the starting solution, certified within the gap by the
    /// interior-point bound alone (``SolverOptions/certifyStart``), without branch-and-cut.
    public var startCertified: Bool = false
    /// The phase that was running when the solve ended (nil for a pure LP solved at once).
    public var endedIn: SolvePhase?
    /// Whether the answer is the caller's start returned as it is, because the solver stopped
    /// (time limit, cancellation) before finding a solution of its own.
    public var startReturned: Bool = false
    /// Whether GLPK's own cut rounds were switched off during branch-and-cut because one
    /// more round (they run without looking at the clock) would have overrun the time limit.
    public var cutsStoppedForTime: Bool = false
    /// The objective of the MIP's LP relaxation at the root, when it was solved before
    /// branch-and-cut: the bound before any cut or branching, to tell how far they moved it.
    public var relaxationBound: Double?

    /// Creates statistics; the parameters are the properties of the same names
    /// (``startCertified`` starts false).
    public init(modelSize: ModelSize, loadSeconds: Double, solveSeconds: Double, simplexIterations: Int, branchAndBoundNodes: Int) {
        self.modelSize = modelSize
        self.loadSeconds = loadSeconds
        self.solveSeconds = solveSeconds
        self.simplexIterations = simplexIterations
        self.branchAndBoundNodes = branchAndBoundNodes
    }
}
