/// A chart's legend: one swatch and name per series, laid out in a row above the plot and
/// wrapped when it runs out of width.
public struct Legend: Sendable {
    /// How a legend entry's swatch is drawn.
    public enum Swatch: Sendable, Equatable {
        /// A filled box (bars, cells): the fill may be a local pattern reference.
        case box(fill: String)
        /// A solid line, optionally with a round marker.
        case line(color: String, marker: Bool)
        /// A dashed line (a limit, a cumulative total, a percentile).
        case dashed(color: String)
    }

    /// The entries: a name and its swatch.
    public var entries: [(name: String, swatch: Swatch)]

    /// A legend of `entries`.
    public init(_ entries: [(name: String, swatch: Swatch)]) { self.entries = entries }

    /// The legend's elements drawn from (`x`, `y`) within `width` pixels, and the height used.
    public func draw(x: Double, y: Double, width: Double) -> (elements: [SVGElement], height: Double) {
        var elements: [SVGElement] = []
        var cursorX = x, cursorY = y
        for entry in entries {
            let itemWidth = 22 + TextMetrics.width(entry.name) + 16
            if cursorX > x, cursorX + itemWidth > x + width {
                cursorX = x
                cursorY += 18
            }
            switch entry.swatch {
            case .box(let fill):
                elements.append(.rect(x: cursorX, y: cursorY - 9, width: 16, height: 11, fill: fill,
                                      extra: [("stroke", "#555555"), ("stroke-width", "0.5")]))
            case .line(let color, let marker):
                elements.append(.line(x1: cursorX, y1: cursorY - 4, x2: cursorX + 16, y2: cursorY - 4, stroke: color, width: 2))
                if marker { elements.append(.circle(cx: cursorX + 8, cy: cursorY - 4, r: 3, fill: color)) }
            case .dashed(let color):
                elements.append(.line(x1: cursorX, y1: cursorY - 4, x2: cursorX + 16, y2: cursorY - 4, stroke: color,
                                      width: 2, extra: [("stroke-dasharray", "4 3")]))
            }
            elements.append(.text(entry.name, x: cursorX + 22, y: cursorY, extra: [("fill", ChartPalette.ink)]))
            cursorX += itemWidth
        }
        return (elements, entries.isEmpty ? 0 : cursorY - y + 18)
    }
}
