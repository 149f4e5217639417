/// The rectangle, inside a chart's picture, where data is drawn; axes and labels go in the
/// margins around it.
public struct PlotArea: Sendable, Equatable {
    /// The left edge, in pixels from the picture's left.
    public var left: Double
    /// The top edge, in pixels from the picture's top.
    public var top: Double
    /// The width.
    public var width: Double
    /// The height.
    public var height: Double

    /// A plot area.
    public init(left: Double, top: Double, width: Double, height: Double) {
        self.left = left
        self.top = top
        self.width = max(width, 1)
        self.height = max(height, 1)
    }

    /// The right edge.
    public var right: Double { left + width }
    /// The bottom edge.
    public var bottom: Double { top + height }
}
