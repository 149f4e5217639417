/// How the table builders define a table: each column with the function that reads its cell
/// from a row value, so a header and its cells cannot drift apart and every row has one cell
/// per column.
struct TableColumn<Row> {
    var column: CSVTable.Column
    var cell: (Row) -> CSVTable.Cell

    /// A number column; nil reads as an empty cell.
    static func number(_ name: String, _ description: String, _ value: @escaping (Row) -> Double?) -> TableColumn {
        TableColumn(column: .init(name: name, kind: .number, description: description)) { row in value(row).map(CSVTable.Cell.number) ?? .empty }
    }

    /// A whole-number column (counts, years, periods).
    static func integer(_ name: String, _ description: String, _ value: @escaping (Row) -> Int?) -> TableColumn {
        TableColumn(column: .init(name: name, kind: .number, description: description)) { row in value(row).map { .number(Double($0)) } ?? .empty }
    }

    /// A text column; nil reads as an empty cell.
    static func text(_ name: String, _ description: String, _ value: @escaping (Row) -> String?) -> TableColumn {
        TableColumn(column: .init(name: name, kind: .text, description: description)) { row in value(row).map(CSVTable.Cell.text) ?? .empty }
    }

    /// An ISO 8601 date or date-time column.
    static func date(_ name: String, _ description: String, _ value: @escaping (Row) -> String?) -> TableColumn {
        TableColumn(column: .init(name: name, kind: .date, description: description)) { row in value(row).map(CSVTable.Cell.text) ?? .empty }
    }

    /// A `true`/`false` column.
    static func boolean(_ name: String, _ description: String, _ value: @escaping (Row) -> Bool?) -> TableColumn {
        TableColumn(column: .init(name: name, kind: .boolean, description: description)) { row in value(row).map(CSVTable.Cell.boolean) ?? .empty }
    }
}

extension CSVTable {
    /// A table of `rows` with `columns`, each cell read by its column.
    init<Row>(name: String, description: String, _ columns: [TableColumn<Row>], rows: [Row]) {
        self.init(name: name, description: description, columns: columns.map(\.column),
                  rows: rows.map { row in columns.map { $0.cell(row) } })
    }
}
