/// A grid of coloured cells, rows × columns (stages × years), each cell's shade its value on a
/// light-to-dark blue ramp and its value written in it; cells at or above a threshold (a
/// saturated stage) are outlined and named in the legend, so nothing depends on colour alone.
public struct HeatMap: Chart {
    /// The chart's words.
    public var text: ChartText
    /// The row names (stages), top first.
    public var rows: [String]
    /// The column names (years), left first.
    public var columns: [String]
    /// The values, `values[row][column]`, as fractions (0.8 is 80 %); nil for an empty cell.
    public var values: [[Double?]]
    /// The label of the rows.
    public var rowAxis: AxisLabel
    /// The label of the columns.
    public var columnAxis: AxisLabel
    /// The value's name, for the legend ("Utilization").
    public var valueLabel: String
    /// The values at the light and dark ends of the ramp.
    public var domain: ClosedRange<Double>
    /// Cells at or above this value are outlined (nil for none).
    public var threshold: Double?
    /// The legend's words for outlined cells ("saturated").
    public var thresholdLabel: String
    /// The picture's width in pixels (the height follows from the rows).
    public var width: Double

    /// A heat map of fractions (written as percentages).
    public init(text: ChartText, rows: [String], columns: [String], values: [[Double?]], rowAxis: AxisLabel,
                columnAxis: AxisLabel, valueLabel: String, domain: ClosedRange<Double> = 0...1, threshold: Double? = 1,
                thresholdLabel: String, width: Double = 720) {
        self.text = text
        self.rows = rows
        self.columns = columns
        self.values = values
        self.rowAxis = rowAxis
        self.columnAxis = columnAxis
        self.valueLabel = valueLabel
        self.domain = domain
        self.threshold = threshold
        self.thresholdLabel = thresholdLabel
        self.width = width
    }

    func value(_ row: Int, _ column: Int) -> Double? {
        guard row < values.count, column < values[row].count, let v = values[row][column], v.isFinite else { return nil }
        return v
    }

    /// Where `value` falls on the ramp, 0 (light) to 1 (dark).
    func shade(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return span > 0 ? (value - domain.lowerBound) / span : 0
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        let labelWidth = min((rows.map { TextMetrics.width($0) }.max() ?? 40) + 16, width * 0.35)
        let cellHeight = 24.0
        let plot = PlotArea(left: labelWidth + 24, top: 16, width: width - labelWidth - 24 - 16, height: cellHeight * Double(max(rows.count, 1)))
        let height = plot.bottom + 50 + 44
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        let bands = BandScale(categories: columns, range: (plot.left, plot.right), padding: 0.04)
        for (row, name) in rows.enumerated() {
            let y = plot.top + cellHeight * Double(row)
            svg.add(.text(TextMetrics.fitting(name, width: labelWidth - 4), x: plot.left - 6, y: y + cellHeight / 2 + 4,
                          anchor: "end", extra: [("fill", ChartPalette.ink)]))
            for column in columns.indices {
                let x = bands.start(column)
                guard let v = value(row, column) else {
                    svg.add(.rect(x: x, y: y + 1, width: bands.bandwidth, height: cellHeight - 2, fill: "#FFFFFF",
                                  extra: [("stroke", ChartPalette.grid), ("class", "cell")]))
                    continue
                }
                let outlined = threshold.map { v >= $0 - 1e-9 } ?? false
                var extra: [(String, String)] = [("class", outlined ? "cell saturated" : "cell")]
                if outlined { extra += [("stroke", ChartPalette.highlight), ("stroke-width", "2.5")] }
                let label = format.percent(fraction: v)
                svg.add(SVGElement("rect", [("x", SVGDocument.coordinate(x + (outlined ? 1.25 : 0))),
                                            ("y", SVGDocument.coordinate(y + 1 + (outlined ? 1.25 : 0))),
                                            ("width", SVGDocument.coordinate(bands.bandwidth - (outlined ? 2.5 : 0))),
                                            ("height", SVGDocument.coordinate(cellHeight - 2 - (outlined ? 2.5 : 0))),
                                            ("fill", ChartPalette.sequentialColor(shade(v)))] + extra,
                                   children: [.tooltip("\(name), \(columns[column])\(format.colon)\(label)")]))
                if TextMetrics.width(label, fontSize: 10) <= bands.bandwidth - 2 {
                    svg.add(.text(label, x: x + bands.bandwidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle",
                                  extra: [("font-size", "10"),
                                          ("fill", ChartPalette.needsLightText(shade(v)) ? "#FFFFFF" : ChartPalette.ink)]))
                }
            }
        }
        svg.add(Axis.categories(bands, plot: plot, label: columnAxis))
        svg.add(.text(rowAxis.text, x: 8, y: plot.top - 4, extra: [("fill", ChartPalette.ink), ("class", "axis-title"),
                                                                  ("font-size", "11")]))
        // Legend: the ramp in steps, with the domain's ends and middle written under it.
        let legendY = height - 26
        svg.add(.text(valueLabel, x: plot.left, y: legendY + 10, anchor: "end",
                      extra: [("fill", ChartPalette.ink), ("transform", "translate(-8 0)")]))
        let stepWidth = 28.0
        for (index, color) in ChartPalette.sequential.enumerated() {
            svg.add(.rect(x: plot.left + Double(index) * stepWidth, y: legendY, width: stepWidth, height: 12, fill: color,
                          extra: [("stroke", "#999999"), ("stroke-width", "0.5")]))
        }
        let rampEnd = plot.left + Double(ChartPalette.sequential.count) * stepWidth
        svg.add(.text(format.percent(fraction: domain.lowerBound), x: plot.left, y: legendY + 24, anchor: "start",
                      extra: [("font-size", "10"), ("fill", ChartPalette.ink)]))
        svg.add(.text(format.percent(fraction: domain.upperBound), x: rampEnd, y: legendY + 24, anchor: "end",
                      extra: [("font-size", "10"), ("fill", ChartPalette.ink)]))
        if let threshold {
            svg.add(.rect(x: rampEnd + 24, y: legendY - 1.5, width: 24, height: 15, fill: ChartPalette.sequentialColor(1),
                          extra: [("stroke", ChartPalette.highlight), ("stroke-width", "2.5")]))
            svg.add(.text("≥ \(format.percent(fraction: threshold))\(format.colon)\(thresholdLabel)", x: rampEnd + 54, y: legendY + 10,
                          extra: [("fill", ChartPalette.ink)]))
        }

        let tableRows = rows.indices.map { row in
            [rows[row]] + columns.indices.map { column in value(row, column).map { format.percent(fraction: $0, fractionDigits: 1) } ?? "" }
        }
        return ChartFigure(text: text, svg: svg.markup,
                           table: DataTable(columns: [rowAxis.text] + columns, rows: tableRows), language: language)
    }
}
