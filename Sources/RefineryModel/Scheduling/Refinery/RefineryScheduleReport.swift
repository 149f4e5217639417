/// A refinery schedule for people and tools: the batches with the lots in them, each lot's
/// turnaround, stage use, a gold balance, and what the solver proved.
public struct RefineryScheduleReport: Codable, Sendable {
    /// One line of the schedule: `count` batches of a task started together on a stage's units.
    public struct Batch: Codable, Sendable, Equatable {
        /// The task's name in the network.
        public var task: String
        /// The id of the scenario stage whose units run it.
        public var stage: String
        /// Period the batches start and the period their unit is free again.
        public var start: Int
        /// The period their unit is free again (the start plus the cycle).
        public var end: Int
        /// Period the outputs are released (after waits such as the assay).
        public var release: Int
        /// Local start time, `YYYY-MM-DDTHH:MM`.
        public var startTime: String
        /// How many batches start together (units used at once; per bucket in campaigns).
        public var count: Int
        /// Amount processed, in `measure` (lots, kg gold, gross kg).
        public var amount: Double
        /// The unit of `amount`: `lots`, `kg gold` or `gross kg`.
        public var measure: String
        /// Gold in the batches, kg.
        public var goldKg: Double
        /// Lots whose material is in the batches (pool accounting, first in first out).
        public var lots: [String]
        /// For a lot-tracked lot's own gold: the task whose batches (same stage and start) this
        /// line rides in, holding no unit of its own; nil for a line with units of its own.
        public var rides: String?
    }

    /// A lot's journey.
    public struct Lot: Codable, Sendable, Equatable {
        /// The lot's id.
        public var id: String
        /// The kind of material.
        public var kind: MaterialKind
        /// Fine gold in the lot, kg.
        public var goldKg: Double
        /// The period it arrives in.
        public var arrival: Int
        /// The period its gold is due refined, if it has a due date.
        public var due: Int?
        /// The period its last gold reaches a product; nil if not within the window.
        public var completed: Int?
        /// Hours from arrival to `completed`; nil when not completed within the window.
        public var turnaroundHours: Double?
        /// Whether it was completed by its due period (false when not completed in the window);
        /// nil without a due date.
        public var onTime: Bool?
    }

    /// When and how the solve ended, beside ``termination`` (why).
    public struct Ending: Codable, Sendable, Equatable {
        /// The phase that was running when the solve ended: building the greedy start, the
        /// interior-point certificate, the LP relaxation or branch-and-cut.
        public var phase: SolvePhase?
        /// Whether the schedule is the start (greedy, or the plan re-planned) returned as it
        /// is, because the solver stopped before finding one of its own.
        public var startReturned: Bool
        /// Whether GLPK's cut rounds were switched off before the time limit, because one
        /// more round would have run past it.
        public var cutsStoppedForTime: Bool
        /// The objective of the LP relaxation at the root, when it was solved before
        /// branch-and-cut: with ``RefineryScheduleReport/bestBound`` it says how far cuts and
        /// branching moved the bound.
        public var relaxationBound: Double?

        /// Creates an ending; the parameters are the properties of the same names.
        public init(phase: SolvePhase?, startReturned: Bool, cutsStoppedForTime: Bool, relaxationBound: Double? = nil) {
            self.phase = phase
            self.startReturned = startReturned
            self.cutsStoppedForTime = cutsStoppedForTime
            self.relaxationBound = relaxationBound
        }
    }

    /// How much of a stage's unit time the schedule uses.
    public struct StageUse: Codable, Sendable, Equatable {
        /// The stage's id.
        public var stage: String
        /// Units in the year's configuration.
        public var units: Int
        /// Batches the schedule runs on the stage.
        public var batches: Int
        /// Unit-hours the batches occupy.
        public var busyUnitHours: Double
        /// Unit-hours the stage's units can work over the window.
        public var availableUnitHours: Double
        /// `busyUnitHours` ÷ `availableUnitHours`.
        public var utilization: Double
    }

    /// Where the gold received in the window is at its end, kg; `residual` is what does not
    /// close (rounding only).
    public struct GoldBalance: Codable, Sendable, Equatable {
        /// Gold received in the window (the receipts less any refused), kg.
        public var receivedKg: Double
        /// Gold refined into products, kg.
        public var refinedKg: Double
        /// Gold still in the plant's pooled and per-lot states at the end, kg.
        public var inProcessKg: Double
        /// Gold in the by-product stream at the end, kg.
        public var inByproductKg: Double
        /// Gold lost at the stages, kg.
        public var lostKg: Double
        /// Received − refined − in process − in by-product − lost: rounding only, kg.
        public var residualKg: Double
    }

    /// Output and gold in process per month (campaigns) or per day (detailed windows).
    public struct Interval: Codable, Sendable, Equatable {
        /// The interval's label: `YYYY-MM` for a month, `YYYY-MM-DD` for a day.
        public var label: String
        /// Gold refined into products in the interval, kg.
        public var refinedGoldKg: Double
        /// Gold in process on average over the interval, kg.
        public var averageGoldInProcessKg: Double
    }

    /// Wall-clock time spent building and solving, seconds.
    public struct Timings: Codable, Sendable, Equatable {
        /// Seconds spent building the network and its model.
        public var buildSeconds: Double
        /// Seconds spent solving.
        public var solveSeconds: Double
    }

    /// The headline figures of a schedule.
    public struct Summary: Codable, Sendable, Equatable {
        /// Lots in the window.
        public var lotsReceived: Int
        /// Lots whose gold all reached a product within the window.
        public var lotsCompleted: Int
        /// Lots with a due date not completed by it (`onTime` false).
        public var lotsLate: Int
        /// Fine gold received in the window, kg.
        public var intakeGoldKg: Double
        /// Gold refined into products, kg.
        public var refinedGoldKg: Double
        /// Silver refined by the by-product stage, kg.
        public var refinedSilverKg: Double
        /// Gold still in the plant at the end of the window, kg.
        public var goldInProcessAtEndKg: Double
        /// Gold in process on average over the window, kg.
        public var averageGoldInProcessKg: Double
        /// Mean turnaround of the completed lots, hours; nil when none completed.
        public var meanTurnaroundHours: Double?
        /// Longest turnaround of the completed lots, hours; nil when none completed.
        public var maxTurnaroundHours: Double?
        /// The stage with the highest utilization.
        public var busiestStage: String?
    }

    /// The version of the schedule report's JSON (`refinery-cli schema schedule`); it increases
    /// when a change breaks readers.
    public static let schemaVersion = 1

    /// ``schemaVersion``, written first so a reader can check it.
    public var schemaVersion = RefineryScheduleReport.schemaVersion

    /// The question this report answers.
    public var request: RefineryScheduleRequest
    /// The year whose plant configuration and intake were scheduled.
    public var year: Int
    /// The window's first day, `YYYY-MM-DD`.
    public var startDate: String
    /// Periods in the window's grid.
    public var periods: Int
    /// Optimal, feasible, infeasible or no solution.
    public var status: STNScheduleResult.Status
    /// Why the solver stopped.
    public var termination: TerminationReason
    /// The objective value of the schedule, as the request's goal defines it; nil without one.
    public var objective: Double?
    /// The best bound the solver proved on the objective; nil when unknown.
    public var bestBound: Double?
    /// The relative gap between `objective` and `bestBound`; 0 when optimal.
    public var gap: Double?
    /// The size of the MILP solved.
    public var model: ModelSize
    /// Wall-clock seconds to build the model and to solve it. They vary from run to run, so
    /// a caller that wants byte-identical output (the CLI without `--timings`) sets this to nil.
    public var timings: Timings?
    /// Branch-and-bound nodes the solver explored.
    public var branchAndBoundNodes: Int
    /// Whether the schedule is the greedy start certified within the gap by the relaxation's
    /// interior-point bound, without branch-and-cut.
    public var startCertified: Bool
    /// What ended the solve and in which phase; nil in reports written before it was recorded.
    public var ending: Ending?
    /// The headline figures; nil when there is no schedule.
    public var summary: Summary?
    /// Batches in start order.
    public var batches: [Batch]
    /// Every lot of the window and its turnaround.
    public var lots: [Lot]
    /// Use of each stage's unit time.
    public var stages: [StageUse]
    /// Output and gold in process per month (campaigns) or per day (detailed windows).
    public var intervals: [Interval]
    /// Where the gold received is at the end; nil when there is no schedule.
    public var goldBalance: GoldBalance?
    /// What the independent schedule check found: empty for every schedule this library returns.
    public var violations: [ScheduleChecker.Violation]
    /// For an infeasible window: which receipts or milestones block, and by how much.
    public var explanation: InfeasibilityExplanation?
    /// Notes for people on choices made building the network and reading the result.
    public var notes: [String]
    /// The lots whose gold is not all refined at the end of the window — left for next year
    /// in a campaign — in arrival order, each with why (``LeftOverReason``).
    public var leftOver: [LeftOverLot] = []
}
