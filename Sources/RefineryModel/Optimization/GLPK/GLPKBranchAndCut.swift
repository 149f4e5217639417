internal import CGLPK

/// What the branch-and-cut callback records and offers during `glp_intopt`: the size of the
/// search tree, the best bound of the open nodes, a starting solution for GLPK's first
/// heuristic call, and cooperative cancellation of the calling task.
///
/// The callback runs on the solving thread, inside `glp_intopt`, and calls GLPK only with
/// values checked beforehand (the starting solution's length and finiteness are validated by
/// ``GLPKSolver``), so GLPK's fatal-error guard never has to jump across this Swift frame.
final class GLPKBranchAndCut {
    /// Values offered once as GLPK's first heuristic solution, 1-based as GLPK expects.
    private var start: [Double]?
    /// Nodes created so far, including those already removed.
    private(set) var nodes = 0
    /// The best bound among the open nodes, last time GLPK reported it.
    private(set) var bestBound: Double?

    init(start: [Double]?) {
        self.start = start.map { [0] + $0 }
    }

    func handle(_ tree: OpaquePointer) {
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = max(nodes, Int(total))

        let best = glp_ios_best_node(tree)
        if best != 0 { bestBound = glp_ios_node_bound(tree, best) }

        if glp_ios_reason(tree) == GLP_IHEUR, let values = start {
            start = nil
            _ = glp_ios_heur_sol(tree, values) // nonzero: GLPK rejected it as infeasible or no better
        }
        if Task.isCancelled { glp_ios_terminate(tree) }
    }

    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<GLPKBranchAndCut>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }
}

@available(*, unavailable)
extension GLPKBranchAndCut: Sendable {}
