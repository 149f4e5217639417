/// Splits a run of pixels into equal bands, one per category (a year, a stage, a lane), with
/// padding between them: where bars and heat-map cells are drawn.
public struct BandScale: Sendable, Equatable {
    /// The categories, in drawing order.
    public let categories: [String]
    /// The first and last pixel of the run.
    public let range: (Double, Double)
    /// The share of each step left empty between bands (0 ≤ padding < 1).
    public let padding: Double

    /// Bands for `categories` over pixels `range`, `padding` of each step left empty.
    public init(categories: [String], range: (Double, Double), padding: Double = 0.2) {
        self.categories = categories
        self.range = range
        self.padding = min(max(padding, 0), 0.9)
    }

    /// Equality of categories, range and padding.
    public static func == (a: BandScale, b: BandScale) -> Bool {
        a.categories == b.categories && a.range == b.range && a.padding == b.padding
    }

    /// The pixel distance from one band's start to the next.
    public var step: Double { (range.1 - range.0) / Double(max(categories.count, 1)) }

    /// The width of one band.
    public var bandwidth: Double { step * (1 - padding) }

    /// Where the `index`-th band starts.
    public func start(_ index: Int) -> Double { range.0 + step * Double(index) + step * padding / 2 }

    /// The middle of the `index`-th band.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
