import Foundation

/// Why a network could not be scheduled at all (as opposed to having no feasible schedule,
/// which is a result: ``STNScheduleResult/Status/infeasible``).
public enum SchedulingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The network has problems; every one is listed with its path.
    case invalidNetwork([ScenarioProblem])
    /// The request cannot be turned into a network (a scenario without the stages it needs…).
    case invalidRequest([ScenarioProblem])
    /// The solver could not run.
    case solver(OptimizationError)

    public var description: String {
        switch self {
        case let .invalidNetwork(problems): return "invalid network: " + problems.map(\.description).joined(separator: "; ")
        case let .invalidRequest(problems): return "invalid schedule request: " + problems.map(\.description).joined(separator: "; ")
        case let .solver(error): return error.description
        }
    }
}

/// A schedule with what the solver proved about it, the independent check, and — when no
/// schedule meets every rule — an explanation.
public struct STNScheduleResult: Codable, Sendable {
    /// What the solver established about the schedule.
    public enum Status: String, Codable, Sendable {
        /// Proven optimal (within the requested gap, if any).
        case optimal
        /// A feasible schedule, stopped early (time limit, gap): see `gap`.
        case feasible
        /// No schedule meets every receipt and milestone; `explanation` says which block and
        /// `schedule` is the relaxed answer that misses the least.
        case infeasible
        /// The solver stopped (time limit) before finding any schedule.
        case noSolution
    }

    /// Optimal, feasible, infeasible or no solution.
    public var status: Status
    /// Why the solver stopped.
    public var termination: TerminationReason
    /// The objective value of the schedule; nil without one.
    public var objective: Double?
    /// The best bound the solver proved; nil when unknown.
    public var bestBound: Double?
    /// Relative gap between the objective and the bound; 0 when optimal.
    public var gap: Double?
    /// The schedule found (for an infeasible network, the elastic one); nil when none.
    public var schedule: STNSchedule?
    /// Stocks recomputed by the checker: stock[s][t].
    public var stock: [[Double]]?
    /// What the independent check found; empty for a valid schedule.
    public var violations: [ScheduleChecker.Violation]
    /// For an infeasible network: which receipts and milestones block.
    public var explanation: InfeasibilityExplanation?
    /// The size of the MILP solved.
    public var model: ModelSize
    /// Seconds spent building the MILP.
    public var buildSeconds: Double
    /// Seconds spent solving it.
    public var solveSeconds: Double
    /// Branch-and-bound nodes explored.
    public var branchAndBoundNodes: Int
    /// Whether the schedule is the starting (greedy) one, proven within the gap by the
    /// relaxation's interior-point bound without branch-and-cut (``SolverOptions/certifyStart``).
    public var startCertified: Bool = false
    /// The phase that was running when the solve ended (``SolvePhase/start`` when the time ran
    /// out while the greedy start was built); nil when no solver ran.
    public var endedIn: SolvePhase?
    /// Whether the schedule is the start (greedy or the caller's) returned as it is, because
    /// the solver stopped before finding one of its own.
    public var startReturned: Bool = false
    /// Whether GLPK's cut rounds were switched off to keep the time limit
    /// (``SolveStatistics/cutsStoppedForTime``).
    public var cutsStoppedForTime: Bool = false
    /// The LP relaxation's objective at the root, when it was solved before branch-and-cut
    /// (``SolveStatistics/relaxationBound``).
    public var relaxationBound: Double?
}

/// Which receipts and milestones make a network infeasible, from the elastic model that
/// refuses or misses as little material as possible.
public struct InfeasibilityExplanation: Codable, Sendable, Equatable {
    /// A receipt the elastic schedule refuses, in part or whole.
    public struct Refusal: Codable, Sendable, Equatable {
        /// The receipt's label (a lot id), if any.
        public var label: String?
        /// The state it delivers to.
        public var state: String
        /// The period it arrives in.
        public var time: Int
        /// The amount it delivers.
        public var amount: Double
        /// The amount refused.
        public var refused: Double
    }

    /// A milestone the elastic schedule misses.
    public struct Miss: Codable, Sendable, Equatable {
        /// The milestone's label (lot ids), if any.
        public var label: String?
        /// Its due period.
        public var time: Int
        /// The amount due.
        public var amount: Double
        /// What the relaxed schedule reaches by the due time.
        public var reached: Double
        /// `amount` − `reached`: what is missing at the due time.
        public var shortfall: Double
        /// When the relaxed schedule first reaches the amount, if within the horizon: a due
        /// time that this schedule meets.
        public var reachedAt: Int?
    }

    /// The receipts refused, in receipt order.
    public var refusals: [Refusal]
    /// The milestones missed, in milestone order.
    public var misses: [Miss]
    /// How far the relaxed schedule may be from the least possible refusal and shortfall
    /// (the elastic model stops at 2% or 10 s): 0 when proven least.
    public var gap: Double?
    /// The least total that must be refused from the receipts.
    public var totalRefused: Double { refusals.reduce(0) { $0 + $1.refused } }
    /// The least total shortfall over the milestones.
    public var totalShortfall: Double { misses.reduce(0) { $0 + $1.shortfall } }
}

/// Builds, solves, decodes and checks STN schedules with GLPK.
public enum STNScheduler {
    /// How far (relative) an automatic greedy start may be below the LP relaxation's bound and
    /// still be handed to GLPK: 0.1. A start turns GLPK's MIP presolver off, so a poor one
    /// costs more than it saves: on Kondili et al. at 16 h the greedy schedule is worth 903
    /// against an optimum of 5,123 (bound 5,165.5) and slowed the proof.
    public static let trustedStartGap = 0.1

    /// Schedules `network` for `objective`. Validates first (throws on problems), solves the
    /// MILP, decodes and checks the schedule; if the MILP is infeasible, solves the elastic
    /// form and explains. A `start` schedule, if valid, is handed to GLPK as an incumbent;
    /// without a valid one, ``GreedySchedule`` builds one when `greedyStart` is true. When
    /// `greedyStart` is `nil` (the default) the choice is measured: the greedy schedule is
    /// used only when it is within ``trustedStartGap`` of the LP relaxation's bound (one
    /// simplex solve of the relaxation, within the time limit).
    ///
    /// `options` `nil` (the default) means ``SolverOptions/recommended(for:timeLimit:relativeGap:)``
    /// with no time limit.
    ///
    /// ``SolverOptions/timeLimit`` bounds the whole call, not each phase: one deadline is set
    /// when the call starts (or passed in as `deadline`, when the caller's own work before it
    /// counts too), and the greedy start, the MILP and the elastic model each get what is left.
    /// When the greedy start runs out of time, the MILP starts without it.
    public static func solve(_ network: StateTaskNetwork, objective: STNObjective = .terminalValue,
                             options: SolverOptions? = nil, start: STNSchedule? = nil,
                             greedyStart: Bool? = nil, deadline: SolveDeadline = .none) throws -> STNScheduleResult {
        let options = options ?? .recommended(for: network, timeLimit: nil)
        let deadline = deadline.capped(at: options.timeLimit)
        let problems = network.problems()
        guard problems.isEmpty else { throw SchedulingError.invalidNetwork(problems) }
        let clock = ContinuousClock.now
        let formulation = STNFormulation(network, objective: objective)
        let buildSeconds = seconds(since: clock)
        let checker = ScheduleChecker(network: network)
        var startValues: [Double]?
        let greedy = greedyStart ?? true ? GreedySchedule.build(network, deadline: deadline) : nil
        // The caller's start if it is valid (a previous plan), else the greedy one; an automatic
        // greedy start only when it is near the relaxation's bound, or when the time is up (a
        // valid schedule is then the answer, better than none). A start is kept when the
        // deadline passed while it was built: GLPK then returns it as it is.
        if let start, checker.check(start).isValid {
            startValues = formulation.values(for: start)
        } else if let greedy, checker.check(greedy).isValid {
            let values = formulation.values(for: greedy)
            if greedyStart == true || (try? isTrusted(values, in: formulation.program, options: options, deadline: deadline)) == true
                || deadline.hasExpired {
                startValues = values
            }
        }
        let expiredBeforeSolve = deadline.hasExpired
        let solution: Solution
        do { solution = try GLPKSolver().solve(formulation.program, options: options, start: startValues, deadline: deadline) } catch {
            throw SchedulingError.solver(error)
        }
        var result = STNScheduleResult(
            status: .noSolution, termination: solution.termination, objective: solution.objective, bestBound: solution.bestBound,
            gap: solution.relativeGap, schedule: nil, stock: nil, violations: [], explanation: nil, model: formulation.program.size,
            buildSeconds: buildSeconds, solveSeconds: solution.statistics.loadSeconds + solution.statistics.solveSeconds,
            branchAndBoundNodes: solution.statistics.branchAndBoundNodes, startCertified: solution.statistics.startCertified)
        // The start (the greedy one, or the caller's variants) took the time: the solver got
        // nothing to do but return it, or give up without one.
        let startTookTheTime = expiredBeforeSolve || ((greedyStart ?? true) && greedy == nil && start == nil)
        result.endedIn = startTookTheTime ? .start : solution.statistics.endedIn
        result.startReturned = solution.statistics.startReturned
        result.cutsStoppedForTime = solution.statistics.cutsStoppedForTime
        result.relaxationBound = solution.statistics.relaxationBound
        switch solution.status {
        case .optimal, .feasible:
            result.status = solution.status == .optimal ? .optimal : .feasible
            let schedule = formulation.schedule(from: solution.values)
            let check = checker.check(schedule)
            result.schedule = schedule
            result.stock = check.stock
            result.violations = check.violations
        case .infeasible, .infeasibleOrUnbounded:
            result.status = .infeasible
            result.objective = nil
            result.bestBound = nil
            result.gap = nil
            let elastic = STNFormulation(network, elastic: true)
            let relaxed: Solution
            let elasticStart = greedy.map(elastic.values(for:))
            // The explanation is a diagnosis: a few percent from the least shortfall is enough,
            // within 10 s and what is left of the caller's time.
            var elasticOptions = options
            elasticOptions.timeLimit = 10
            elasticOptions.relativeGap = max(options.relativeGap ?? 0, 0.02)
            do {
                relaxed = try GLPKSolver().solve(elastic.program, options: elasticOptions, start: elasticStart, deadline: deadline)
            } catch {
                throw SchedulingError.solver(error)
            }
            result.solveSeconds += relaxed.statistics.loadSeconds + relaxed.statistics.solveSeconds
            if relaxed.hasSolution {
                let schedule = elastic.schedule(from: relaxed.values)
                let check = checker.check(schedule, allowRelaxation: true)
                result.schedule = schedule
                result.stock = check.stock
                result.violations = check.violations
                result.explanation = explanation(network: network, elastic: elastic, values: relaxed.values, stock: check.stock)
                result.explanation?.gap = relaxed.relativeGap
            }
        case .unbounded, .noSolution:
            result.status = .noSolution
        }
        return result
    }

    /// Whether `values` are within ``trustedStartGap`` of the bound of the LP relaxation of
    /// `program` (solved by the simplex within the deadline).
    static func isTrusted(_ values: [Double], in program: LinearProgram, options: SolverOptions, deadline: SolveDeadline) throws -> Bool {
        var relaxation = program
        for j in 0..<program.variableCount where program.variableKinds[j] != .continuous {
            relaxation.setKind(of: Variable(index: j), to: .continuous)
        }
        var lpOptions = SolverOptions(timeLimit: options.timeLimit, log: options.log)
        lpOptions.presolve = options.presolve
        let solution = try GLPKSolver().solve(relaxation, options: lpOptions, deadline: deadline)
        guard solution.status == .optimal, let bound = solution.objective else { return false }
        let value = program.objectiveValue(at: values)
        return abs(bound - value) <= trustedStartGap * max(abs(bound), 1e-9)
    }

    static func explanation(network: StateTaskNetwork, elastic: STNFormulation, values: [Double], stock: [[Double]]) -> InfeasibilityExplanation {
        let stateIndex = network.stateIndex
        var refusals: [InfeasibilityExplanation.Refusal] = []
        for (r, receipt) in network.receipts.enumerated() {
            guard let v = elastic.refused[r] else { continue }
            let amount = values[v.index]
            if amount > 1e-6 * max(1, receipt.amount) {
                refusals.append(.init(label: receipt.label, state: receipt.state, time: receipt.time, amount: receipt.amount, refused: amount))
            }
        }
        var misses: [InfeasibilityExplanation.Miss] = []
        for (m, milestone) in network.milestones.enumerated() {
            guard let v = elastic.shortfall[m] else { continue }
            let missing = values[v.index]
            guard missing > 1e-6 * max(1, milestone.amount) else { continue }
            let indices = milestone.states.compactMap { stateIndex[$0] }
            func reached(at t: Int) -> Double { indices.reduce(0) { $0 + stock[$1][t] } }
            let at = (milestone.time...network.horizon).first { reached(at: $0) >= milestone.amount - 1e-6 * max(1, milestone.amount) }
            misses.append(.init(label: milestone.label, time: milestone.time, amount: milestone.amount,
                                reached: reached(at: min(milestone.time, network.horizon)), shortfall: missing, reachedAt: at))
        }
        return InfeasibilityExplanation(refusals: refusals, misses: misses, gap: nil)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
