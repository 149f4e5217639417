/// Renders rows as an aligned text table: text columns left-aligned, numbers right-aligned
/// (cell by cell, unless `alignments` fixes each column's, header included).
enum TextTable {
    enum Alignment: Sendable { case left, right }

    static func render(header: [String], rows: [[String]], alignments: [Alignment]? = nil) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func isNumeric(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return "-+0123456789.".unicodeScalars.contains(first) && text != "-"
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                let right = alignments.map { $0.indices.contains(column) && $0[column] == .right } ?? isNumeric(cell)
                return right ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
