/// Bars by category (years, usually), grouped side by side or stacked, with an optional limit
/// drawn across each category (capacity against intake), an optional line on the same axis
/// (a cumulative cash flow) and marks on categories (the bottleneck, the payback year).
///
/// Negative values are drawn below zero; in a stacked chart positive and negative values
/// stack separately. Each series has its own colour and hatch, and is named in the legend.
public struct BarChart: Chart {
    /// Side by side or on top of each other.
    public enum Layout: Sendable, Equatable {
        /// One bar per series in each category, side by side.
        case grouped
        /// The series' bars on top of one another in each category.
        case stacked
    }

    /// One series of bars: a name for the legend and one value per category.
    public struct Series: Sendable, Equatable {
        /// The name in the legend and the table.
        public var name: String
        /// One value per category (missing trailing values count as zero).
        public var values: [Double]

        /// A series of bars.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// A line on the bars' axis, one point per category (nil for no point): drawn as a dashed
    /// level across each band when it is a limit, or as a connected line otherwise.
    public struct Overlay: Sendable, Equatable {
        /// The name in the legend and the table.
        public var name: String
        /// One value per category, or nil where there is none.
        public var values: [Double?]

        /// An overlay.
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// The chart's words.
    public var text: ChartText
    /// The categories along the horizontal axis, in order.
    public var categories: [String]
    /// The bars.
    public var series: [Series]
    /// Grouped or stacked.
    public var layout: Layout
    /// The category axis's label.
    public var categoryAxis: AxisLabel
    /// The value axis's label and unit.
    public var valueAxis: AxisLabel
    /// A limit per category (capacity), drawn as a dashed level across the band.
    public var limit: Overlay?
    /// A line through the categories on the same axis (a cumulative total).
    public var line: Overlay?
    /// Marks on categories.
    public var markers: [CategoryMarker]
    /// Decimals of the values in the data table.
    public var fractionDigits: Int
    /// The picture's size in pixels.
    public var width: Double, height: Double

    /// A bar chart.
    public init(text: ChartText, categories: [String], series: [Series], layout: Layout = .grouped,
                categoryAxis: AxisLabel, valueAxis: AxisLabel, limit: Overlay? = nil, line: Overlay? = nil,
                markers: [CategoryMarker] = [], fractionDigits: Int = 1, width: Double = 720, height: Double = 360) {
        self.text = text
        self.categories = categories
        self.series = series
        self.layout = layout
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.limit = limit
        self.line = line
        self.markers = markers
        self.fractionDigits = fractionDigits
        self.width = width
        self.height = height
    }

    func value(_ series: Int, _ category: Int) -> Double {
        let values = self.series[series].values
        return category < values.count && values[category].isFinite ? values[category] : 0
    }

    /// Every value the value axis must show: bars (or stack totals), the limit, the line, zero.
    public var plottedValues: [Double] {
        var values: [Double] = [0]
        for category in categories.indices {
            switch layout {
            case .grouped:
                values += series.indices.map { value($0, category) }
            case .stacked:
                values.append(series.indices.map { value($0, category) }.filter { $0 > 0 }.reduce(0, +))
                values.append(series.indices.map { value($0, category) }.filter { $0 < 0 }.reduce(0, +))
            }
        }
        values += (limit?.values ?? []).compactMap { $0 } + (line?.values ?? []).compactMap { $0 }
        return values.filter(\.isFinite)
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        var patterns = Set<Int>()
        var entries: [(name: String, swatch: Legend.Swatch)] = series.indices.map {
            (series[$0].name, .box(fill: ChartPalette.fill($0, in: &svg, defined: &patterns)))
        }
        if let limit { entries.append((limit.name, .dashed(color: ChartPalette.ink))) }
        if let line { entries.append((line.name, .line(color: ChartPalette.ink, marker: true))) }
        let legend = Legend(entries).draw(x: 70, y: 16, width: width - 90)
        let lines = categories.map { Axis.wrap($0, width: max((width - 90) / Double(max(categories.count, 1)) - 4, 44)).count }.max() ?? 1
        let bottomMargin = 35 + 13 * Double(lines)
        let plot = PlotArea(left: 70, top: 16 + legend.height + 14, width: width - 90,
                            height: height - 16 - legend.height - 14 - bottomMargin)
        let scale = LinearScale(covering: plottedValues, range: (plot.bottom, plot.top))
        let bands = BandScale(categories: categories, range: (plot.left, plot.right), padding: 0.25)
        svg.add(legend.elements)
        svg.add(Axis.vertical(scale, plot: plot, label: valueAxis, format: format))

        var tops = Array(repeating: scale.position(0), count: categories.count)
        for category in categories.indices {
            var positive = 0.0, negative = 0.0
            for index in series.indices {
                let v = value(index, category)
                let x: Double, barWidth: Double, from: Double, to: Double
                switch layout {
                case .grouped:
                    barWidth = bands.bandwidth / Double(max(series.count, 1))
                    x = bands.start(category) + barWidth * Double(index)
                    from = 0
                    to = v
                case .stacked:
                    barWidth = bands.bandwidth
                    x = bands.start(category)
                    if v >= 0 { from = positive; positive += v; to = positive } else { from = negative; negative += v; to = negative }
                }
                let y = scale.position(max(from, to)), bottom = scale.position(min(from, to))
                tops[category] = min(tops[category], y)
                let tip = "\(series[index].name), \(categories[category]): \(format.number(v, fractionDigits: fractionDigits))\(valueAxis.unit.map { " " + $0 } ?? "")"
                svg.add(SVGElement("rect", [("class", "bar"), ("data-series", String(index)), ("data-category", String(category)),
                                            ("x", SVGDocument.coordinate(x)), ("y", SVGDocument.coordinate(y)),
                                            ("width", SVGDocument.coordinate(max(barWidth - 1, 1))),
                                            ("height", SVGDocument.coordinate(bottom - y)),
                                            ("fill", ChartPalette.fill(index, in: &svg, defined: &patterns))],
                                   children: [.tooltip(tip)]))
            }
        }
        if let limit {
            for (category, value) in limit.values.enumerated() where category < categories.count {
                guard let value, value.isFinite else { continue }
                let y = scale.position(value)
                tops[category] = min(tops[category], y)
                svg.add(.line(x1: bands.start(category) - 4, y1: y, x2: bands.start(category) + bands.bandwidth + 4, y2: y,
                              stroke: ChartPalette.ink, width: 2,
                              extra: [("stroke-dasharray", "5 3"), ("class", "limit")]))
            }
        }
        if let line {
            let points = line.values.enumerated().compactMap { category, value -> (Double, Double)? in
                guard category < categories.count, let value, value.isFinite else { return nil }
                return (bands.center(category), scale.position(value))
            }
            svg.add(.polyline(points, stroke: ChartPalette.ink, extra: [("class", "line")]))
            svg.add(points.map { .circle(cx: $0.0, cy: $0.1, r: 3, fill: ChartPalette.ink) })
        }
        svg.add(Axis.categories(bands, plot: plot, label: categoryAxis))
        for marker in markers {
            let top = marker.category >= 0 && marker.category < tops.count ? tops[marker.category] : plot.top
            svg.add(marker.draw(bands: bands, plot: plot, labelY: top))
        }

        var columns = [categoryAxis.text] + series.map(\.name)
        if let limit { columns.append(limit.name) }
        if let line { columns.append(line.name) }
        let rows = categories.indices.map { category -> [String] in
            var row = [categories[category]] + series.indices.map { format.number(value($0, category), fractionDigits: fractionDigits) }
            for overlay in [limit, line].compactMap({ $0 }) {
                let v = category < overlay.values.count ? overlay.values[category] : nil
                row.append(v.map { format.number($0, fractionDigits: fractionDigits) } ?? "")
            }
            return row
        }
        return ChartFigure(text: text, svg: svg.markup, table: DataTable(columns: columns, rows: rows), language: language)
    }
}
