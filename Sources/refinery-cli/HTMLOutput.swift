import RefineryModel

/// `--format html` and `--lang`: the self-contained HTML report of `run`, `value`, `schedule`
/// and `compare`, in the language `--lang` names (the library draws the page; see
/// ``ReportPage``).
enum HTMLOutput {
    /// `--lang`, shared by every command with an HTML format.
    static let languageOption = OptionSpec.value(
        "lang", "LANG",
        help: "The language of the HTML report's labels, headings and numbers: \(ReportLanguage.allCases.map(\.rawValue).joined(separator: "|")) (default en; with --format html only).")

    /// The `--lang` of `arguments` (English by default); a usage error when it is given
    /// without `--format html`, where it would have no effect.
    static func language(_ arguments: ParsedArguments, html: Bool) throws(UsageError) -> ReportLanguage {
        let language = try arguments.choice("lang", as: ReportLanguage.self)
        if language != nil && !html { throw UsageError(message: "option '--lang': applies to --format html only") }
        return language ?? .en
    }
}
