/// A mark on one category of a bar or line chart: a vertical dashed line (a payback year) or
/// a label over the bars (the bottleneck of a year), drawn in the highlight colour and always
/// with words, so the mark does not depend on colour.
public struct CategoryMarker: Sendable, Equatable {
    /// How the mark is drawn.
    public enum Style: Sendable, Equatable {
        /// A vertical dashed line through the category, labelled at the top.
        case line
        /// A label above the category's bars, with a small triangle pointing down.
        case label
    }

    /// The index of the category in the chart's categories.
    public var category: Int
    /// The words of the mark ("payback", "melt-sample").
    public var label: String
    /// How it is drawn.
    public var style: Style

    /// A mark on category `category`.
    public init(category: Int, label: String, style: Style = .line) {
        self.category = category
        self.label = label
        self.style = style
    }

    /// The mark's elements on a chart whose categories sit on `bands`, at `top` of `plot`.
    func draw(bands: BandScale, plot: PlotArea, labelY: Double) -> [SVGElement] {
        guard category >= 0, category < bands.categories.count else { return [] }
        let x = bands.center(category)
        switch style {
        case .line:
            // The label goes right of the line, or left of it when it would leave the plot.
            let fitsRight = x + 4 + TextMetrics.width(label) <= plot.right + 10
            return [
                .line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: ChartPalette.highlight, width: 1.5,
                      extra: [("stroke-dasharray", "5 3"), ("class", "marker")]),
                .text(label, x: fitsRight ? x + 4 : x - 4, y: plot.top + 12, anchor: fitsRight ? "start" : "end",
                      extra: [("fill", ChartPalette.highlight), ("font-weight", "bold"),
                              ("stroke", "#FFFFFF"), ("stroke-width", "3"), ("paint-order", "stroke")]),
            ]
        case .label:
            let y = max(labelY - 6, plot.top + 10)
            return [
                SVGElement("path", [("d", "M\(SVGDocument.coordinate(x - 4)),\(SVGDocument.coordinate(y)) l8,0 l-4,5 z"),
                                    ("fill", ChartPalette.highlight), ("class", "marker")]),
                .text(label, x: x, y: y - 3, anchor: "middle",
                      extra: [("fill", ChartPalette.highlight), ("font-weight", "bold"), ("font-size", "11")]),
            ]
        }
    }
}
