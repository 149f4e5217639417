/// A report drawn as a page: the ``HTMLDocument`` and the charts on it (as values, so that a
/// caller or a test can check what each chart plots without reading the SVG back).
///
/// Pages are made from the reports the commands already produce — ``RunReport``,
/// ``ValuationReport``, ``RefineryScheduleReport`` and ``Comparison`` — never by running the
/// model again: every number on a page is one of the report's, converted to the page's unit
/// (tonnes, million US$) and written in the page's language.
///
/// ```swift
/// let run = try ScenarioRun.perform(try ScenarioLoader.embedded(named: "senou-base"))
/// let page = RunReport(run: run, includeLots: true).page(in: .fr)
/// let html = page.html // what `refinery-cli run --format html --lang fr` writes
/// ```
public struct ReportPage: Sendable {
    /// The page.
    public var document: HTMLDocument
    /// Every chart drawn on the page, in page order.
    public var charts: [any Chart]

    /// A page and its charts.
    public init(document: HTMLDocument, charts: [any Chart]) {
        self.document = document
        self.charts = charts
    }

    /// The page's HTML: one self-contained file.
    public var html: String { document.html }
}

/// Builds a page's sections in one language: the charts placed so far (for ``ReportPage``),
/// and the conversions every page shares.
struct PageBuilder {
    let language: ReportLanguage
    let strings: ReportStrings
    let format: NumberFormat
    private(set) var charts: [any Chart] = []

    init(_ language: ReportLanguage) {
        self.language = language
        strings = language.strings
        format = language.format
    }

    /// `chart` as a section block, remembered for the page's chart list.
    mutating func figure(_ chart: any Chart) -> HTMLSection.Block {
        charts.append(chart)
        return .figure(chart.figure(in: language))
    }

    /// US dollars as millions, one decimal.
    func millions(_ usd: Double) -> String { format.number(usd / 1e6, fractionDigits: 1) }

    /// Kilograms as tonnes, one decimal.
    func tonnes(_ kg: Double) -> String { format.number(kg / 1000, fractionDigits: 1) }

    /// The tool's facts: name and version, and GLPK's version.
    func toolFacts(_ tool: ReportTool) -> [HTMLFact] {
        [HTMLFact(strings[.tool], "\(tool.name) \(tool.version)"), HTMLFact(strings[.glpkVersion], tool.glpk)]
    }

    /// The date basis of a scenario's horizon, with the discounting when there is money.
    func dateBasis(firstYear: Int, years: Int, discountRate: Double?, discountYear: Int?) -> String {
        let last = String(firstYear + max(years, 1) - 1)
        if let discountRate, let discountYear {
            return strings.format(.dateBasisMoney, String(firstYear), last, format.percent(fraction: discountRate, fractionDigits: 1),
                                  String(discountYear))
        }
        return strings.format(.dateBasisYears, String(firstYear), last)
    }

    /// Key results as a table: label, value, unit.
    func keyResults(_ metrics: [KeyMetric]) -> DataTable {
        DataTable(columns: [strings[.keyResult], strings[.value], strings[.unit]],
                  rows: metrics.map { [strings.label(of: $0), format.value(of: $0), strings.unit(of: $0)] },
                  numericColumns: [1])
    }

    /// The notes section: the model's own findings and notes, which it writes in English
    /// (said so in the heading's language); nil when there are none.
    func notes(findings: [String], notes: [String]) -> HTMLSection? {
        var blocks: [HTMLSection.Block] = []
        if !findings.isEmpty { blocks.append(.table(DataTable(columns: [strings[.findings]], rows: findings.map { [$0] }, numericColumns: []))) }
        if !notes.isEmpty { blocks.append(.table(DataTable(columns: [strings[.modelNotes]], rows: notes.map { [$0] }, numericColumns: []))) }
        return blocks.isEmpty ? nil : HTMLSection(id: "notes", heading: strings[.notesSection], blocks: blocks)
    }
}
