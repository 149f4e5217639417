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

    init(start: [Double]?, deadline: SolveDeadline = .none, pseudocostEvaluationSeconds: Double? = nil) {
        self.start = start.map { [0] + $0 }
        self.deadline = deadline
        self.pseudocostEvaluationSeconds = pseudocostEvaluationSeconds
    }

    func handle(_ tree: OpaquePointer) {
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = max(nodes, Int(total))

        let best = glp_ios_best_node(tree)
        if best != 0 { bestBound = glp_ios_node_bound(tree, best) }

        if deadline.hasExpired {
            stoppedAtDeadline = true
            glp_ios_terminate(tree)
            return
        }
        if Task.isCancelled {
            glp_ios_terminate(tree)
            return
        }
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, let values = start {
            start = nil
            _ = glp_ios_heur_sol(tree, values) // nonzero: GLPK rejected it as infeasible or no better
        }
        if reason == GLP_IBRANCH, let perEvaluation = pseudocostEvaluationSeconds {
            keepPseudocostsWithinDeadline(tree, secondsPerEvaluation: perEvaluation)
        }
    }

    /// Branches on the most fractional candidate when GLPK's pseudo-cost initialization of
    /// this node's new candidates would take more than half the time left.
    private func keepPseudocostsWithinDeadline(_ tree: OpaquePointer, secondsPerEvaluation: Double) {
        guard let remaining = deadline.remainingSeconds, let problem = glp_ios_get_prob(tree) else { return }
        let n = glp_get_num_cols(problem)
        guard n > 0 else { return }
        var candidates: [Int32] = []
        for j in 1...n where glp_ios_can_branch(tree, j) != 0 { candidates.append(j) }
        guard !candidates.isEmpty else { return }
        let uninitialized = candidates.count { !pseudocostInitialized.contains($0) }
        let estimate = 2 * Double(uninitialized) * secondsPerEvaluation
        guard estimate > 0.5 * remaining else {
            pseudocostInitialized.formUnion(candidates)
            return
        }
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
    }

    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<GLPKBranchAndCut>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }
}

@available(*, unavailable)
extension GLPKBranchAndCut: Sendable {}
