/// A batch plant as a State-Task Network (Kondili, Pantelides & Sargent 1993): materials
/// (states) with stocks, storage limits and values; tasks that turn input states into output
/// states in fixed proportions; unit types that run tasks in batches; and a time grid.
///
/// Identical parallel units form one unit type with a `count`, so the model grows with the
/// number of unit types, not units (a bank of electrolysis cells is one type).
///
/// Two timings share this description (``Timing``):
/// - **discrete** (Kondili/Shah): a batch occupies a unit for `duration` whole periods; used for
///   the detailed horizon (hours);
/// - **bucketed**: each period is a capacity bucket (a day or a shift); a batch uses `occupancy`
///   periods of unit time inside one bucket, and a unit type offers `count × availability`
///   periods of time per bucket; used for the year's campaign.
///
/// Material enters from outside as ``Receipt``s (lots arriving) and must reach ``Milestone``s
/// (cumulative output by a due time); ``Split``s keep a minimum share of a flow on one path.
/// Every batch releases all its outputs within the horizon.
public struct StateTaskNetwork: Codable, Sendable, Equatable {
    /// How the time grid is read; see ``StateTaskNetwork``.
    public enum Timing: String, Codable, Sendable {
        /// A batch occupies its units for `duration` whole periods (hours, say).
        case discrete
        /// Each period is a capacity bucket (a day or shift) that batches share by `occupancy`.
        case bucketed
    }

    /// A material.
    public struct State: Codable, Sendable, Equatable {
        /// A unique name that tasks, receipts and milestones refer to.
        public var name: String
        /// Stock at time 0.
        public var initialStock: Double
        /// The largest stock that can be held; nil for unlimited.
        public var capacity: Double?
        /// Value per unit of stock left at the end of the horizon (negative for intermediates
        /// that should not be left over).
        public var value: Double
        /// What one unit of this state measures, for people (`kg gold`, `lots`).
        public var measure: String?

        /// Creates a state; the parameters are the properties of the same names.
        public init(name: String, initialStock: Double = 0, capacity: Double? = nil, value: Double = 0, measure: String? = nil) {
            self.name = name
            self.initialStock = initialStock
            self.capacity = capacity
            self.value = value
            self.measure = measure
        }
    }

    /// What a task produces: a fraction of the batch, released `delay` periods after the start.
    public struct Output: Codable, Sendable, Equatable {
        /// The name of the state produced.
        public var state: String
        /// The amount released to it per unit of batch.
        public var fraction: Double
        /// Periods after the batch's start when it is released.
        public var delay: Int
        /// When true, released when the batch ends, whatever its duration (which may grow with
        /// the batch, see ``StateTaskNetwork/Suitability``); `delay` is then ignored. Nil or
        /// false: released `delay` periods after the start.
        public var atEnd: Bool?

        /// Creates an output; the parameters are the properties of the same names.
        public init(state: String, fraction: Double, delay: Int, atEnd: Bool? = nil) {
            self.state = state
            self.fraction = fraction
            self.delay = delay
            self.atEnd = atEnd
        }

        /// The periods after the start at which a batch lasting `duration` periods releases it.
        public func release(afterDuration duration: Int) -> Int { atEnd == true ? duration : delay }
    }

    /// A processing step. Inputs are consumed at the start, as fractions of the batch.
    public struct Task: Codable, Sendable, Equatable {
        /// A unique name.
        public var name: String
        /// The states consumed at the start, each as a fraction of the batch.
        public var inputs: [String: Double]
        /// The states produced, each with its fraction and delay.
        public var outputs: [Output]
        /// Discrete timing: whole periods a unit is occupied by one batch.
        public var duration: Int
        /// Bucketed timing: periods of unit time one batch uses (0.25 for a 6 h batch in
        /// daily buckets). Nil means `duration`.
        public var occupancy: Double?
        /// The unit types that can run it.
        public var units: [String]
        /// Unit capacity used per unit of batch (gross kg per kg of gold, say): the unit's
        /// `minBatch … maxBatch` bound `sizeFactor × batch`. 1 when the two agree.
        public var sizeFactor: Double
        /// A fixed batch (one lot, say): every batch is exactly this amount.
        public var fixedBatch: Double?
        /// What differs by unit type: batch limits, processing time α + β·B, batch costs (see
        /// ``StateTaskNetwork/Suitability``). Nil, or a unit type without an entry: the unit's
        /// limits, `duration`, no cost.
        public var suitability: [Suitability]?
        /// The task whose batches this one rides in (a lot's own gold in a pooled batch): it
        /// holds no unit of its own, starts only with a batch of the host on the same unit type
        /// at the same time, and its amount (× `sizeFactor`) counts within the host batch's
        /// limits together with the host's. Nil for a task with batches of its own.
        public var host: String?

        /// A task; see the properties for each argument's meaning and default.
        public init(name: String, inputs: [String: Double], outputs: [Output], duration: Int, occupancy: Double? = nil,
                    units: [String], sizeFactor: Double = 1, fixedBatch: Double? = nil, suitability: [Suitability]? = nil,
                    host: String? = nil) {
            self.name = name
            self.inputs = inputs
            self.outputs = outputs
            self.duration = duration
            self.occupancy = occupancy
            self.units = units
            self.sizeFactor = sizeFactor
            self.fixedBatch = fixedBatch
            self.suitability = suitability
            self.host = host
        }

        /// The inputs in state-name order: iterate these, not the dictionary, whose order
        /// changes from process to process (and with it the last digits of every sum).
        public var sortedInputs: [(state: String, fraction: Double)] {
            inputs.sorted { $0.key < $1.key }.map { (state: $0.key, fraction: $0.value) }
        }

        /// The period after the start by which a batch of `duration` periods has released every
        /// output and freed its unit.
        public var completion: Int { completion(duration: duration) }
        /// Unit time one batch uses in bucketed timing.
        public var bucketOccupancy: Double { occupancy ?? Double(duration) }
    }

    /// A type of identical units.
    public struct Unit: Codable, Sendable, Equatable {
        /// A unique name that tasks refer to.
        public var name: String
        /// How many identical units.
        public var count: Int
        /// The smallest charge one unit runs: a task's batch times its `sizeFactor` (gross kg, say).
        public var minBatch: Double
        /// The largest charge one unit runs, in the same measure.
        public var maxBatch: Double
        /// The share of each period the units can work (1 = fully, 0 = shut), one entry per
        /// period `0 ..< horizon`; nil for always. Discrete timing needs 1 over a batch's
        /// whole duration; bucketed timing scales the bucket's unit time.
        public var availability: [Double]?
        /// Units held by work outside the schedule in each period (a batch under way when the
        /// window opens, maintenance, a breakdown), one entry per period `0 ..< horizon`, each
        /// in `0 … count`; nil for none. The schedule may use `count − held[t]` units at `t`.
        public var held: [Int]?

        /// Creates a unit type; the parameters are the properties of the same names.
        public init(name: String, count: Int = 1, minBatch: Double = 0, maxBatch: Double, availability: [Double]? = nil,
                    held: [Int]? = nil) {
            self.name = name
            self.count = count
            self.minBatch = minBatch
            self.maxBatch = maxBatch
            self.availability = availability
            self.held = held
        }

        /// The units held outside the schedule at period `t` (0 without ``held``).
        public func held(at t: Int) -> Int {
            guard let held, t >= 0, t < held.count else { return 0 }
            return held[t]
        }

        /// The units free for the schedule over periods `from ..< to`: `count` less the most held.
        public func free(from: Int, to: Int) -> Int {
            guard let held, from < to else { return count }
            var most = 0
            for t in max(0, from)..<min(to, held.count) { most = max(most, held[t]) }
            return count - most
        }

        /// The share of period `t` the units can work.
        public func available(at t: Int) -> Double {
            guard let availability, t >= 0, t < availability.count else { return 1 }
            return availability[t]
        }
    }

    /// Material arriving from outside: `amount` of `state` at time `time` (a lot delivered).
    public struct Receipt: Codable, Sendable, Equatable {
        /// The name of the state it delivers to.
        public var state: String
        /// The period it arrives in.
        public var time: Int
        /// The amount delivered, in the state's measure.
        public var amount: Double
        /// What arrives, for people and for tracing (a lot id).
        public var label: String?

        /// Creates a receipt; the parameters are the properties of the same names.
        public init(state: String, time: Int, amount: Double, label: String? = nil) {
            self.state = state
            self.time = time
            self.amount = amount
            self.label = label
        }
    }

    /// A due date on cumulative output: by time `time`, the stock of `states` together must
    /// reach `amount` (products are never withdrawn, so stock is cumulative output).
    public struct Milestone: Codable, Sendable, Equatable {
        /// The states whose stocks together count (the products, say).
        public var states: [String]
        /// The due period.
        public var time: Int
        /// The stock the states must reach together by then.
        public var amount: Double
        /// What is due, for explanations (lot ids).
        public var label: String?
        /// When true, the stock must equal `amount` exactly at `time` (an exact final demand:
        /// make this much and no more); nil or false: at least `amount`.
        public var exact: Bool?

        /// Creates a milestone; the parameters are the properties of the same names.
        public init(states: [String], time: Int, amount: Double, label: String? = nil, exact: Bool? = nil) {
            self.states = states
            self.time = time
            self.amount = amount
            self.label = label
            self.exact = exact
        }
    }

    /// A minimum share of one flow: over the horizon, the batches of `tasks` process at least
    /// `share` of what the batches of `tasks` and `alternatives` process together (the share of
    /// Miller gold sent on to electrolysis, say). The stock of `reserve` left at the horizon
    /// counts as kept for `tasks`, so a window too short for the slower path is not forced to
    /// stop the faster one: it holds the share back instead.
    public struct Split: Codable, Sendable, Equatable {
        /// The task names whose batches must carry at least `share`.
        public var tasks: [String]
        /// The alternative tasks the rest of the flow may take.
        public var alternatives: [String]
        /// The minimum share, in [0, 1].
        public var share: Double
        /// A state whose stock at the horizon counts as kept for `tasks`; nil for none.
        public var reserve: String?

        /// Creates a split; the parameters are the properties of the same names.
        public init(tasks: [String], alternatives: [String], share: Double, reserve: String? = nil) {
            self.tasks = tasks
            self.alternatives = alternatives
            self.share = share
            self.reserve = reserve
        }
    }

    /// The materials.
    public var states: [State]
    /// The processing steps.
    public var tasks: [Task]
    /// The unit types.
    public var units: [Unit]
    /// Periods in the horizon: time points 0…horizon; every batch finishes by the last.
    public var horizon: Int
    /// How the time grid is read. The default is discrete.
    public var timing: Timing
    /// The length of a period in hours, for people (1 for an hourly grid, 24 for days).
    public var periodHours: Double
    /// Material arriving from outside. The default is none.
    public var receipts: [Receipt]
    /// Due dates on cumulative output. The default is none.
    public var milestones: [Milestone]
    /// Minimum shares of flows. The default is none.
    public var splits: [Split]
    /// Batches already decided (re-planning a running schedule): the batches starting before
    /// ``Frozen/before`` are these and no others. The default is none.
    public var frozen: Frozen?

    /// Batches fixed by an earlier plan: every batch that starts before `before` is one of
    /// `batches`, unchanged (task, unit type, start, count and amount), and each of them runs.
    public struct Frozen: Codable, Sendable, Equatable {
        /// The first period the schedule may change.
        public var before: Int
        /// The batches started before `before`, as the earlier plan had them.
        public var batches: [STNSchedule.Batch]

        /// Creates a frozen part; the parameters are the properties of the same names.
        public init(before: Int, batches: [STNSchedule.Batch]) {
            self.before = before
            self.batches = batches
        }
    }

    /// Creates a network; the parameters are the properties of the same names. It is checked
    /// when it is scheduled (``SchedulingError/invalidNetwork(_:)``).
    public init(states: [State], tasks: [Task], units: [Unit], horizon: Int, timing: Timing = .discrete, periodHours: Double = 1,
                receipts: [Receipt] = [], milestones: [Milestone] = [], splits: [Split] = [], frozen: Frozen? = nil) {
        self.states = states
        self.tasks = tasks
        self.units = units
        self.horizon = horizon
        self.timing = timing
        self.periodHours = periodHours
        self.receipts = receipts
        self.milestones = milestones
        self.splits = splits
        self.frozen = frozen
    }

    /// Positions of states by name.
    public var stateIndex: [String: Int] { Dictionary(states.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }) }
    /// Positions of unit types by name.
    public var unitIndex: [String: Int] { Dictionary(units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }) }
    /// Positions of tasks by name.
    public var taskIndex: [String: Int] { Dictionary(tasks.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }) }

    /// Whether a batch of task `i` may start on unit type `j` at `t`: it completes within the
    /// horizon and, in discrete timing, the unit is available over its whole duration.
    public func canStart(task i: Int, unit j: Int, at t: Int) -> Bool {
        canStart(task: i, unit: j, at: t, duration: tasks[i].duration)
    }

    /// Whether a batch of task `i` lasting `duration` periods may start on unit type `j` at `t`.
    public func canStart(task i: Int, unit j: Int, at t: Int, duration: Int) -> Bool {
        let task = tasks[i]
        guard t >= 0, t < horizon, t + task.completion(duration: duration) <= horizon else { return false }
        switch timing {
        case .discrete:
            for period in t..<(t + duration) where units[j].available(at: period) < 1 - 1e-9 { return false }
            return units[j].free(from: t, to: t + duration) > 0
        case .bucketed:
            return units[j].available(at: t) * Double(units[j].count - units[j].held(at: t)) >= task.bucketOccupancy - 1e-9
        }
    }
}
