/// Draws chart axes: tick marks, tick labels in the report's number format, grid lines and
/// the axis title with its unit.
public enum Axis {
    /// A vertical value axis on the left of `plot` (or on its right when `onRight`), with
    /// horizontal grid lines when `grid`.
    public static func vertical(_ scale: LinearScale, plot: PlotArea, label: AxisLabel, format: NumberFormat,
                                onRight: Bool = false, grid: Bool = true) -> [SVGElement] {
        var elements: [SVGElement] = []
        let x = onRight ? plot.right : plot.left
        let digits = scale.tickFractionDigits
        var widest = 0.0
        for tick in scale.ticks {
            let y = scale.position(tick)
            if grid && !onRight {
                elements.append(.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: tick == 0 ? "#999999" : ChartPalette.grid))
            }
            elements.append(.line(x1: x, y1: y, x2: onRight ? x + 4 : x - 4, y2: y, stroke: ChartPalette.ink))
            let text = format.number(tick, fractionDigits: digits)
            widest = max(widest, TextMetrics.width(text, fontSize: 11))
            elements.append(.text(text, x: onRight ? x + 6 : x - 6, y: y + 4, anchor: onRight ? "start" : "end",
                                  extra: [("font-size", "11"), ("fill", ChartPalette.ink)]))
        }
        elements.append(.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: ChartPalette.ink))
        let titleX = onRight ? x + widest + 20 : x - widest - 14
        let titleY = plot.top + plot.height / 2
        elements.append(.text(label.text, x: titleX, y: titleY, anchor: "middle",
                              extra: [("transform", "rotate(\(onRight ? 90 : -90) \(SVGDocument.coordinate(titleX)) \(SVGDocument.coordinate(titleY)))"),
                                      ("fill", ChartPalette.ink), ("class", "axis-title")]))
        return elements
    }

    /// A horizontal value axis under `plot` (or over it when `onTop`), with vertical grid lines
    /// when `grid`; `tickLabel` overrides the number written at each tick.
    public static func horizontal(_ scale: LinearScale, plot: PlotArea, label: AxisLabel, format: NumberFormat,
                                  grid: Bool = true, tickLabel: ((Double) -> String)? = nil) -> [SVGElement] {
        var elements: [SVGElement] = []
        let digits = scale.tickFractionDigits
        for tick in scale.ticks {
            let x = scale.position(tick)
            if grid { elements.append(.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: tick == 0 ? "#999999" : ChartPalette.grid)) }
            elements.append(.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 4, stroke: ChartPalette.ink))
            let text = tickLabel?(tick) ?? format.number(tick, fractionDigits: digits)
            elements.append(.text(text, x: x, y: plot.bottom + 16, anchor: "middle",
                                  extra: [("font-size", "11"), ("fill", ChartPalette.ink)]))
        }
        elements.append(.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartPalette.ink))
        elements.append(.text(label.text, x: plot.left + plot.width / 2, y: plot.bottom + 34, anchor: "middle",
                              extra: [("fill", ChartPalette.ink), ("class", "axis-title")]))
        return elements
    }

    /// A category axis under `plot`: one label per band, every n-th label only when they would
    /// overlap (the data table lists them all).
    public static func categories(_ bands: BandScale, plot: PlotArea, label: AxisLabel) -> [SVGElement] {
        var elements: [SVGElement] = [.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartPalette.ink)]
        // Labels wrap onto up to three lines within their band; when even that would overlap, only every
        // n-th category is labelled (the data table lists them all).
        let lines = bands.categories.map { wrap($0, width: max(bands.step - 4, 44)) }
        let widest = lines.flatMap { $0 }.map { TextMetrics.width($0, fontSize: 11) }.max() ?? 0
        let every = max(1, Int(((widest + 6) / max(bands.step, 1)).rounded(.up)))
        let lineCount = lines.map(\.count).max() ?? 1
        for (index, wrapped) in lines.enumerated() where index % every == 0 {
            let x = bands.center(index)
            elements.append(.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 4, stroke: ChartPalette.ink))
            let spans = wrapped.enumerated().map { line, text in
                SVGElement("tspan", [("x", SVGDocument.coordinate(x)), ("dy", line == 0 ? "0" : "13")], text: text)
            }
            elements.append(SVGElement("text", [("x", SVGDocument.coordinate(x)), ("y", SVGDocument.coordinate(plot.bottom + 16)),
                                                ("text-anchor", "middle"), ("font-size", "11"), ("fill", ChartPalette.ink)],
                                       children: spans))
        }
        elements.append(.text(label.text, x: plot.left + plot.width / 2, y: plot.bottom + 21 + 13 * Double(lineCount), anchor: "middle",
                              extra: [("fill", ChartPalette.ink), ("class", "axis-title")]))
        return elements
    }

    /// `text` split into at most three lines of about `width` pixels, the last shortened with
    /// an ellipsis when the words do not fit.
    static func wrap(_ text: String, width: Double) -> [String] {
        guard TextMetrics.width(text, fontSize: 11) > width else { return [text] }
        var words = text.split(separator: " ").map(String.init)[...]
        var lines: [String] = []
        while !words.isEmpty && lines.count < 3 {
            var line = ""
            while let word = words.first {
                let candidate = line.isEmpty ? word : line + " " + word
                if !line.isEmpty && TextMetrics.width(candidate, fontSize: 11) > width { break }
                line = candidate
                words = words.dropFirst()
            }
            if lines.count == 2 && !words.isEmpty { line += " " + words.joined(separator: " ") ; words = [] }
            lines.append(TextMetrics.fitting(line, width: width, fontSize: 11))
        }
        return lines
    }
}
