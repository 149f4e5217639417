/// Typed reading of option values, each failure a ``UsageError`` that names the option.
extension ParsedArguments {
    func double(_ long: String, range: ClosedRange<Double>? = nil) throws(UsageError) -> Double? {
        guard let text = value(long) else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw UsageError(message: "option '--\(long)': '\(text)' is not a number")
        }
        if let range, !range.contains(number) {
            throw UsageError(message: "option '--\(long)': \(text) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
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
