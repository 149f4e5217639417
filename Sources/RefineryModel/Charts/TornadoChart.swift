/// A tornado: for each uncertain input, the output when the input is at its low and at its
/// high value, drawn as horizontal bars from the base case, widest swing first as given by
/// the caller. The two ends have their own colour and hatch, are named in the legend, and
/// carry their values as labels.
public struct TornadoChart: Chart {
    /// One input's row.
    public struct Row: Sendable, Equatable {
        /// The input's name, left of its bars.
        public var label: String
        /// The output with the input at its low value.
        public var lowValue: Double
        /// The output with the input at its high value.
        public var highValue: Double

        /// A row.
        public init(label: String, lowValue: Double, highValue: Double) {
            self.label = label
            self.lowValue = lowValue
            self.highValue = highValue
        }
    }

    /// The chart's words.
    public var text: ChartText
    /// The output in the base case, where the bars start.
    public var base: Double
    /// The rows, top first.
    public var rows: [Row]
    /// The value axis's label and unit.
    public var valueAxis: AxisLabel
    /// Decimals of the values in labels and in the table.
    public var fractionDigits: Int
    /// The picture's width in pixels (the height follows from the rows).
    public var width: Double

    /// A tornado.
    public init(text: ChartText, base: Double, rows: [Row], valueAxis: AxisLabel, fractionDigits: Int = 1, width: Double = 720) {
        self.text = text
        self.base = base
        self.rows = rows
        self.valueAxis = valueAxis
        self.fractionDigits = fractionDigits
        self.width = width
    }

    /// The horizontal scale for a plot spanning `left...right`: the base and both ends of
    /// every row are inside its domain.
    public func valueScale(left: Double, right: Double) -> LinearScale {
        // A margin of an eighth of the spread on each side leaves room for the end labels.
        let values = ([base] + rows.flatMap { [$0.lowValue, $0.highValue] }).filter(\.isFinite)
        let margin = ((values.max() ?? 0) - (values.min() ?? 0)) / 8
        return LinearScale(covering: values, including: [(values.min() ?? 0) - margin, (values.max() ?? 0) + margin],
                           range: (left, right), tickCount: 8)
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        let strings = language.strings
        let labelWidth = min((rows.map { TextMetrics.width($0.label) }.max() ?? 40) + 16, width * 0.35)
        var patterns = Set<Int>()
        let lowFill = ChartPalette.decrease
        // The legend's height (which does not depend on the swatches) sets where the rows start.
        let entries: [(name: String, swatch: Legend.Swatch)] = [(strings[.lowInput], .box(fill: lowFill)),
                                                                (strings[.highInput], .box(fill: ""))]
        let legendHeight = Legend(entries).draw(x: labelWidth, y: 16, width: width - labelWidth - 20).height
        let rowHeight = 26.0
        let plot = PlotArea(left: labelWidth, top: 16 + legendHeight + 22, width: width - labelWidth - 30,
                            height: rowHeight * Double(max(rows.count, 1)))
        let height = plot.bottom + 48
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        // The high end uses the third series' look (bluish green, dotted) to differ from the low end.
        let highFill = ChartPalette.fill(2, in: &svg, defined: &patterns)
        let legend = Legend([(strings[.lowInput], .box(fill: lowFill)), (strings[.highInput], .box(fill: highFill))])
            .draw(x: labelWidth, y: 16, width: width - labelWidth - 20)
        svg.add(legend.elements)
        let scale = valueScale(left: plot.left, right: plot.right)
        svg.add(Axis.horizontal(scale, plot: plot, label: valueAxis, format: format))
        let baseX = scale.position(base)
        for (index, row) in rows.enumerated() {
            let y = plot.top + rowHeight * Double(index)
            svg.add(.text(TextMetrics.fitting(row.label, width: labelWidth - 12), x: plot.left - 8, y: y + rowHeight / 2 + 4,
                          anchor: "end", extra: [("fill", ChartPalette.ink)]))
            for (value, fill, name, offset) in [(row.lowValue, lowFill, strings[.low], 0.0), (row.highValue, highFill, strings[.high], 1.0)] {
                guard value.isFinite else { continue }
                let x = scale.position(value)
                let barTop = y + 3 + offset * (rowHeight - 6) / 2
                let barHeight = (rowHeight - 6) / 2
                let text = format.number(value, fractionDigits: fractionDigits)
                svg.add(SVGElement("rect", [("class", offset == 0 ? "low" : "high"), ("x", SVGDocument.coordinate(min(x, baseX))),
                                            ("y", SVGDocument.coordinate(barTop)),
                                            ("width", SVGDocument.coordinate(max(abs(x - baseX), 1))),
                                            ("height", SVGDocument.coordinate(barHeight)), ("fill", fill)],
                                   children: [.tooltip("\(row.label), \(name): \(text)")]))
                let right = x >= baseX
                svg.add(.text(text, x: right ? x + 3 : x - 3, y: barTop + barHeight - 2, anchor: right ? "start" : "end",
                              extra: [("font-size", "10"), ("fill", ChartPalette.ink)]))
            }
        }
        svg.add(.line(x1: baseX, y1: plot.top - 6, x2: baseX, y2: plot.bottom, stroke: ChartPalette.ink, width: 1.5, extra: [("class", "base")]))
        svg.add(.text("\(strings[.base]) \(format.number(base, fractionDigits: fractionDigits))", x: baseX, y: plot.top - 9,
                      anchor: "middle", extra: [("fill", ChartPalette.ink), ("font-weight", "bold")]))
        let tableRows = rows.map { [$0.label, format.number($0.lowValue, fractionDigits: fractionDigits),
                                    format.number($0.highValue, fractionDigits: fractionDigits),
                                    format.number(abs($0.highValue - $0.lowValue), fractionDigits: fractionDigits)] }
            + [[strings[.base], format.number(base, fractionDigits: fractionDigits), "", ""]]
        let table = DataTable(columns: [valueAxis.text, strings[.low], strings[.high], strings[.range]], rows: tableRows)
        return ChartFigure(text: text, svg: svg.markup, table: table, language: language)
    }
}
