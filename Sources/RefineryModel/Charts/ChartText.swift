/// What a chart says in words, supplied by the caller: an `id` for the page, a title, the
/// one-line reading shown under it ("melt-sample saturates at 224 t/yr"), and a longer
/// description for screen readers (the SVG's `<desc>`; the reading when not given).
public struct ChartText: Sendable, Equatable {
    /// A page-unique identifier (made safe for an `id` attribute).
    public var id: String
    /// The chart's title: its `<title>` and the start of its caption.
    public var title: String
    /// The one-line reading, the caption under the chart.
    public var reading: String
    /// The accessible description, the SVG's `<desc>`.
    public var description: String

    /// The words of a chart; `description` defaults to `reading`.
    public init(id: String, title: String, reading: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.reading = reading
        self.description = description ?? reading
    }
}

/// An axis title and its unit, written "Intake (t/yr)".
public struct AxisLabel: Sendable, Equatable {
    /// What the axis measures.
    public var title: String
    /// The unit, or nil for a count or a category.
    public var unit: String?

    /// An axis label.
    public init(_ title: String, unit: String? = nil) {
        self.title = title
        self.unit = unit
    }

    /// The label as written on the chart.
    public var text: String {
        guard let unit, !unit.isEmpty else { return title }
        return "\(title) (\(unit))"
    }
}

/// Rough text metrics for laying out labels without a font: good enough to keep labels from
/// overlapping and to make room for the longest one.
enum TextMetrics {
    /// The estimated width in pixels of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// `text` shortened with an ellipsis to fit `width` pixels.
    static func fitting(_ text: String, width: Double, fontSize: Double = 12) -> String {
        let capacity = Int(width / (fontSize * 0.6))
        guard text.count > capacity else { return text }
        guard capacity > 1 else { return "" }
        return String(text.prefix(capacity - 1)) + "…"
    }
}
