/// One headline number of a run: what ``Sweep`` tabulates and ``Comparison`` puts side by
/// side. It carries its own identifier, label, unit and display hints, so any tool can show a
/// metric without a table of its own.
public struct KeyMetric: Sendable, Equatable, Codable {
    /// A metric's value.
    public enum Value: Sendable, Equatable, Codable {
        /// A number, in the metric's ``KeyMetric/unit``.
        case number(Double)
        /// A name (e.g. the bottleneck stage).
        case text(String)
        /// Not defined for this run (e.g. no turnaround when the plant is saturated).
        case none
    }

    /// A stable identifier with its unit in the name (`refinedGoldTonnes`), used as the JSON key and CSV column.
    public var id: String
    /// For people: `refined gold, whole horizon`.
    public var label: String
    /// A short column header for tables: `refined t`.
    public var column: String
    /// `t`, `t/yr`, `kg`, `%`, `days`, `year`, or "" for text.
    public var unit: String
    /// The value of this run.
    public var value: Value
    /// Decimals to show in text output (a display hint; JSON carries full precision).
    public var decimals = 1

    /// A metric with its value.
    public init(id: String, label: String, column: String, unit: String, value: Value, decimals: Int = 1) {
        self.id = id
        self.label = label
        self.column = column
        self.unit = unit
        self.value = value
        self.decimals = decimals
    }

    /// The number, when the value is one.
    public var number: Double? { if case let .number(number) = value { return number } else { return nil } }

    /// The value as JSON: numbers at full precision (non-finite ones as strings), names as
    /// strings, no value as null.
    public var json: JSONValue {
        switch value {
        case let .number(number): return number.isFinite ? .number(number) : .string(JSONValue.format(number))
        case let .text(text): return .string(text)
        case .none: return .null
        }
    }
}
