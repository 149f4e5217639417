/// What a schedule optimizes: a weighted sum, so one formulation serves the planners'
/// questions. All weights are per unit of the states' `value`.
///
/// - `terminal`: the value of the stock left at the horizon, Σ value·S[s,H] (Kondili's
///   objective; with products valued at 1 per kg of gold, the gold refined);
/// - `cumulative`: the value held at every time point, Σₜ Σ value·S[s,t] — with value on
///   products only, output that comes earlier counts for more periods, so this minimizes the
///   time gold spends in process (by Little's law, the weighted turnaround of the lots);
/// - `makespan`: a penalty per period until the last batch releases its outputs.
public struct STNObjective: Codable, Sendable, Equatable {
    /// Weight on the value of the stock left at the horizon.
    public var terminal: Double
    /// Weight on the value held summed over every time point (early output counts more).
    public var cumulative: Double
    /// Penalty per period until the last batch releases its outputs.
    public var makespan: Double

    /// Creates an objective; the default is Kondili's terminal value alone.
    public init(terminal: Double = 1, cumulative: Double = 0, makespan: Double = 0) {
        self.terminal = terminal
        self.cumulative = cumulative
        self.makespan = makespan
    }

    /// Maximize the value of the stock at the horizon (the classic STN objective).
    public static let terminalValue = STNObjective()
}
