import RefineryModel

/// Key results as text tables and CSV.
enum KeyResultsText {
    /// `metric  value  unit`, one line per metric.
    static func table(_ metrics: [KeyMetric]) -> String {
        TextTable.render(header: ["metric", "value", "unit"], rows: metrics.map { [$0.label, $0.formatted, $0.unit] },
                         alignments: [.left, .right, .left])
    }

}

extension KeyMetric {
    /// The value for people: thousands separators and the metric's decimals.
    var formatted: String {
        switch value {
        case let .number(number):
            return unit == "year" && number == number.rounded() ? String(Int(number)) : Formatting.number(number, decimals: decimals)
        case let .text(text): return text
        case .none: return "-"
        }
    }
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
enum CSV {
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON value as a CSV cell: strings bare, null empty, numbers at full precision.
    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case let .string(text): return text
        default: return value.serialized()
        }
    }
}
