/// An RFC 4180 reader written for the tests, independent of ``CSVTable``'s writer: a state
/// machine over Unicode scalars. Quoted fields may hold commas, doubled quotes and line
/// breaks; records end with `\n` or `\r\n`. Returns nil for text that is not well-formed CSV
/// (a quote inside an unquoted field, an unterminated quoted field, text after a closing quote).
enum CSVReader {
    static func records(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false, afterQuote = false, started = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.append("\"") } else { quoted = false; afterQuote = true }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !afterQuote else { return nil }
                quoted = true
                started = true
            case ",":
                record.append(String(field)); field = .init(); afterQuote = false; started = true
            case "\r" where scalars.first == "\n":
                continue
            case "\n":
                record.append(String(field)); field = .init(); afterQuote = false
                records.append(record); record = []; started = false
            default:
                guard !afterQuote else { return nil }
                field.append(scalar)
                started = true
            }
        }
        guard !quoted else { return nil }
        if started || !field.isEmpty { record.append(String(field)); records.append(record) }
        return records
    }
}
