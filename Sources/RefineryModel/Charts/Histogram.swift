/// The spread of many draws (a Monte Carlo run) as a histogram, with vertical lines at chosen
/// percentiles (P10, P50, P90), each labelled with its name and value.
public struct Histogram: Chart {
    /// One bin: the draws with `lower ≤ value < upper` (the last bin includes its upper end).
    public struct Bin: Sendable, Equatable {
        /// The bin's lower edge.
        public var lower: Double
        /// The bin's upper edge.
        public var upper: Double
        /// How many draws fell in it.
        public var count: Int

        /// A bin.
        public init(lower: Double, upper: Double, count: Int) {
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    /// A marked value: a percentile from the report, with its label ("P10").
    public struct Percentile: Sendable, Equatable {
        /// The label written at the line.
        public var label: String
        /// The value, on the horizontal axis.
        public var value: Double

        /// A percentile line.
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// The chart's words.
    public var text: ChartText
    /// The bins, left to right.
    public var bins: [Bin]
    /// The percentile lines.
    public var percentiles: [Percentile]
    /// The horizontal axis (the drawn quantity and its unit).
    public var valueAxis: AxisLabel
    /// The vertical axis (a count of draws).
    public var countAxis: AxisLabel
    /// Decimals of the values in labels and in the table.
    public var fractionDigits: Int
    /// The picture's size in pixels.
    public var width: Double, height: Double

    /// A histogram.
    public init(text: ChartText, bins: [Bin], percentiles: [Percentile], valueAxis: AxisLabel, countAxis: AxisLabel,
                fractionDigits: Int = 1, width: Double = 720, height: Double = 340) {
        self.text = text
        self.bins = bins
        self.percentiles = percentiles
        self.valueAxis = valueAxis
        self.countAxis = countAxis
        self.fractionDigits = fractionDigits
        self.width = width
        self.height = height
    }

    /// `binCount` equal bins from the smallest to the largest of `samples` (non-finite draws
    /// are left out). Counting, not re-computing: the report's draws go in unchanged.
    public static func bins(of samples: [Double], count binCount: Int) -> [Bin] {
        let values = samples.filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), binCount > 0 else { return [] }
        let span = high > low ? high - low : 1
        let width = span / Double(binCount)
        var counts = Array(repeating: 0, count: binCount)
        for value in values { counts[min(Int((value - low) / width), binCount - 1)] += 1 }
        return counts.indices.map { Bin(lower: low + width * Double($0), upper: low + width * Double($0 + 1), count: counts[$0]) }
    }

    /// The horizontal scale for a plot spanning `left...right` pixels: every bin edge and
    /// every percentile is inside its domain.
    public func valueScale(left: Double, right: Double) -> LinearScale {
        LinearScale(covering: bins.flatMap { [$0.lower, $0.upper] } + percentiles.map(\.value), range: (left, right), tickCount: 8)
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        let plot = PlotArea(left: 70, top: 20 + 16 * Double(max(percentiles.count, 1)), width: width - 90,
                            height: height - 20 - 16 * Double(max(percentiles.count, 1)) - 50)
        let x = valueScale(left: plot.left, right: plot.right)
        let y = LinearScale(covering: bins.map { Double($0.count) }, including: [0], range: (plot.bottom, plot.top))
        svg.add(Axis.vertical(y, plot: plot, label: countAxis, format: format))
        svg.add(Axis.horizontal(x, plot: plot, label: valueAxis, format: format, grid: false))
        for bin in bins {
            let left = x.position(bin.lower), right = x.position(bin.upper)
            let top = y.position(Double(bin.count))
            let tip = "[\(format.number(bin.lower, fractionDigits: fractionDigits)); \(format.number(bin.upper, fractionDigits: fractionDigits))[: \(format.integer(bin.count))"
            svg.add(SVGElement("rect", [("class", "bin"), ("x", SVGDocument.coordinate(left)), ("y", SVGDocument.coordinate(top)),
                                        ("width", SVGDocument.coordinate(max(right - left - 1, 0.5))),
                                        ("height", SVGDocument.coordinate(plot.bottom - top)),
                                        ("fill", ChartPalette.color(4))],
                               children: [.tooltip(tip)]))
        }
        // Labels are stacked one row each above the plot, so close percentiles do not overlap.
        for (index, percentile) in percentiles.enumerated() where percentile.value.isFinite {
            let px = x.position(percentile.value)
            let labelY = 16 + 16 * Double(index)
            svg.add(.line(x1: px, y1: labelY + 3, x2: px, y2: plot.bottom, stroke: index == percentiles.count / 2 ? ChartPalette.ink : ChartPalette.highlight,
                          width: 1.5, extra: [("stroke-dasharray", "5 3"), ("class", "percentile"),
                                              ("data-value", format.number(percentile.value, fractionDigits: fractionDigits))]))
            let label = "\(percentile.label) \(format.number(percentile.value, fractionDigits: fractionDigits))"
            let flip = px + TextMetrics.width(label) + 6 > width
            svg.add(.text(label, x: flip ? px - 4 : px + 4, y: labelY, anchor: flip ? "end" : "start",
                          extra: [("fill", ChartPalette.ink), ("font-weight", "bold")]))
        }
        var rows = bins.map { bin in
            ["\(format.number(bin.lower, fractionDigits: fractionDigits)) – \(format.number(bin.upper, fractionDigits: fractionDigits))",
             format.integer(bin.count)]
        }
        rows += percentiles.map { [$0.label, format.number($0.value, fractionDigits: fractionDigits)] }
        return ChartFigure(text: text, svg: svg.markup,
                           table: DataTable(columns: [valueAxis.text, countAxis.text], rows: rows), language: language)
    }
}
