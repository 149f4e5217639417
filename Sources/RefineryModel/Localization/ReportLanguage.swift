/// A language the HTML report can be written in: its strings and its way of writing numbers
/// and dates.
///
/// Adding a language means adding a case here and one table of strings (a file like
/// `FrenchStrings.swift`) that gives a text for every ``ReportText`` key; the test suite checks
/// that the new table has every key of the English one.
public enum ReportLanguage: String, CaseIterable, Codable, Sendable {
    /// English, the default.
    case en
    /// French, the working language of Mali's administration.
    case fr

    /// The BCP 47 tag written in the page's `lang` attribute.
    public var tag: String { rawValue }

    /// The table of translated strings.
    public var strings: ReportStrings {
        switch self {
        case .en: ReportStrings(language: self, table: englishStrings)
        case .fr: ReportStrings(language: self, table: frenchStrings)
        }
    }

    /// How this language writes numbers, percentages and dates.
    public var format: NumberFormat {
        switch self {
        case .en: NumberFormat(groupingSeparator: ",", decimalSeparator: ".", percentSeparator: "", strings: strings)
        case .fr: NumberFormat(groupingSeparator: "\u{202F}", decimalSeparator: ",", percentSeparator: "\u{00A0}",
                               colon: "\u{00A0}: ", strings: strings)
        }
    }
}
