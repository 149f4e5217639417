/// A waterfall: how a starting total becomes an ending one (value added → national capture)
/// through increases and decreases, each step a floating bar from the running total, joined by
/// dashed connectors. Steps are coloured and hatched by kind, and each carries its signed
/// value as a label, so the direction never depends on colour.
public struct WaterfallChart: Chart {
    /// One step of the waterfall.
    public struct Step: Sendable, Equatable {
        /// The step's name, under its bar.
        public var label: String
        /// A change (for a step) or the level (for a total).
        public var value: Double
        /// Whether the bar is a total standing on zero (the running total becomes `value`),
        /// rather than a change from the running total.
        public var isTotal: Bool

        /// A step.
        public init(label: String, value: Double, isTotal: Bool = false) {
            self.label = label
            self.value = value
            self.isTotal = isTotal
        }
    }

    /// The chart's words.
    public var text: ChartText
    /// The steps, left to right (usually a total first and last).
    public var steps: [Step]
    /// The value axis's label and unit.
    public var valueAxis: AxisLabel
    /// Decimals of the values in labels and in the table.
    public var fractionDigits: Int
    /// The picture's size in pixels.
    public var width: Double, height: Double

    /// A waterfall.
    public init(text: ChartText, steps: [Step], valueAxis: AxisLabel, fractionDigits: Int = 1,
                width: Double = 720, height: Double = 360) {
        self.text = text
        self.steps = steps
        self.valueAxis = valueAxis
        self.fractionDigits = fractionDigits
        self.width = width
        self.height = height
    }

    /// Each step's bar as the range it spans, in step order.
    public var spans: [(from: Double, to: Double)] {
        var running = 0.0
        return steps.map { step in
            let value = step.value.isFinite ? step.value : 0
            if step.isTotal { running = value; return (0, value) }
            defer { running += value }
            return (running, running + value)
        }
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        let strings = language.strings
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        // Series indices pick the kind's look: 0 total (blue, solid), 1 increase, 2 decrease.
        let kinds = [(strings[.total], ChartPalette.totalColor), (strings[.increase], ChartPalette.increase),
                     (strings[.decrease], ChartPalette.decrease)]
        let fills = kinds.indices.map { kind -> String in
            guard kind > 0 else { return kinds[0].1 }
            let id = svg.localID("kind-\(kind)")
            let path = kind == 1 ? "M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" : "M0,4 L8,4"
            svg.define(SVGElement("pattern", [("id", id), ("width", "8"), ("height", "8"), ("patternUnits", "userSpaceOnUse")],
                                  children: [.rect(x: 0, y: 0, width: 8, height: 8, fill: kinds[kind].1),
                                             SVGElement("path", [("d", path), ("stroke", "#FFFFFF"), ("stroke-opacity", "0.7"),
                                                                 ("stroke-width", "1.5")])]))
            return "url(#\(id))"
        }
        let legend = Legend(kinds.indices.map { (kinds[$0].0, .box(fill: fills[$0])) }).draw(x: 70, y: 16, width: width - 90)
        let lines = steps.map { Axis.wrap($0.label, width: max((width - 90) / Double(max(steps.count, 1)) - 4, 44)).count }.max() ?? 1
        let plot = PlotArea(left: 70, top: 16 + legend.height + 24, width: width - 90,
                            height: height - 16 - legend.height - 24 - 22 - 13 * Double(lines))
        let spans = self.spans
        let scale = LinearScale(covering: spans.flatMap { [$0.from, $0.to] }, including: [0], range: (plot.bottom, plot.top))
        let bands = BandScale(categories: steps.map(\.label), range: (plot.left, plot.right), padding: 0.3)
        svg.add(legend.elements)
        svg.add(Axis.vertical(scale, plot: plot, label: valueAxis, format: format))
        for (index, step) in steps.enumerated() {
            let span = spans[index]
            let kind = step.isTotal ? 0 : (span.to >= span.from ? 1 : 2)
            let top = scale.position(max(span.from, span.to)), bottom = scale.position(min(span.from, span.to))
            let x = bands.start(index)
            let label = step.isTotal ? format.number(step.value, fractionDigits: fractionDigits)
                                     : format.signedNumber(step.value, fractionDigits: fractionDigits)
            svg.add(SVGElement("rect", [("class", "step"), ("x", SVGDocument.coordinate(x)), ("y", SVGDocument.coordinate(top)),
                                        ("width", SVGDocument.coordinate(bands.bandwidth)),
                                        ("height", SVGDocument.coordinate(max(bottom - top, 1))), ("fill", fills[kind])],
                               children: [.tooltip("\(step.label): \(label)")]))
            let below = !step.isTotal && kind == 2
            svg.add(.text(label, x: x + bands.bandwidth / 2, y: below ? bottom + 13 : top - 4, anchor: "middle",
                          extra: [("fill", ChartPalette.ink), ("font-size", "11"), ("font-weight", "bold")]))
            if index + 1 < steps.count {
                let level = scale.position(span.to)
                svg.add(.line(x1: x + bands.bandwidth, y1: level, x2: bands.start(index + 1), y2: level, stroke: "#777777",
                              extra: [("stroke-dasharray", "3 2")]))
            }
        }
        svg.add(Axis.categories(bands, plot: plot, label: AxisLabel("")))
        let rows = steps.indices.map { index in
            [steps[index].label, steps[index].isTotal ? strings[.total] : strings[.change],
             format.number(steps[index].value, fractionDigits: fractionDigits),
             format.number(spans[index].to, fractionDigits: fractionDigits)]
        }
        let table = DataTable(columns: ["", "", valueAxis.text, strings[.cumulative]], rows: rows, numericColumns: [2, 3])
        return ChartFigure(text: text, svg: svg.markup, table: table, language: language)
    }
}
