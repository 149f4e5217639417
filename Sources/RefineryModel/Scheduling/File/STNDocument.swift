/// A State-Task Network as a JSON file (`data/schema/stn.schema.json`): any batch plant in the
/// form of Kondili, Pantelides & Sargent (1993), solved by `refinery-cli stn FILE` or by
/// ``STNDocumentLoader`` and ``STNRun`` from a program.
///
/// Times are in hours and rounded to the grid as the discrete-time model requires: the horizon,
/// demand times and output delays must be whole multiples of `grid.periodHours`; a processing
/// time α + β·B is rounded up to whole periods. Amounts are in one measure (`measure`, kg in
/// the examples) and values in one money unit (`valueUnit`).
///
/// ```json
/// {"schemaVersion": 1, "name": "two-step", "grid": {"horizonHours": 4, "periodHours": 1},
///  "states": [{"name": "feed", "initialStock": 100}, {"name": "product", "price": 1}],
///  "units": [{"name": "reactor"}],
///  "tasks": [{"name": "react", "inputs": [{"state": "feed", "fraction": 1}],
///             "outputs": [{"state": "product", "fraction": 1}],
///             "units": [{"unit": "reactor", "maxBatch": 50, "processingHours": 2}]}]}
/// ```
public struct STNDocument: Codable, Sendable, Equatable {
    /// The time grid: how long the schedule is and how finely it is cut.
    public struct Grid: Codable, Sendable, Equatable {
        /// Hours from the start to the end of the schedule; every batch ends by then.
        public var horizonHours: Double
        /// Hours in one period of the grid (1 for an hourly grid).
        public var periodHours: Double
    }

    /// Stock a state must hold at a time: at least `amount`, or exactly `amount` when `exact`.
    public struct Demand: Codable, Sendable, Equatable {
        /// Hours from the start (a multiple of the period).
        public var timeHours: Double
        /// Amount, in the document's measure.
        public var amount: Double
        /// True: exactly this amount (an exact final demand); false or absent: at least.
        public var exact: Bool?
    }

    /// A material, with its stock at the start, its storage limit and its value at the end.
    public struct State: Codable, Sendable, Equatable {
        /// A unique name (tasks and demands refer to it).
        public var name: String
        /// Stock at hour 0, in the document's measure; absent for 0.
        public var initialStock: Double?
        /// The most that may be held at any time; absent for unlimited, 0 for no storage.
        public var capacity: Double?
        /// Value per unit left at the end of the horizon (negative for intermediates that
        /// should not be left over); absent for 0.
        public var price: Double?
        /// Stock due at given times.
        public var demands: [Demand]?
    }

    /// A type of identical units.
    public struct Unit: Codable, Sendable, Equatable {
        /// A unique name (tasks refer to it).
        public var name: String
        /// How many identical units; absent for 1.
        public var count: Int?
    }

    /// A share of a batch consumed at its start.
    public struct Input: Codable, Sendable, Equatable {
        /// The state consumed.
        public var state: String
        /// The share of the batch (the inputs of a task add up to 1).
        public var fraction: Double
    }

    /// A share of a batch released into a state.
    public struct Output: Codable, Sendable, Equatable {
        /// The state produced.
        public var state: String
        /// The share of the batch (the outputs of a task add up to 1).
        public var fraction: Double
        /// Hours after the start when it is released (a multiple of the period); absent for
        /// the end of the batch.
        public var delayHours: Double?
    }

    /// How a task runs on one unit type.
    public struct Suitability: Codable, Sendable, Equatable {
        /// The unit type.
        public var unit: String
        /// The smallest batch, in the document's measure; absent for 0.
        public var minBatch: Double?
        /// The largest batch, in the document's measure.
        public var maxBatch: Double
        /// Processing time α in hours: a batch of B holds the unit α + β·B hours, rounded up
        /// to whole periods.
        public var processingHours: Double
        /// Processing time β in hours per unit of batch; absent for 0 (a fixed time).
        public var processingHoursPerAmount: Double?
        /// Cost of each batch started, in the value unit; absent for 0.
        public var fixedCost: Double?
        /// Cost per unit of batch processed, in the value unit; absent for 0.
        public var variableCost: Double?
    }

    /// A processing step that turns inputs into outputs in fixed proportions.
    public struct Task: Codable, Sendable, Equatable {
        /// A unique name.
        public var name: String
        /// What a batch consumes at its start.
        public var inputs: [Input]
        /// What a batch releases.
        public var outputs: [Output]
        /// The unit types that can run it, with batch limits, times and costs.
        public var units: [Suitability]
    }

    /// The file format version (1).
    public var schemaVersion: Int
    /// A short identifier.
    public var name: String
    /// What the network is, for people.
    public var description: String?
    /// Where the data come from (a citation).
    public var source: String?
    /// The measure of every amount (`kg`); absent for `kg`.
    public var measure: String?
    /// The money unit of prices and costs (`USD`); absent for none.
    public var valueUnit: String?
    /// The time grid.
    public var grid: Grid
    /// The materials.
    public var states: [State]
    /// The unit types.
    public var units: [Unit]
    /// The tasks.
    public var tasks: [Task]
}
