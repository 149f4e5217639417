/// The charts' colours: the Okabe–Ito palette, chosen to stay distinguishable for people with
/// the common forms of colour blindness, plus a hatching pattern per series so that no chart
/// relies on colour alone (and series are also named directly or in a legend).
public enum ChartPalette {
    /// The eight Okabe–Ito colours in the order series use them (black last, kept for text).
    public static let categorical: [String] = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#D55E00", // vermillion
        "#F0E442", // yellow
        "#000000", // black
    ]

    /// The colour of the `index`-th series (cycling after eight).
    public static func color(_ index: Int) -> String {
        categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// Text, axes and tick labels.
    public static let ink = "#222222"
    /// Grid lines.
    public static let grid = "#DDDDDD"
    /// Marked values: a bottleneck, a due date, a percentile (vermillion).
    public static let highlight = "#D55E00"
    /// Increases in a waterfall, high values in a tornado (bluish green).
    public static let increase = "#009E73"
    /// Decreases in a waterfall, low values in a tornado (vermillion).
    public static let decrease = "#D55E00"
    /// Totals in a waterfall (blue).
    public static let totalColor = "#0072B2"

    /// The heat map's sequential ramp, light to dark blue: readable in greyscale too, and
    /// every cell also carries its value as text.
    public static let sequential: [String] = ["#F7FBFF", "#DEEBF7", "#C6DBEF", "#9ECAE1", "#6BAED6",
                                              "#4292C6", "#2171B5", "#08519C", "#08306B"]

    /// The ramp's colour for `fraction` of the way from its light end (0) to its dark end (1).
    public static func sequentialColor(_ fraction: Double) -> String {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let index = Int((clamped * Double(sequential.count - 1)).rounded(.toNearestOrAwayFromZero))
        return sequential[index]
    }

    /// Whether text drawn on `fraction` of the ramp should be white rather than dark.
    public static func needsLightText(_ fraction: Double) -> Bool { fraction.isFinite && fraction > 0.55 }

    /// The kinds of hatching that tell series apart without colour, used in series order.
    public enum Hatch: Int, CaseIterable, Sendable {
        /// Plain fill, for the first series.
        case solid
        /// Diagonal stripes.
        case diagonal
        /// Dots.
        case dots
        /// Horizontal stripes.
        case horizontal
        /// Crossed lines.
        case cross
        /// Stripes the other way.
        case backDiagonal
    }

    /// The hatch of the `index`-th series.
    public static func hatch(_ index: Int) -> Hatch {
        Hatch.allCases[((index % Hatch.allCases.count) + Hatch.allCases.count) % Hatch.allCases.count]
    }

    /// The fill of the `index`-th series in `svg`: its colour, overlaid with its hatch. Defines
    /// the pattern in the picture's `<defs>` the first time it is asked for and returns a local
    /// `url(#…)` reference (never one outside the picture).
    public static func fill(_ index: Int, in svg: inout SVGDocument, defined: inout Set<Int>) -> String {
        let color = color(index)
        let hatch = hatch(index)
        guard hatch != .solid else { return color }
        let patternID = svg.localID("pattern-\(index)")
        if !defined.contains(index) {
            defined.insert(index)
            let mark: [SVGElement]
            let stroke = [("stroke", "#FFFFFF"), ("stroke-opacity", "0.7"), ("stroke-width", "1.5")]
            switch hatch {
            case .solid: mark = []
            case .diagonal: mark = [SVGElement("path", [("d", "M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6")] + stroke)]
            case .backDiagonal: mark = [SVGElement("path", [("d", "M0,0 L8,8 M6,-2 L10,2 M-2,6 L2,10")] + stroke)]
            case .horizontal: mark = [SVGElement("path", [("d", "M0,4 L8,4")] + stroke)]
            case .cross: mark = [SVGElement("path", [("d", "M0,4 L8,4 M4,0 L4,8")] + stroke)]
            case .dots: mark = [.circle(cx: 4, cy: 4, r: 1.5, fill: "#FFFFFF", extra: [("fill-opacity", "0.8")])]
            }
            svg.define(SVGElement("pattern", [("id", patternID), ("width", "8"), ("height", "8"),
                                              ("patternUnits", "userSpaceOnUse")],
                                  children: [.rect(x: 0, y: 0, width: 8, height: 8, fill: color)] + mark))
        }
        return "url(#\(patternID))"
    }
}
