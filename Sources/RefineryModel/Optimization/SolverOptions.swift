/// How a solver should work: limits, tolerances, GLPK's cuts and heuristics, and where its log
/// goes.
///
/// The defaults suit most models: no time limit, proven optimality, presolve on, GLPK's cuts
/// and heuristics as GLPK ships them (off), and no log. Every property's documentation ends with
/// its default.
public struct SolverOptions: Sendable {
    /// The longest the solver may run, in seconds; `nil` for no limit. When it is reached the
    /// result says ``TerminationReason/timeLimit`` and carries the best solution found, if any.
    /// It bounds the whole solve, not each phase: one ``SolveDeadline`` is set when the solve
    /// starts and the simplex, the interior point and branch-and-cut share it (measured with
    /// `refinery-cli bench time-limit`: within 10% + 0.5 s, see BENCHMARKS.md).
    /// At most about 24 days (GLPK counts milliseconds in a 32-bit integer).
    /// The default is `nil`.
    public var timeLimit: Double?

    /// Stop branch-and-cut once the relative gap `|best bound − incumbent| / (|incumbent| + ε)`
    /// is at most this; `nil` or 0 asks for proven optimality. Ignored for pure LPs.
    /// The default is `nil`.
    public var relativeGap: Double?

    /// Simplify the problem before solving (GLPK's LP presolver for pure LPs, its MIP
    /// presolver for MIPs). With presolve off, a MIP's root LP is solved by the simplex first.
    /// A ``GLPKSolver/solve(_:options:start:deadline:)`` call with a starting solution turns it
    /// off, because GLPK accepts heuristic solutions only in the original variables; so does
    /// ``Branching/pseudocost`` under a time limit on a model with more than 500 integer
    /// variables, whose cost is then measured on the root basis.
    /// The default is `true`.
    public var presolve: Bool = true

    /// GLPK's cutting planes to generate at each node. The default is `[]` (none, as in GLPK).
    public var cuts: Cuts = []

    /// GLPK's primal heuristics. The default is `[.rounding]` (GLPK's own default).
    public var heuristics: Heuristics = [.rounding]

    /// Which variable to branch on. The default is `.driebeckTomlin` (GLPK's default).
    public var branching: Branching = .driebeckTomlin

    /// Which open node to explore next. The default is `.bestLocalBound`.
    public var backtracking: Backtracking = .bestLocalBound

    /// Certify a starting solution before branch-and-cut. When a MIP is solved with a `start`
    /// and a ``relativeGap``, the LP relaxation is first bounded by GLPK's interior-point
    /// method; if the start is already within the gap of that bound, it is returned (status
    /// ``SolutionStatus/feasible``, ``TerminationReason/gapLimit``) without the simplex and
    /// branch-and-cut. Otherwise branch-and-cut runs as usual; the interior-point time counts
    /// against ``timeLimit``.
    ///
    /// It pays on long time-indexed models with a good heuristic start: a year's campaign
    /// (16,000 variables) is bounded in about 0.3 s by the interior point against about 1.1 s
    /// for the simplex (see BENCHMARKS.md). The bound is the interior-point objective loosened
    /// by 1e-6 relative, because that method stops at a small duality gap.
    /// The default is `false`.
    public var certifyStart: Bool = false

    /// Where the solver's log goes. The default is `.off`: the library never prints.
    public var log: LogDestination = .off

    /// Creates options; every parameter defaults to the property's documented default.
    public init(timeLimit: Double? = nil, relativeGap: Double? = nil, presolve: Bool = true,
                cuts: Cuts = [], heuristics: Heuristics = [.rounding], log: LogDestination = .off) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.heuristics = heuristics
        self.log = log
    }

    /// GLPK's cut families.
    public struct Cuts: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Gomory's mixed-integer cuts.
        public static let gomory = Cuts(rawValue: 1 << 0)
        /// Mixed-integer rounding cuts.
        public static let mixedIntegerRounding = Cuts(rawValue: 1 << 1)
        /// Mixed cover cuts.
        public static let cover = Cuts(rawValue: 1 << 2)
        /// Clique cuts.
        public static let clique = Cuts(rawValue: 1 << 3)
        /// Every cut family.
        public static let all: Cuts = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }

    /// GLPK's primal heuristics.
    public struct Heuristics: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Simple rounding of LP solutions.
        public static let rounding = Heuristics(rawValue: 1 << 0)
        /// The feasibility pump (finds a first integer solution).
        public static let feasibilityPump = Heuristics(rawValue: 1 << 1)
        /// Proximity search (improves the incumbent).
        public static let proximitySearch = Heuristics(rawValue: 1 << 2)
    }

    /// GLPK's branching rules.
    public enum Branching: String, Sendable, Codable, CaseIterable {
        /// The rules, as GLPK names them: the first, the last or the most fractional variable; the
        /// Driebeck–Tomlin heuristic (GLPK's default); or hybrid pseudocost branching.
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost
    }

    /// GLPK's node selection rules.
    public enum Backtracking: String, Sendable, Codable, CaseIterable {
        /// The rules, as GLPK names them: depth first, breadth first, the node with the best local
        /// bound (the default here), or the best projection heuristic.
        case depthFirst, breadthFirst, bestLocalBound, bestProjection
    }

    /// Where solver output goes.
    public enum LogDestination: Sendable {
        /// Nowhere. GLPK's terminal output is off and any message is captured for errors.
        case off
        /// To the process's standard error.
        case standardError
        /// To a closure, one chunk of text (usually a line) at a time. The closure is called on
        /// the solving thread, synchronously.
        case handler(@Sendable (String) -> Void)
    }
}
