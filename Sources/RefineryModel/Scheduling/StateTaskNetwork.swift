/// A batch plant as a State-Task Network (Kondili, Pantelides & Sargent 1993): materials
/// (states) with stocks, storage limits and values; tasks that turn input states into output
/// states in fixed proportions; unit types that run tasks in batches; and a discrete time grid.
///
/// Identical parallel units form one unit type with a `count`, so the model grows with the
/// number of unit types, not units (a bank of electrolysis cells is one type).
public struct StateTaskNetwork: Codable, Sendable, Equatable {
    /// A material.
    public struct State: Codable, Sendable, Equatable {
        public var name: String
        /// Stock at time 0.
        public var initialStock: Double
        /// The largest stock that can be held; nil for unlimited.
        public var capacity: Double?
        /// Value per unit of stock left at the end of the horizon (negative for intermediates
        /// that should not be left over).
        public var value: Double

        public init(name: String, initialStock: Double = 0, capacity: Double? = nil, value: Double = 0) {
            self.name = name
            self.initialStock = initialStock
            self.capacity = capacity
            self.value = value
        }
    }

    /// What a task produces: a fraction of the batch, released `delay` periods after the start.
    public struct Output: Codable, Sendable, Equatable {
        public var state: String
        public var fraction: Double
        public var delay: Int

        public init(state: String, fraction: Double, delay: Int) {
            self.state = state
            self.fraction = fraction
            self.delay = delay
        }
    }

    /// A processing step. Inputs are consumed at the start, as fractions of the batch.
    public struct Task: Codable, Sendable, Equatable {
        public var name: String
        public var inputs: [String: Double]
        public var outputs: [Output]
        /// Periods a unit is occupied by one batch.
        public var duration: Int
        /// The unit types that can run it.
        public var units: [String]

        public init(name: String, inputs: [String: Double], outputs: [Output], duration: Int, units: [String]) {
            self.name = name
            self.inputs = inputs
            self.outputs = outputs
            self.duration = duration
            self.units = units
        }
    }

    /// A type of identical units.
    public struct Unit: Codable, Sendable, Equatable {
        public var name: String
        /// How many identical units.
        public var count: Int
        public var minBatch: Double
        public var maxBatch: Double

        public init(name: String, count: Int = 1, minBatch: Double = 0, maxBatch: Double) {
            self.name = name
            self.count = count
            self.minBatch = minBatch
            self.maxBatch = maxBatch
        }
    }

    public var states: [State]
    public var tasks: [Task]
    public var units: [Unit]
    /// Periods in the horizon: time points 0…horizon; every batch finishes by the last.
    public var horizon: Int

    public init(states: [State], tasks: [Task], units: [Unit], horizon: Int) {
        self.states = states
        self.tasks = tasks
        self.units = units
        self.horizon = horizon
    }
}
