/// A builder for one inline SVG picture: elements are appended in drawing order and
/// ``markup`` gives the finished `<svg>` element.
///
/// The picture is meant to be placed inside an HTML page, so it carries no `xmlns` (the HTML
/// parser puts `<svg>` in the SVG namespace) and no reference to anything outside itself.
/// It always opens with `<title>` and `<desc>`, is labelled by them (`role="img"`,
/// `aria-labelledby`), and every attribute value and text is escaped. Coordinates are written
/// with at most two decimals by ``SVGDocument/coordinate(_:)``, so the same picture gives the
/// same bytes on every machine.
public struct SVGDocument: Sendable {
    /// The width of the picture, in CSS pixels (also its `viewBox` width).
    public let width: Double
    /// The height of the picture, in CSS pixels.
    public let height: Double
    /// The `id` of the `<svg>` element; the prefix of every other `id` inside it.
    public let id: String
    /// The accessible name of the picture, its `<title>`.
    public let title: String
    /// The longer accessible description, its `<desc>`.
    public let description: String
    private var definitions: [String] = []
    private var body: [String] = []

    /// Starts a picture of `width` × `height` pixels named `title` and described by
    /// `description`; `id` is made safe with ``MarkupEscaping/identifier(_:)``.
    public init(id: String, width: Double, height: Double, title: String, description: String) {
        self.id = MarkupEscaping.identifier(id)
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    /// A number written for an SVG attribute: at most two decimals, no trailing zeros, no
    /// exponent, `0` for anything not finite.
    public static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
        guard abs(hundredths) < 1e15 else { return "0" }
        let whole = Int64(hundredths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let integerPart = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(integerPart) }
        if fraction % 10 == 0 { return sign + "\(integerPart).\(fraction / 10)" }
        return sign + "\(integerPart).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An `id` unique to this picture, for a pattern or a gradient: `"<svg id>-<name>"`.
    public func localID(_ name: String) -> String { id + "-" + MarkupEscaping.identifier(name) }

    /// Appends an element to `<defs>` (a pattern, for instance), written as given.
    public mutating func define(_ element: SVGElement) { definitions.append(element.markup) }

    /// Appends an element to the picture.
    public mutating func add(_ element: SVGElement) { body.append(element.markup) }

    /// Appends several elements to the picture, in order.
    public mutating func add(_ elements: [SVGElement]) { body.append(contentsOf: elements.map(\.markup)) }

    /// The finished `<svg>` element.
    public var markup: String {
        let titleID = id + "-title", descID = id + "-desc"
        var out = "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\""
        out += " width=\"\(Self.coordinate(width))\" height=\"\(Self.coordinate(height))\""
        out += " viewBox=\"0 0 \(Self.coordinate(width)) \(Self.coordinate(height))\""
        out += " font-family=\"system-ui, sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(titleID)\">\(MarkupEscaping.escape(title))</title>\n"
        out += "<desc id=\"\(descID)\">\(MarkupEscaping.escape(description))</desc>\n"
        if !definitions.isEmpty { out += "<defs>\n" + definitions.joined(separator: "\n") + "\n</defs>\n" }
        out += body.joined(separator: "\n")
        out += "\n</svg>"
        return out
    }
}

/// One SVG element: a name, attributes in the order given, and either text or child elements.
public struct SVGElement: Sendable {
    /// The element's name, such as `rect` or `text`.
    public var name: String
    /// The attributes, written in this order (which keeps the output deterministic).
    public var attributes: [(String, String)]
    /// Text content (escaped when written).
    public var text: String?
    /// Child elements, written after any text.
    public var children: [SVGElement]

    /// An element named `name` with `attributes`, optional `text` and `children`.
    public init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The element written as markup, every attribute value and the text escaped.
    public var markup: String {
        var out = "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(MarkupEscaping.escape(value))\"" }
        if text == nil && children.isEmpty { return out + "/>" }
        out += ">"
        if let text { out += MarkupEscaping.escape(text) }
        for child in children { out += child.markup }
        return out + "</\(name)>"
    }

    // Shorthands for the shapes the charts draw.

    /// A rectangle.
    public static func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                            extra: [(String, String)] = []) -> SVGElement {
        SVGElement("rect", [("x", c(x)), ("y", c(y)), ("width", c(max(width, 0))), ("height", c(max(height, 0))),
                            ("fill", fill)] + extra)
    }

    /// A straight line.
    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                            width: Double = 1, extra: [(String, String)] = []) -> SVGElement {
        SVGElement("line", [("x1", c(x1)), ("y1", c(y1)), ("x2", c(x2)), ("y2", c(y2)),
                            ("stroke", stroke), ("stroke-width", c(width))] + extra)
    }

    /// A text label; `anchor` is `start`, `middle` or `end`.
    public static func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                            extra: [(String, String)] = []) -> SVGElement {
        SVGElement("text", [("x", c(x)), ("y", c(y)), ("text-anchor", anchor)] + extra, text: content)
    }

    /// An open line through `points`.
    public static func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2,
                                extra: [(String, String)] = []) -> SVGElement {
        let list = points.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
        return SVGElement("polyline", [("points", list), ("fill", "none"), ("stroke", stroke),
                                       ("stroke-width", c(width))] + extra)
    }

    /// A circle.
    public static func circle(cx: Double, cy: Double, r: Double, fill: String, extra: [(String, String)] = []) -> SVGElement {
        SVGElement("circle", [("cx", c(cx)), ("cy", c(cy)), ("r", c(r)), ("fill", fill)] + extra)
    }

    /// A group of elements with optional attributes (a class, a tooltip `title` child, ...).
    public static func group(_ children: [SVGElement], _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("g", attributes, children: children)
    }

    /// A `<title>` child: the tooltip a browser shows when the pointer rests on the parent.
    public static func tooltip(_ text: String) -> SVGElement { SVGElement("title", text: text) }

    private static func c(_ value: Double) -> String { SVGDocument.coordinate(value) }
}
