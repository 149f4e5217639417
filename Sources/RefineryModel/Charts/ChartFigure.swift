/// A drawn chart, ready for a page: the inline SVG, its caption (title and one-line reading)
/// and the data behind it, which ``html`` places in a `<details>` element that opens on demand.
public struct ChartFigure: Sendable, Equatable {
    /// The chart's words: id, title, reading, description.
    public let text: ChartText
    /// The `<svg>` element.
    public let svg: String
    /// The data behind the chart.
    public let table: DataTable
    /// The language the chart was drawn in (for the "data behind the chart" summary).
    public let language: ReportLanguage

    /// A figure; the charts' `figure(in:)` methods make these.
    public init(text: ChartText, svg: String, table: DataTable, language: ReportLanguage) {
        self.text = text
        self.svg = svg
        self.table = table
        self.language = language
    }

    /// The figure as an HTML `<figure>`: the SVG, a `<figcaption>` and the table in `<details>`.
    public var html: String {
        let id = MarkupEscaping.identifier(text.id)
        return """
        <figure class="chart-figure" id="figure-\(id)">
        \(svg)
        <figcaption><strong>\(MarkupEscaping.escape(text.title))</strong> \(MarkupEscaping.escape(text.reading))</figcaption>
        <details><summary>\(MarkupEscaping.escape(language.strings[.chartData]))</summary>
        \(table.html)
        </details>
        </figure>
        """
    }
}

/// A chart: a typed description of what to draw that turns into a ``ChartFigure`` in a
/// language. Drawing is a pure function of the value: the same value gives the same bytes.
public protocol Chart: Sendable {
    /// The chart drawn with `language`'s number format and strings.
    func figure(in language: ReportLanguage) -> ChartFigure
}
