/// The options of a scenario run (``ScenarioRun/perform(_:options:)``): what the schedule and
/// valuation parts consume. The throughput model is deterministic and needs none of them. The
/// defaults are those of `refinery-cli run` without options.
public struct RunOptions: Sendable, Equatable, Codable {
    /// Seconds the solver may spend on each model; nil: the run's default (10 s for the
    /// campaign schedule).
    public var timeLimit: Double?
    /// Seed of every random choice (e.g. generated lots, heuristics), so runs repeat exactly.
    /// The default is 1.
    public var seed: UInt64 = 1
    /// Whether the solver writes its log to standard error (GLPK's own output, as with the
    /// CLI's `--verbose`). The default is false: the library then writes nothing.
    public var verbose = false
    /// Whether the run includes the campaign schedule (the one GLPK model of a run, about
    /// 0.3–1 s). The default is true; turn it off for quick sweeps.
    public var schedule = true
    /// Whether reports include wall-clock times, which make the JSON differ from run to run.
    /// The default is false.
    public var timings = false

    /// The default options.
    public init() {}
}
