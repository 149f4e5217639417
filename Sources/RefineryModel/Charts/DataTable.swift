/// The data behind a chart as a table: column headings and rows of text already formatted in
/// the report's language. Written as an HTML `<table>`.
public struct DataTable: Sendable, Equatable {
    /// The column headings.
    public var columns: [String]
    /// The rows, each with one cell per column.
    public var rows: [[String]]
    /// The columns holding numbers, aligned right.
    public var numericColumns: Set<Int>
    /// The rows to highlight (a comparison's differences): class `changed`, shaded and bold.
    public var highlightedRows: Set<Int>

    /// A table; `numericColumns` defaults to every column but the first, and no row is highlighted.
    public init(columns: [String], rows: [[String]], numericColumns: Set<Int>? = nil, highlightedRows: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns ?? Set(1..<max(columns.count, 1))
        self.highlightedRows = highlightedRows
    }

    /// The table as HTML, every cell escaped.
    public var html: String {
        var out = "<table>\n<thead><tr>"
        for (index, column) in columns.enumerated() {
            out += "<th scope=\"col\"\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(MarkupEscaping.escape(column))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in rows.enumerated() {
            out += highlightedRows.contains(rowIndex) ? "<tr class=\"changed\">" : "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let close = index == 0 ? "th" : "td"
                out += "<\(tag)\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(MarkupEscaping.escape(cell))</\(close)>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }
}
