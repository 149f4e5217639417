/// Typed reading of option values, each failure a ``UsageError`` that names the option.
extension ParsedArguments {
    /// A decimal number (`2`, `-0.5`, `2.5e3`); hexadecimal (`0x10`), `inf`, `nan` and
    /// numbers too large for a Double (`1e999`) are refused, not reinterpreted.
    func double(_ long: String, range: ClosedRange<Double>? = nil) throws(UsageError) -> Double? {
        guard let text = value(long) else { return nil }
        guard Self.isDecimal(text), let number = Double(text) else {
            throw UsageError(message: "option '--\(long)': '\(text)' is not a decimal number (e.g. 2.5)")
        }
        guard number.isFinite else {
            throw UsageError(message: "option '--\(long)': '\(text)' is too large to be a number")
        }
        if let range, !range.contains(number) {
            throw UsageError(message: "option '--\(long)': \(text) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    /// Whether `text` is written as a decimal number: an optional sign, digits with at most one
    /// '.', and an optional exponent (`e`, an optional sign, digits).
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    func integer(_ long: String, range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let text = value(long) else { return nil }
        guard let number = Int(text) else {
            throw UsageError(message: "option '--\(long)': '\(text)' is not a whole number")
        }
        if let range, !range.contains(number) {
            throw UsageError(message: "option '--\(long)': \(text) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    func choice<T: RawRepresentable & CaseIterable>(_ long: String, as type: T.Type) throws(UsageError) -> T? where T.RawValue == String {
        guard let text = value(long) else { return nil }
        guard let choice = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: "option '--\(long)': '\(text)' is not one of \(allowed)")
        }
        return choice
    }
}
