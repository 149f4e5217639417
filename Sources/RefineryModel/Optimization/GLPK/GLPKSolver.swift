internal import CGLPK
import Foundation

/// Solves ``LinearProgram``s with GLPK: LPs by the simplex method, MIPs by branch-and-cut.
///
/// Every call is self-contained: the program is validated in Swift (GLPK aborts the process on
/// invalid data), copied into a fresh GLPK problem, solved, read back and deleted, all on the
/// calling thread and inside the call. The solver has no state, so one value can be used from
/// many threads or tasks at once:
///
/// ```swift
/// let solver = GLPKSolver()
/// let solutions = try await withThrowingTaskGroup(of: Solution.self) { group in
///     for lp in programs { group.addTask { try solver.solve(lp) } }
///     return try await group.reduce(into: []) { $0.append($1) }
/// }
/// ```
///
/// A solve that runs inside a task stops early, with ``TerminationReason/cancelled``, when the
/// task is cancelled. A solve is synchronous CPU work: while it runs it occupies one thread of
/// Swift's cooperative pool, so bound long solves with ``SolverOptions/timeLimit`` and run at
/// most as many at once as there are cores.
///
/// Related GLPK documentation: "GLPK Reference Manual", chapters 2 (API routines) and 5
/// (branch-and-cut API).
public struct GLPKSolver: Sendable {
    /// A solver. It holds no state: every solve makes, uses and frees its own GLPK problem on
    /// the calling thread, so one value can be shared across tasks.
    public init() {}

    /// GLPK's version, such as "5.0".
    public static var version: String {
        let session = GLPKSession(log: .off)
        defer { session.close() }
        return String(cString: glp_version())
    }

    /// Solves `program`.
    ///
    /// - Parameters:
    ///   - program: The linear or mixed-integer program; it is validated first (sizes, names,
    ///     finite coefficients and consistent bounds), so GLPK never aborts on it.
    ///   - options: Limits, tolerances and GLPK's cuts and heuristics.
    ///   - start: A feasible solution to start branch-and-cut from (one value per variable).
    ///     GLPK accepts it as its first incumbent if it is feasible; presolve is then off.
    ///     Ignored for pure LPs.
    ///   - deadline: When the caller's whole solve must end (its other phases included); the
    ///     solve stops at the earlier of this and ``SolverOptions/timeLimit`` from now. Every
    ///     phase gets what is left: the simplex (GLPK's `tm_lim`), the interior point (stopped
    ///     at the iteration that passes the deadline), branch-and-cut (`tm_lim`, and the
    ///     deadline checked at every callback).
    /// - Returns: The answer. An infeasible or unbounded model, or a time limit, is a
    ///   ``Solution/status``, not an error.
    /// - Throws: ``OptimizationError`` when the model or options are invalid or GLPK fails.
    public func solve(_ program: LinearProgram, options: SolverOptions = SolverOptions(),
                      start: [Double]? = nil, deadline: SolveDeadline = .none) throws(OptimizationError) -> Solution {
        try program.validate()
        try Self.validate(options)
        if let start, program.isMixedInteger { try Self.validate(start: start, for: program) }

        let clock = ContinuousClock()
        let began = clock.now
        let deadline = deadline.capped(at: options.timeLimit)
        let session = GLPKSession(log: options.log)
        defer { session.close() }
        try GLPKProblemLoader.load(program, into: session)
        let loaded = clock.now

        var outcome: Outcome
        if program.isMixedInteger {
            outcome = try solveMixedInteger(program, session: session, options: options, start: start, deadline: deadline)
        } else {
            outcome = try solveLinear(session: session, options: options, deadline: deadline)
        }
        if outcome.status == .infeasibleOrUnbounded {
            outcome.status = try resolveInfeasibleOrUnbounded(session: session, options: options, deadline: deadline)
        }
        // Stopped early without an incumbent of GLPK's own: the starting solution, if it is
        // feasible, is still the best known answer.
        if outcome.status == .noSolution, let start, program.isMixedInteger,
           program.check(start).isFeasible(tolerance: 1e-6) {
            outcome.status = .feasible
            outcome.values = start
            outcome.startReturned = true
        }
        let finished = clock.now

        var statistics = SolveStatistics(
            modelSize: program.size, loadSeconds: (loaded - began).seconds, solveSeconds: (finished - loaded).seconds,
            simplexIterations: outcome.problemIterations(session), branchAndBoundNodes: outcome.nodes)
        statistics.startCertified = outcome.startCertified
        statistics.startReturned = outcome.startReturned
        statistics.endedIn = outcome.phase
        statistics.cutsStoppedForTime = outcome.cutsStoppedForTime
        statistics.relaxationBound = outcome.relaxationBound
        var objective: Double?
        if outcome.status == .optimal || outcome.status == .feasible { objective = program.objectiveValue(at: outcome.values) }
        let bound = outcome.status == .optimal ? objective : outcome.bestBound
        return Solution(
            status: outcome.status, termination: outcome.termination, objective: objective, bestBound: bound,
            values: outcome.values, constraintDuals: outcome.duals, reducedCosts: outcome.reducedCosts,
            statistics: statistics)
    }

    // MARK: - LP

    private struct Outcome {
        var status: SolutionStatus
        var termination: TerminationReason
        var values: [Double] = []
        var duals: [Double]?
        var reducedCosts: [Double]?
        var bestBound: Double?
        var nodes = 0
        var startCertified = false
        /// The phase that was running when the solve ended.
        var phase: SolvePhase = .lpRelaxation
        var startReturned = false
        var cutsStoppedForTime = false
        var relaxationBound: Double?

        func problemIterations(_ session: GLPKSession) -> Int {
            guard let problem = session.problem else { return 0 }
            return Int(glp_get_it_cnt(problem))
        }
    }

    private func simplexParameters(_ options: SolverOptions, session: GLPKSession, deadline: SolveDeadline, presolve: Bool) -> glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = session.messageLevel
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let remaining = deadline.remainingSeconds { parameters.tm_lim = Self.milliseconds(remaining) }
        return parameters
    }

    private func solveLinear(session: GLPKSession, options: SolverOptions, deadline: SolveDeadline) throws(OptimizationError) -> Outcome {
        let problem = try session.requireProblem()
        let n = Int(glp_get_num_cols(problem))
        let m = Int(glp_get_num_rows(problem))
        let presolve = options.presolve && !session.relaxationFirst
        if !session.isScaled {
            // As glpsol does: scale the matrix (GLPK's simplex does not), and without the
            // presolver start from an advanced (triangular) basis. Unscaled, a year's campaign
            // fails to factorize its first basis. Both are guarded: scaling aborts on scale
            // factors that underflow or overflow.
            _ = try session.checkFatal(cglpk_guarded_scale_prob(problem, GLP_SF_AUTO), in: "glp_scale_prob")
            if !presolve { _ = try session.checkFatal(cglpk_guarded_adv_basis(problem), in: "glp_adv_basis") }
            session.isScaled = true
        }
        guard !deadline.hasExpired else { return Outcome(status: .noSolution, termination: .timeLimit) }
        var parameters = simplexParameters(options, session: session, deadline: deadline, presolve: presolve)
        let code = try session.checkFatal(cglpk_guarded_simplex(problem, &parameters), in: "glp_simplex")

        var outcome: Outcome
        switch code {
        case 0:
            switch glp_get_status(problem) {
            case GLP_OPT: outcome = Outcome(status: .optimal, termination: .completed)
            case GLP_NOFEAS: return Outcome(status: .infeasible, termination: .completed)
            case GLP_UNBND: return Outcome(status: .unbounded, termination: .completed)
            case GLP_FEAS: outcome = Outcome(status: .feasible, termination: .completed)
            default: return Outcome(status: .noSolution, termination: .completed)
            }
        case GLP_ETMLIM:
            guard glp_get_prim_stat(problem) == GLP_FEAS else { return Outcome(status: .noSolution, termination: .timeLimit) }
            outcome = Outcome(status: .feasible, termination: .timeLimit)
        case GLP_ENOPFS:
            return Outcome(status: .infeasible, termination: .completed)
        case GLP_ENODFS:
            return Outcome(status: .infeasibleOrUnbounded, termination: .completed)
        default:
            throw .solverFailed(code: Int(code), phase: "simplex method", log: session.terminal.recentText)
        }
        outcome.values = (0..<n).map { glp_get_col_prim(problem, Int32($0 + 1)) }
        if outcome.status == .optimal {
            outcome.duals = (0..<m).map { glp_get_row_dual(problem, Int32($0 + 1)) }
            outcome.reducedCosts = (0..<n).map { glp_get_col_dual(problem, Int32($0 + 1)) }
        }
        return outcome
    }

    /// After a presolver said "no primal or no dual feasible solution", solves the LP
    /// (relaxation) again without presolve to tell infeasible from unbounded.
    private func resolveInfeasibleOrUnbounded(session: GLPKSession, options: SolverOptions,
                                              deadline: SolveDeadline) throws(OptimizationError) -> SolutionStatus {
        guard let problem = session.problem, !deadline.hasExpired else { return .infeasibleOrUnbounded }
        var parameters = simplexParameters(options, session: session, deadline: deadline, presolve: false)
        let code = try session.checkFatal(cglpk_guarded_simplex(problem, &parameters), in: "glp_simplex")
        guard code == 0 else { return .infeasibleOrUnbounded }
        switch glp_get_status(problem) {
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default: return .infeasibleOrUnbounded
        }
    }

    // MARK: - MIP

    private func solveMixedInteger(_ program: LinearProgram, session: GLPKSession, options: SolverOptions,
                                   start: [Double]?, deadline: SolveDeadline) throws(OptimizationError) -> Outcome {
        let problem = try session.requireProblem()
        // GLPK's pseudo-cost initialization (two LP solves per candidate at the first nodes)
        // never looks at the clock. Under a deadline, on a model with more integer variables
        // than `pseudocostGuardIntegerVariables`, its cost is measured first (see
        // GLPKBranchAndCut), which needs the optimal root basis: the root LP is then solved
        // here, without GLPK's presolver. Smaller models keep the presolver: glpsol proves
        // Kondili at 20 h in 31 s with it, not in 60 s without.
        let measurePseudocosts = options.branching == .pseudocost && deadline.instant != nil
            && program.variableKinds.count(where: { $0 != .continuous }) > Self.pseudocostGuardIntegerVariables
        let presolve = options.presolve && start == nil && !measurePseudocosts

        if options.certifyStart, let start, let gapTarget = options.relativeGap {
            if var certified = try certify(start, program: program, session: session, gapTarget: gapTarget, deadline: deadline) {
                certified.phase = .certificate
                return certified
            }
            guard !deadline.hasExpired else { return Outcome(status: .noSolution, termination: .timeLimit, phase: .certificate) }
        }

        var pseudocostEvaluationSeconds: Double?
        var relaxationSeconds: Double?
        var relaxationBound: Double?
        if !presolve {
            // glp_intopt needs an optimal LP relaxation when its presolver is off.
            session.relaxationFirst = true
            let relaxationBegan = ContinuousClock.now
            let relaxation = try solveLinear(session: session, options: options, deadline: deadline)
            relaxationSeconds = (ContinuousClock.now - relaxationBegan).seconds
            switch relaxation.status {
            case .optimal: relaxationBound = glp_get_obj_val(problem)
            case .feasible, .noSolution:
                return Outcome(status: .noSolution, termination: relaxation.termination)
            case .infeasible, .unbounded, .infeasibleOrUnbounded:
                return Outcome(status: relaxation.status, termination: .completed)
            }
            guard !deadline.hasExpired else { return Outcome(status: .noSolution, termination: .timeLimit) }
            if measurePseudocosts, let column = program.variableKinds.firstIndex(where: { $0 != .continuous }) {
                let began = ContinuousClock.now
                _ = try session.checkFatal(cglpk_guarded_pseudocost_probe(problem, Int32(column + 1)), in: "glp_simplex (pseudo-cost probe)")
                pseudocostEvaluationSeconds = (ContinuousClock.now - began).seconds
                guard !deadline.hasExpired else { return Outcome(status: .noSolution, termination: .timeLimit) }
            }
        }

        // GLPK keeps a pointer to its parameters for the whole search (`T->parm`) and reads
        // them live, so the callback can switch its cut rounds off (see GLPKBranchAndCut):
        // they live at a fixed address for the duration of the call.
        let parametersPointer = UnsafeMutablePointer<glp_iocp>.allocate(capacity: 1)
        defer { parametersPointer.deallocate() }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = session.messageLevel
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let remaining = deadline.remainingSeconds {
            parameters.tm_lim = Self.milliseconds(remaining)
            // Proximity search has its own limit (60 s by default); it must not outlast ours.
            parameters.ps_tm_lim = min(parameters.ps_tm_lim, parameters.tm_lim)
        }
        if let gap = options.relativeGap { parameters.mip_gap = gap }
        parameters.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parameters.mir_cuts = options.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parameters.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        parameters.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parameters.sr_heur = options.heuristics.contains(.rounding) ? GLP_ON : GLP_OFF
        parameters.fp_heur = options.heuristics.contains(.feasibilityPump) ? GLP_ON : GLP_OFF
        parameters.ps_heur = options.heuristics.contains(.proximitySearch) ? GLP_ON : GLP_OFF
        parameters.br_tech = Self.glpkBranching(options.branching)
        parameters.bt_tech = Self.glpkBacktracking(options.backtracking)

        let context = GLPKBranchAndCut(start: start, deadline: deadline, pseudocostEvaluationSeconds: pseudocostEvaluationSeconds,
                                       parameters: parametersPointer, relaxationSeconds: relaxationSeconds)
        parameters.cb_func = GLPKBranchAndCut.callback
        let code = try withExtendedLifetime(context) { () throws(OptimizationError) -> Int32 in
            parameters.cb_info = Unmanaged.passUnretained(context).toOpaque()
            parametersPointer.initialize(to: parameters)
            return try session.checkFatal(cglpk_guarded_intopt(problem, parametersPointer), in: "glp_intopt")
        }

        let mipStatus = glp_mip_status(problem)
        var outcome: Outcome
        switch code {
        case 0 where mipStatus == GLP_OPT: outcome = Outcome(status: .optimal, termination: .completed)
        case 0 where mipStatus == GLP_NOFEAS, GLP_ENOPFS:
            return Outcome(status: .infeasible, termination: .completed, nodes: context.nodes, phase: .branchAndCut)
        case GLP_ENODFS: return Outcome(status: .infeasibleOrUnbounded, termination: .completed, nodes: context.nodes, phase: .branchAndCut)
        case GLP_ETMLIM, GLP_EMIPGAP, GLP_ESTOP:
            let reason: TerminationReason = code == GLP_ETMLIM || (code == GLP_ESTOP && context.stoppedAtDeadline)
                ? .timeLimit : code == GLP_EMIPGAP ? .gapLimit : .cancelled
            guard mipStatus == GLP_FEAS || mipStatus == GLP_OPT else {
                return Outcome(status: .noSolution, termination: reason, bestBound: context.bestBound, nodes: context.nodes,
                               phase: .branchAndCut, cutsStoppedForTime: context.cutsStoppedForTime)
            }
            outcome = Outcome(status: .feasible, termination: reason)
        case GLP_EFAIL where presolve:
            // GLPK's MIP presolver works on an unscaled copy, whose first basis can fail to
            // factorize (seen on a year's campaign); solve again as glpsol does by default:
            // scaled, from an advanced basis, without the presolver.
            var retry = options
            retry.presolve = false
            return try solveMixedInteger(program, session: session, options: retry, start: start, deadline: deadline)
        default:
            throw .solverFailed(code: Int(code), phase: "branch-and-cut", log: session.terminal.recentText)
        }
        let n = program.variableCount
        outcome.values = (0..<n).map { glp_mip_col_val(problem, Int32($0 + 1)) }
        outcome.bestBound = context.bestBound
        outcome.nodes = context.nodes
        outcome.phase = .branchAndCut
        outcome.cutsStoppedForTime = context.cutsStoppedForTime
        outcome.relaxationBound = relaxationBound
        return outcome
    }

    /// Bounds the LP relaxation by the interior-point method and returns `start` as the answer
    /// when it is within `gapTarget` of that bound (see ``SolverOptions/certifyStart``);
    /// `nil` when it is not, or when the interior point does not reach an optimum.
    ///
    /// `glp_interior` has no time limit of its own; it writes one line per iteration, and the
    /// guard stops it at the first line past the deadline. GLPK's environment is then gone,
    /// and the answer is "no solution, time limit" (``solve(_:options:start:deadline:)`` then
    /// returns the start, which is feasible).
    private func certify(_ start: [Double], program: LinearProgram, session: GLPKSession,
                         gapTarget: Double, deadline: SolveDeadline) throws(OptimizationError) -> Outcome? {
        guard let problem = session.problem, program.check(start).isFeasible(tolerance: 1e-6) else { return nil }
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = GLP_MSG_ON // one line per iteration, at which the deadline is checked
        let seconds = deadline.remainingSeconds ?? 1e9
        let result = cglpk_guarded_interior_until(problem, &parameters, seconds, GLPKTerminal.hook, session.terminalInfo)
        if result == CGLPK_DEADLINE {
            session.forget()
            return Outcome(status: .noSolution, termination: .timeLimit, phase: .certificate)
        }
        let code = try session.checkFatal(result, in: "glp_interior")
        guard code == 0, glp_ipt_status(problem) == GLP_OPT else { return nil }
        let relaxation = glp_ipt_obj_val(problem)
        // Loosened in the direction that keeps it a bound: the method stops at a small gap.
        let slack = 1e-6 * max(1, abs(relaxation))
        let bound = program.sense == .maximize ? relaxation + slack : relaxation - slack
        let objective = program.objectiveValue(at: start)
        let gap = abs(objective - bound) / max(abs(objective), 1e-10)
        guard gap <= gapTarget else { return nil }
        return Outcome(status: .feasible, termination: .gapLimit, values: start, bestBound: bound, startCertified: true)
    }

    // MARK: - Validation and conversions

    static func validate(_ options: SolverOptions) throws(OptimizationError) {
        if let limit = options.timeLimit, !(limit > 0 && limit <= Double(Int32.max) / 1000) {
            throw .invalidOptions("timeLimit \(limit) is not a number of seconds in (0, \(Int32.max / 1000)]")
        }
        if let gap = options.relativeGap, !(gap >= 0 && gap.isFinite) {
            throw .invalidOptions("relativeGap \(gap) is not a finite number ≥ 0")
        }
    }

    static func validate(start: [Double], for program: LinearProgram) throws(OptimizationError) {
        guard start.count == program.variableCount else {
            throw .invalidStartingSolution("has \(start.count) values; the model has \(program.variableCount) variables")
        }
        if let j = start.firstIndex(where: { !$0.isFinite }) {
            throw .invalidStartingSolution("value \(start[j]) of \(program.displayName(of: Variable(index: j))) is not finite")
        }
    }

    /// Integer variables above which pseudo-cost branching under a deadline is guarded (its
    /// initialization measured, GLPK's MIP presolver off): 500. Below, initializing every
    /// candidate takes a few hundred small LP solves.
    static let pseudocostGuardIntegerVariables = 500

    static func milliseconds(_ seconds: Double) -> Int32 {
        Int32(max(1, min(Double(Int32.max), (seconds * 1000).rounded(.up))))
    }

    static func glpkBranching(_ rule: SolverOptions.Branching) -> Int32 {
        switch rule {
        case .firstFractional: return GLP_BR_FFV
        case .lastFractional: return GLP_BR_LFV
        case .mostFractional: return GLP_BR_MFV
        case .driebeckTomlin: return GLP_BR_DTH
        case .pseudocost: return GLP_BR_PCH
        }
    }

    static func glpkBacktracking(_ rule: SolverOptions.Backtracking) -> Int32 {
        switch rule {
        case .depthFirst: return GLP_BT_DFS
        case .breadthFirst: return GLP_BT_BFS
        case .bestLocalBound: return GLP_BT_BLB
        case .bestProjection: return GLP_BT_BPH
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
