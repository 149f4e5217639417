/// When a solve must be finished: created once, when the solve starts, and passed down to
/// every phase (the greedy start, the simplex, the interior point, branch-and-cut, the elastic
/// model), so each phase gets what is left of the time limit rather than the whole limit again.
///
/// ```swift
/// let deadline = SolveDeadline(seconds: options.timeLimit)
/// let start = GreedySchedule.build(network, deadline: deadline)
/// let solution = try GLPKSolver().solve(program, options: options, start: start, deadline: deadline)
/// ```
public struct SolveDeadline: Sendable, Hashable {
    /// The moment the time runs out; `nil` for no limit.
    public let instant: ContinuousClock.Instant?

    /// A deadline `seconds` from now, or none when `seconds` is `nil`.
    public init(seconds: Double?) {
        instant = seconds.map { ContinuousClock.now.advanced(by: .seconds($0)) }
    }

    /// A deadline at `instant`, or none when it is `nil`.
    public init(instant: ContinuousClock.Instant?) {
        self.instant = instant
    }

    /// No deadline.
    public static let none = SolveDeadline(instant: nil)

    /// Seconds left, never negative; `nil` for no limit.
    public var remainingSeconds: Double? {
        guard let instant else { return nil }
        return max(0, (instant - ContinuousClock.now).seconds)
    }

    /// Whether the time has run out.
    public var hasExpired: Bool {
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }

    /// The earlier of this deadline and `other`.
    public func earliest(_ other: SolveDeadline) -> SolveDeadline {
        switch (instant, other.instant) {
        case let (a?, b?): return SolveDeadline(instant: min(a, b))
        case (nil, _): return other
        case (_, nil): return self
        }
    }

    /// The earlier of this deadline and `seconds` from now (a phase's own cap, such as the
    /// elastic model's 10 s).
    public func capped(at seconds: Double?) -> SolveDeadline {
        earliest(SolveDeadline(seconds: seconds))
    }
}
