import Foundation

/// One tidy table of a report, ready for a spreadsheet or a data-frame library: a name, typed
/// columns and one row per observation, written as CSV by ``csv``.
///
/// Every table follows the same rules, so a reader can rely on them without reading each one:
/// - headers are `snake_case` and carry their unit (`gold_refined_kg`, `npv_usd`,
///   `utilization_fraction`); fractions are fractions (0.25), never percent;
/// - a ``Column/Kind/number`` column holds numbers only, written with ``format(_:)``
///   (locale-free, no thousands separators, the shortest text that reads back as the same
///   `Double`); an empty cell means "not defined" (e.g. no IRR);
/// - dates are ISO 8601 (`2030-01-01`, `2030-01-01T06:00`, months `2030-01`);
/// - booleans are `true` or `false`;
/// - quoting follows RFC 4180: a field with a comma, a double quote or a line break is
///   enclosed in double quotes, its quotes doubled; lines end with `\n`.
///
/// The tables are views of the report values (``RunReport``, ``ValuationReport``,
/// ``RefineryScheduleReport``), never recomputed, so their figures are the JSON's figures.
/// `refinery-cli` prints and writes exactly ``csv``, so a library caller gets the same bytes.
public struct CSVTable: Sendable, Equatable {
    /// What a column holds.
    public struct Column: Sendable, Equatable {
        /// The type of a column's cells.
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            /// Numbers only (or empty when not defined), in the unit the header names.
            case number
            /// Free text: identifiers and names.
            case text
            /// An ISO 8601 date, date-time (`YYYY-MM-DDTHH:MM`, local plant time) or month.
            case date
            /// `true` or `false`.
            case boolean
        }

        /// The header, `snake_case` with its unit (`gold_refined_kg`).
        public var name: String
        /// The type of the cells.
        public var kind: Kind
        /// What the column means, with its unit, for the documentation and the index.
        public var description: String

        /// A column.
        public init(name: String, kind: Kind, description: String) {
            self.name = name
            self.kind = kind
            self.description = description
        }
    }

    /// One cell of a row.
    public enum Cell: Sendable, Equatable {
        /// A number, written with ``CSVTable/format(_:)``.
        case number(Double)
        /// Text, quoted when it needs to be.
        case text(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// Nothing: the value is not defined for this row.
        case empty

        /// The cell as it appears in the file (before quoting).
        public var field: String {
            switch self {
            case let .number(value): return CSVTable.format(value)
            case let .text(text): return text
            case let .boolean(value): return value ? "true" : "false"
            case .empty: return ""
            }
        }
    }

    /// The table's name, `snake_case` (`throughput_by_year`); its file is ``fileName``.
    public var name: String
    /// What one row is, for the index and the documentation.
    public var description: String
    /// The columns, in order.
    public var columns: [Column]
    /// The rows; each has one cell per column.
    public var rows: [[Cell]]

    /// A table. Each row must have as many cells as there are columns (the builders of this
    /// library make them so; ``csv`` writes empty cells for missing ones and leaves out extra
    /// ones, rather than trap).
    public init(name: String, description: String, columns: [Column], rows: [[Cell]]) {
        self.name = name
        self.description = description
        self.columns = columns
        self.rows = rows
    }

    /// `name.csv`: the file `refinery-cli run --csv-dir` writes for the table.
    public var fileName: String { name + ".csv" }

    /// The header line's fields.
    public var header: [String] { columns.map(\.name) }

    /// The table as CSV text: the header, then one line per row, each ending with `\n`.
    public var csv: String {
        var text = CSVTable.line(header)
        text.reserveCapacity(text.utf8.count * (rows.count + 1))
        for row in rows {
            for index in columns.indices {
                if index > 0 { text += "," }
                text += CSVTable.quoted(index < row.count ? row[index].field : "")
            }
            text += "\n"
        }
        return text
    }

    /// One CSV line of `fields`, quoted by RFC 4180, ending with `\n`.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// `field` as RFC 4180 wants it: enclosed in double quotes, with its quotes doubled, when
    /// it holds a comma, a double quote or a line break; as it is otherwise.
    public static func quoted(_ field: String) -> String {
        // By bytes: a comma, a double quote, LF or CR (which a CRLF grapheme holds too).
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as the tables write it: whole numbers below 10^15 as integers (`2030`,
    /// `-12`), others as Swift's shortest round-trip decimal text (`0.1`, `1.5e-07`), which
    /// does not depend on the locale and reads back as the same `Double` in any language.
    /// A non-finite number (none reaches a checked report) is written as an empty cell.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return JSONValue.format(value)
    }
}
