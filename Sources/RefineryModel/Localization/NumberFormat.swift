/// Writes numbers, percentages and dates the way one language does, by hand rather than from
/// Foundation's locale data, so that the same value gives the same characters on every machine.
///
/// English writes `1,234.5` and `24%`; French writes `1 234,5` with a narrow no-break space
/// (U+202F) between thousands and `24 %` with a no-break space (U+00A0) before the sign.
/// Values are rounded half away from zero at the requested number of decimals, and a value
/// that rounds to zero is written without a minus sign. A value that is not finite (which no
/// report should carry) is written as an em dash, never as "nan".
public struct NumberFormat: Sendable {
    /// Between groups of three digits of the integer part.
    public let groupingSeparator: String
    /// Between the integer part and the decimals.
    public let decimalSeparator: String
    /// Between a percentage and its `%` sign.
    public let percentSeparator: String
    /// The language's strings, for the names of months.
    public let strings: ReportStrings
    /// What goes between a label and its value: `": "` in English, `" : "` (no-break space
    /// first) in French.
    public let colon: String

    /// Makes a format; ``ReportLanguage/format`` is the usual way to get one.
    public init(groupingSeparator: String, decimalSeparator: String, percentSeparator: String, colon: String = ": ",
                strings: ReportStrings) {
        self.colon = colon
        self.groupingSeparator = groupingSeparator
        self.decimalSeparator = decimalSeparator
        self.percentSeparator = percentSeparator
        self.strings = strings
    }

    /// What a value that is not finite is written as.
    public static let notFinite = "\u{2014}"

    /// `value` with exactly `fractionDigits` decimals (0–6) and grouped thousands.
    public func number(_ value: Double, fractionDigits: Int = 0) -> String {
        guard value.isFinite else { return Self.notFinite }
        let digits = min(max(fractionDigits, 0), 6)
        var power = 1.0
        for _ in 0..<digits { power *= 10 }
        let scaled = (abs(value) * power).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1.8e19 else { return value < 0 ? "-" + String(describing: -value) : String(describing: value) }
        let whole = UInt64(scaled)
        let divisor = UInt64(power)
        let integerPart = whole / divisor
        let fraction = whole % divisor
        var text = grouped(integerPart)
        if digits > 0 {
            var decimals = String(fraction)
            while decimals.count < digits { decimals = "0" + decimals }
            text += decimalSeparator + decimals
        }
        return (value < 0 && whole != 0 ? "-" : "") + text
    }

    /// `value` with a sign always written (`+12.5`, `-3.0`; zero as `0.0`), for changes.
    public func signedNumber(_ value: Double, fractionDigits: Int = 0) -> String {
        let text = number(value, fractionDigits: fractionDigits)
        if text.hasPrefix("-") || text == Self.notFinite { return text }
        let isZero = text.allSatisfy { $0 == "0" || String($0) == decimalSeparator }
        return isZero ? text : "+" + text
    }

    /// An integer with grouped thousands.
    public func integer(_ value: Int) -> String {
        let text = grouped(UInt64(value.magnitude))
        return value < 0 ? "-" + text : text
    }

    /// A fraction written as a percentage: 0.24 → `24%` (English) or `24 %` (French).
    public func percent(fraction: Double, fractionDigits: Int = 0) -> String {
        guard fraction.isFinite else { return Self.notFinite }
        return number(fraction * 100, fractionDigits: fractionDigits) + percentSeparator + "%"
    }

    /// A date in words: `1 March 2027` (English), `1er mars 2027` (French).
    public func longDate(_ date: CivilDate) -> String {
        "\(dayOfMonth(date.day)) \(strings.monthName(date.month)) \(date.year)"
    }

    /// A date without its year, short enough for an axis: `1 Mar`, `1er mars`.
    public func shortDate(_ date: CivilDate) -> String {
        "\(dayOfMonth(date.day)) \(strings.shortMonthName(date.month))"
    }

    /// A month of a year, for an axis or a table: `Mar 2027`, `mars 2027`.
    public func monthYear(year: Int, month: Int) -> String {
        "\(strings.shortMonthName(month)) \(year)"
    }

    private func dayOfMonth(_ day: Int) -> String {
        strings.language == .fr && day == 1 ? "1er" : String(day)
    }

    private func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += groupingSeparator }
            text.append(digit)
        }
        return text
    }
}
