/// A refinery schedule for people and tools: the batches with the lots in them, each lot's
/// turnaround, stage use, a gold balance, and what the solver proved.
public struct RefineryScheduleReport: Codable, Sendable {
    /// One line of the schedule: `count` batches of a task started together on a stage's units.
    public struct Batch: Codable, Sendable, Equatable {
        public var task: String
        public var stage: String
        /// Period the batches start and the period their unit is free again.
        public var start: Int
        public var end: Int
        /// Period the outputs are released (after waits such as the assay).
        public var release: Int
        /// Local start time, `YYYY-MM-DDTHH:MM`.
        public var startTime: String
        public var count: Int
        /// Amount processed, in `measure` (lots, kg gold, gross kg).
        public var amount: Double
        public var measure: String
        /// Gold in the batches, kg.
        public var goldKg: Double
        /// Lots whose material is in the batches (pool accounting, first in first out).
        public var lots: [String]
    }

    /// A lot's journey.
    public struct Lot: Codable, Sendable, Equatable {
        public var id: String
        public var kind: MaterialKind
        public var goldKg: Double
        public var arrival: Int
        public var due: Int?
        /// The period its last gold reaches a product; nil if not within the window.
        public var completed: Int?
        public var turnaroundHours: Double?
        public var onTime: Bool?
    }

    /// How much of a stage's unit time the schedule uses.
    public struct StageUse: Codable, Sendable, Equatable {
        public var stage: String
        public var units: Int
        public var batches: Int
        public var busyUnitHours: Double
        public var availableUnitHours: Double
        public var utilization: Double
    }

    /// Where the gold received in the window is at its end, kg; `residual` is what does not
    /// close (rounding only).
    public struct GoldBalance: Codable, Sendable, Equatable {
        public var receivedKg: Double
        public var refinedKg: Double
        public var inProcessKg: Double
        public var inByproductKg: Double
        public var lostKg: Double
        public var residualKg: Double
    }

    /// Output and gold in process per month (campaigns) or per day (detailed windows).
    public struct Interval: Codable, Sendable, Equatable {
        public var label: String
        public var refinedGoldKg: Double
        public var averageGoldInProcessKg: Double
    }

    public struct Timings: Codable, Sendable, Equatable {
        public var buildSeconds: Double
        public var solveSeconds: Double
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var lotsReceived: Int
        public var lotsCompleted: Int
        public var lotsLate: Int
        public var intakeGoldKg: Double
        public var refinedGoldKg: Double
        public var refinedSilverKg: Double
        public var goldInProcessAtEndKg: Double
        public var averageGoldInProcessKg: Double
        public var meanTurnaroundHours: Double?
        public var maxTurnaroundHours: Double?
        /// The stage with the highest utilization.
        public var busiestStage: String?
    }

    /// The version of the schedule report's JSON (`refinery-cli schema schedule`); it increases
    /// when a change breaks readers.
    public static let schemaVersion = 1

    /// ``schemaVersion``, written first so a reader can check it.
    public var schemaVersion = RefineryScheduleReport.schemaVersion
    public var request: RefineryScheduleRequest
    public var year: Int
    public var startDate: String
    public var periods: Int
    public var status: STNScheduleResult.Status
    public var termination: TerminationReason
    public var objective: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var model: ModelSize
    /// Wall-clock seconds to build the model and to solve it. They vary from run to run, so
    /// a caller that wants byte-identical output (the CLI without `--timings`) sets this to nil.
    public var timings: Timings?
    public var branchAndBoundNodes: Int
    /// Whether the schedule is the greedy start certified within the gap by the relaxation's
    /// interior-point bound, without branch-and-cut.
    public var startCertified: Bool
    public var summary: Summary?
    public var batches: [Batch]
    public var lots: [Lot]
    public var stages: [StageUse]
    public var intervals: [Interval]
    public var goldBalance: GoldBalance?
    /// What the independent schedule check found: empty for every schedule this library returns.
    public var violations: [ScheduleChecker.Violation]
    public var explanation: InfeasibilityExplanation?
    public var notes: [String]
}
