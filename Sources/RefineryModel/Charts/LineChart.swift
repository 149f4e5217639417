/// Lines through categories (months of a campaign, years), optionally with a round marker at
/// each point, and an optional cumulative line on its own axis at the right.
///
/// Lines are told apart by colour, by dash pattern and by name (in the legend), never by
/// colour alone.
public struct LineChart: Chart {
    /// One line: a name and one value per category (nil for a gap).
    public struct Series: Sendable, Equatable {
        /// The name in the legend and the table.
        public var name: String
        /// One value per category, or nil where there is none.
        public var values: [Double?]
        /// Whether each point gets a round marker.
        public var showsMarkers: Bool

        /// A line.
        public init(name: String, values: [Double?], showsMarkers: Bool = true) {
            self.name = name
            self.values = values
            self.showsMarkers = showsMarkers
        }
    }

    /// The chart's words.
    public var text: ChartText
    /// The categories along the horizontal axis, in order.
    public var categories: [String]
    /// The lines on the left axis.
    public var series: [Series]
    /// The category axis's label.
    public var categoryAxis: AxisLabel
    /// The left axis's label and unit.
    public var valueAxis: AxisLabel
    /// A cumulative line drawn against the right axis (the caller's running total).
    public var cumulative: Series?
    /// The right axis's label and unit, for `cumulative`.
    public var cumulativeAxis: AxisLabel?
    /// Marks on categories.
    public var markers: [CategoryMarker]
    /// Decimals of the values in the data table.
    public var fractionDigits: Int
    /// The picture's size in pixels.
    public var width: Double, height: Double

    /// A line chart.
    public init(text: ChartText, categories: [String], series: [Series], categoryAxis: AxisLabel, valueAxis: AxisLabel,
                cumulative: Series? = nil, cumulativeAxis: AxisLabel? = nil, markers: [CategoryMarker] = [],
                fractionDigits: Int = 1, width: Double = 720, height: Double = 360) {
        self.text = text
        self.categories = categories
        self.series = series
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.cumulative = cumulative
        self.cumulativeAxis = cumulativeAxis
        self.markers = markers
        self.fractionDigits = fractionDigits
        self.width = width
        self.height = height
    }

    /// The dash pattern of the `index`-th line (the first is solid).
    static func dash(_ index: Int) -> String? {
        let patterns: [String?] = [nil, "6 3", "2 3", "8 3 2 3"]
        return patterns[index % patterns.count]
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        var entries: [(name: String, swatch: Legend.Swatch)] = series.indices.map { index in
            (series[index].name, Self.dash(index) == nil ? .line(color: ChartPalette.color(index), marker: series[index].showsMarkers)
                                                           : .dashed(color: ChartPalette.color(index)))
        }
        if let cumulative { entries.append((cumulative.name, .dashed(color: ChartPalette.ink))) }
        let rightMargin: Double = cumulative == nil ? 20 : 80
        let legend = Legend(entries).draw(x: 70, y: 16, width: width - 70 - rightMargin)
        let plot = PlotArea(left: 70, top: 16 + legend.height + 14, width: width - 70 - rightMargin,
                            height: height - 16 - legend.height - 14 - 60)
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let scale = LinearScale(covering: values, including: [0], range: (plot.bottom, plot.top))
        let points = BandScale(categories: categories, range: (plot.left, plot.right), padding: 0)
        svg.add(legend.elements)
        svg.add(Axis.vertical(scale, plot: plot, label: valueAxis, format: format))
        svg.add(Axis.categories(points, plot: plot, label: categoryAxis))

        func draw(_ line: Series, scale: LinearScale, color: String, dash: String?, cssClass: String) {
            // A gap (nil) breaks the line into runs.
            var runs: [[(Double, Double)]] = [[]]
            for (category, value) in line.values.enumerated() where category < categories.count {
                if let value, value.isFinite { runs[runs.count - 1].append((points.center(category), scale.position(value))) }
                else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            for run in runs where !run.isEmpty {
                svg.add(.polyline(run, stroke: color, extra: [("class", cssClass)] + (dash.map { [("stroke-dasharray", $0)] } ?? [])))
                if line.showsMarkers { svg.add(run.map { .circle(cx: $0.0, cy: $0.1, r: 3, fill: color) }) }
            }
        }
        for (index, line) in series.enumerated() {
            draw(line, scale: scale, color: ChartPalette.color(index), dash: Self.dash(index), cssClass: "line")
        }
        if let cumulative {
            let right = LinearScale(covering: cumulative.values.compactMap { $0 }, including: [0], range: (plot.bottom, plot.top))
            svg.add(Axis.vertical(right, plot: plot, label: cumulativeAxis ?? AxisLabel(cumulative.name), format: format,
                                  onRight: true, grid: false))
            draw(cumulative, scale: right, color: ChartPalette.ink, dash: "6 3", cssClass: "cumulative")
        }
        for marker in markers { svg.add(marker.draw(bands: points, plot: plot, labelY: plot.top + 20)) }

        let all = series + (cumulative.map { [$0] } ?? [])
        let rows = categories.indices.map { category in
            [categories[category]] + all.map { line in
                (category < line.values.count ? line.values[category] : nil).map { format.number($0, fractionDigits: fractionDigits) } ?? ""
            }
        }
        return ChartFigure(text: text, svg: svg.markup,
                           table: DataTable(columns: [categoryAxis.text] + all.map(\.name), rows: rows), language: language)
    }
}
