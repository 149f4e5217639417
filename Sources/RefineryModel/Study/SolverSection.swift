/// The `solver` section of a run's report: what GLPK proved about the run's optimization
/// model (the campaign schedule), so a reader can judge how far to trust the schedule.
public struct SolverSection: Codable, Sendable {
    /// Which model: "campaign schedule".
    public var model: String
    /// Whether a schedule was found and proven.
    public var status: STNScheduleResult.Status
    /// Why the solver stopped.
    public var termination: TerminationReason
    /// The objective of the schedule found.
    public var objective: Double?
    /// The best bound proven on the objective.
    public var bestBound: Double?
    /// Relative gap between objective and bound; 0 when proven optimal.
    public var gap: Double?
    /// The relative gap the solve was asked to meet.
    public var gapTarget: Double?
    /// The time limit the solve was asked to meet, in seconds.
    public var timeLimitSeconds: Double?
    /// `interiorPointCertificate` (the greedy start proven within the gap by the relaxation's
    /// interior-point bound) or `branchAndCut`.
    public var method: String
    /// Variables, integer variables, constraints and non-zeros of the model.
    public var size: ModelSize
    /// Branch-and-bound nodes explored.
    public var branchAndBoundNodes: Int
    /// Seconds to build the model, with ``RunOptions/timings`` only (they vary from run to run).
    public var buildSeconds: Double?
    /// Seconds to solve it, with ``RunOptions/timings`` only.
    public var solveSeconds: Double?

    /// The section of a schedule report solved with `options`.
    public init(_ report: RefineryScheduleReport, options: SolverOptions, model: String = "campaign schedule") {
        self.model = model
        status = report.status
        termination = report.termination
        objective = report.objective
        bestBound = report.bestBound
        gap = report.gap
        gapTarget = options.relativeGap
        timeLimitSeconds = options.timeLimit
        method = report.startCertified ? "interiorPointCertificate" : "branchAndCut"
        size = report.model
        branchAndBoundNodes = report.branchAndBoundNodes
        buildSeconds = report.timings?.buildSeconds
        solveSeconds = report.timings?.solveSeconds
    }
}
