/// One language's table of strings, looked up by ``ReportText`` key.
///
/// A key missing from a table falls back to the English text, so a page is never left with
/// a hole; the test suite makes sure no shipped table relies on that.
public struct ReportStrings: Sendable {
    /// The language of this table.
    public let language: ReportLanguage
    /// The texts, by key.
    public let table: [ReportText: String]

    /// Makes a table; ``ReportLanguage/strings`` is the usual way to get one.
    public init(language: ReportLanguage, table: [ReportText: String]) {
        self.language = language
        self.table = table
    }

    /// The text for `key` in this language (English when this table lacks it).
    public subscript(_ key: ReportText) -> String {
        table[key] ?? englishStrings[key] ?? key.rawValue
    }

    /// The name of `month` (1–12), e.g. "March" / "mars".
    public func monthName(_ month: Int) -> String {
        self[ReportText.months[(month - 1 + 12) % 12]]
    }

    /// The short name of `month` (1–12), e.g. "Mar" / "mars".
    public func shortMonthName(_ month: Int) -> String {
        self[ReportText.shortMonths[(month - 1 + 12) % 12]]
    }
}
