internal import CGLPK

/// What the branch-and-cut callback records and offers during `glp_intopt`: the size of the
/// search tree, the best bound of the open nodes, a starting solution for GLPK's first
/// heuristic call, the deadline, and cooperative cancellation of the calling task.
///
/// The callback runs on the solving thread, inside `glp_intopt`, and calls GLPK only with
/// values checked beforehand or just returned by GLPK (the starting solution's length and
/// finiteness are validated by ``GLPKSolver``; see the audit in `shim.h`), so GLPK's
/// fatal-error guard never has to jump across this Swift frame.
///
/// **Deadline.** GLPK checks its own `tm_lim` once per node; the callback also checks the
/// deadline at every call (several per node) and stops the search with `glp_ios_terminate`,
/// which GLPK reports as `GLP_ESTOP` and the solver as ``TerminationReason/timeLimit``.
///
/// **Cut rounds.** GLPK's own cut generators (Gomory, MIR, cover, clique) run after the
/// `GLP_ICUTGEN` call and never look at the clock: on a 25,000-variable year one round takes
/// 2–4 s, so a round started near the limit overran it by up to 1.2 s. The callback measures
/// each round (from `GLP_ICUTGEN` to GLPK's next call) and, at `GLP_ICUTGEN`, when the time
/// left is less than ``cutRoundMargin`` times the longest round so far (before the first
/// round: the LP relaxation's solve time, which a round costs about as much as), it switches
/// GLPK's cut generators off through the parameters GLPK reads live (`T->parm` is the
/// caller's `glp_iocp`). The search then goes on with node LPs, which keep GLPK's `tm_lim`.
///
/// **Branching choice.** Driebeck–Tomlin and pseudo-cost branching also run after the
/// callback (at `GLP_IBRANCH`) without a clock: Driebeck–Tomlin evaluates a simplex tableau
/// row for every fractional candidate (the overrun left once cut rounds were watched). That step is
/// timed the same way (from `GLP_IBRANCH` to GLPK's next call); when it would likely end
/// past the deadline, the callback branches on the most fractional candidate itself.
///
/// **Pseudo-cost branching.** At the first nodes GLPK initializes the pseudo-cost of every
/// branching candidate by two short LP solves on a copy of the problem, and it never looks at
/// the clock meanwhile: 15 s on a 14-day quarter-hour schedule, against a limit of 8 s. When
/// the solver measured what one such evaluation costs (`pseudocostEvaluationSeconds`), the
/// callback estimates, at each branching, what GLPK is about to spend on candidates it has not
/// initialized yet; when that is more than half the time left, it branches on the most
/// fractional candidate itself (`glp_ios_branch_upon`), so GLPK spends nothing.
final class GLPKBranchAndCut {
    /// Values offered once as GLPK's first heuristic solution, 1-based as GLPK expects.
    private var start: [Double]?
    private let deadline: SolveDeadline
    private let pseudocostEvaluationSeconds: Double?
    /// Columns whose pseudo-costs GLPK has initialized (it does so for every candidate of a
    /// node where it chose the branch).
    private var pseudocostInitialized: Set<Int32> = []
    /// Nodes created so far, including those already removed.
    private(set) var nodes = 0
    /// The best bound among the open nodes, last time GLPK reported it.
    private(set) var bestBound: Double?
    /// Whether the callback stopped the search because the deadline passed.
    private(set) var stoppedAtDeadline = false
    /// Branchings chosen by the callback instead of GLPK's pseudo-cost rule, to keep the deadline.
    private(set) var branchingsForTime = 0
    /// Whether the callback switched GLPK's cut generators off to keep the deadline.
    private(set) var cutsStoppedForTime = false
    /// The parameters GLPK reads during the search (nil: cut rounds are not watched).
    private let parameters: UnsafeMutablePointer<glp_iocp>?
    /// The longest cut round measured so far, or the estimate of the first one, seconds.
    private var cutRoundEstimate: Double?
    /// When the current cut round started (the last `GLP_ICUTGEN` call), if one is running.
    private var cutRoundBegan: ContinuousClock.Instant?
    /// The longest branching choice measured so far (or the first one's estimate), seconds.
    private var branchingEstimate: Double?
    /// When GLPK's current branching choice started (the last `GLP_IBRANCH` call).
    private var branchingBegan: ContinuousClock.Instant?
    private let created = ContinuousClock.now
    /// A cut round starts only when the time left is at least this many times the longest
    /// round so far.
    static let cutRoundMargin = 1.25

    init(start: [Double]?, deadline: SolveDeadline = .none, pseudocostEvaluationSeconds: Double? = nil,
         parameters: UnsafeMutablePointer<glp_iocp>? = nil, relaxationSeconds: Double? = nil) {
        self.start = start.map { [0] + $0 }
        self.deadline = deadline
        self.pseudocostEvaluationSeconds = pseudocostEvaluationSeconds
        self.parameters = parameters
        self.cutRoundEstimate = relaxationSeconds
        self.branchingEstimate = relaxationSeconds
    }

    func handle(_ tree: OpaquePointer) {
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = max(nodes, Int(total))

        let best = glp_ios_best_node(tree)
        if best != 0 { bestBound = glp_ios_node_bound(tree, best) }
        let reason = glp_ios_reason(tree)
        if let began = cutRoundBegan {
            // GLPK's next call after a cut round: the round's length.
            let seconds = (ContinuousClock.now - began).seconds
            cutRoundEstimate = max(cutRoundEstimate ?? 0, seconds)
            cutRoundBegan = nil
        }
        if let began = branchingBegan {
            branchingEstimate = max(branchingEstimate ?? 0, (ContinuousClock.now - began).seconds)
            branchingBegan = nil
        }

        if deadline.hasExpired {
            stoppedAtDeadline = true
            glp_ios_terminate(tree)
            return
        }
        if Task.isCancelled {
            glp_ios_terminate(tree)
            return
        }
        if reason == GLP_ICUTGEN { watchCutRound() }
        if reason == GLP_IHEUR, let values = start {
            start = nil
            _ = glp_ios_heur_sol(tree, values) // nonzero: GLPK rejected it as infeasible or no better
        }
        if reason == GLP_IBRANCH {
            var branched = false
            if let perEvaluation = pseudocostEvaluationSeconds {
                branched = keepPseudocostsWithinDeadline(tree, secondsPerEvaluation: perEvaluation)
            }
            if !branched { watchBranching(tree) }
        }
    }

    /// At `GLP_ICUTGEN`, just before GLPK's own cut generators run: switches them off when a
    /// round would likely end past the deadline, else starts timing the round.
    private func watchCutRound() {
        guard let parameters, let remaining = deadline.remainingSeconds else { return }
        let p = parameters.pointee
        guard p.gmi_cuts == GLP_ON || p.mir_cuts == GLP_ON || p.cov_cuts == GLP_ON || p.clq_cuts == GLP_ON else { return }
        // Before any measure: what the search took so far (the root LP when GLPK solved it).
        let estimate = cutRoundEstimate ?? (ContinuousClock.now - created).seconds
        if remaining < Self.cutRoundMargin * estimate {
            parameters.pointee.gmi_cuts = GLP_OFF
            parameters.pointee.mir_cuts = GLP_OFF
            parameters.pointee.cov_cuts = GLP_OFF
            parameters.pointee.clq_cuts = GLP_OFF
            cutsStoppedForTime = true
        } else {
            cutRoundBegan = ContinuousClock.now
        }
    }

    /// At `GLP_IBRANCH`, before GLPK's own branching rule runs: when that rule evaluates
    /// candidates (Driebeck–Tomlin, pseudo-costs) and would likely end past the deadline,
    /// branches on the most fractional candidate instead; else times GLPK's choice.
    private func watchBranching(_ tree: OpaquePointer) {
        guard let parameters, let remaining = deadline.remainingSeconds,
              parameters.pointee.br_tech == GLP_BR_DTH || parameters.pointee.br_tech == GLP_BR_PCH else { return }
        let estimate = branchingEstimate ?? (ContinuousClock.now - created).seconds
        if remaining < Self.cutRoundMargin * estimate {
            branchOnMostFractional(tree)
        } else {
            branchingBegan = ContinuousClock.now
        }
    }

    /// Branches on the most fractional candidate when GLPK's pseudo-cost initialization of
    /// this node's new candidates would take more than half the time left.
    @discardableResult
    private func keepPseudocostsWithinDeadline(_ tree: OpaquePointer, secondsPerEvaluation: Double) -> Bool {
        guard let remaining = deadline.remainingSeconds, let problem = glp_ios_get_prob(tree) else { return false }
        let n = glp_get_num_cols(problem)
        guard n > 0 else { return false }
        var candidates: [Int32] = []
        for j in 1...n where glp_ios_can_branch(tree, j) != 0 { candidates.append(j) }
        guard !candidates.isEmpty else { return false }
        let uninitialized = candidates.count { !pseudocostInitialized.contains($0) }
        let estimate = 2 * Double(uninitialized) * secondsPerEvaluation
        guard estimate > 0.5 * remaining else {
            pseudocostInitialized.formUnion(candidates)
            return false
        }
        return branchOnMostFractional(tree)
    }

    /// Branches on the most fractional candidate (GLPK then skips its own rule); false when
    /// there is none.
    @discardableResult
    private func branchOnMostFractional(_ tree: OpaquePointer) -> Bool {
        guard let problem = glp_ios_get_prob(tree) else { return false }
        let n = glp_get_num_cols(problem)
        guard n > 0 else { return false }
        var candidates: [Int32] = []
        for j in 1...n where glp_ios_can_branch(tree, j) != 0 { candidates.append(j) }
        guard !candidates.isEmpty else { return false }
        var chosen = candidates[0]
        var chosenDistance = -1.0
        var chosenFraction = 0.0
        for j in candidates {
            let value = glp_get_col_prim(problem, j)
            let fraction = value - value.rounded(.down)
            let distance = min(fraction, 1 - fraction)
            if distance > chosenDistance { chosen = j; chosenDistance = distance; chosenFraction = fraction }
        }
        // Explore first the branch nearer to the LP value, as GLPK's own rules do.
        glp_ios_branch_upon(tree, chosen, chosenFraction < 0.5 ? GLP_DN_BRNCH : GLP_UP_BRNCH)
        branchingsForTime += 1
        return true
    }

    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<GLPKBranchAndCut>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }
}

@available(*, unavailable)
extension GLPKBranchAndCut: Sendable {}
