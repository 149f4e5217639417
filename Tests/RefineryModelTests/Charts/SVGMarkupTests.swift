import Foundation
import Testing
@testable import RefineryModel

@Suite("Chart markup")
struct SVGMarkupTests {
    static let figures: [ChartFigure] = ReportLanguage.allCases.flatMap { language in
        ChartGallery.charts(language).map { $0.figure(in: language) }
    }

    @Test("every chart is well-formed XML with its title and description first, labelled for screen readers")
    func wellFormedAndLabelled() throws {
        for figure in Self.figures {
            let svg = try XMLNode.parse(figure.svg)
            #expect(svg.name == "svg")
            #expect(svg.attributes["role"] == "img")
            #expect(svg.children.first?.name == "title" && svg.children.dropFirst().first?.name == "desc", "\(figure.text.id)")
            #expect(svg.children.first?.text == figure.text.title)
            #expect(svg.children.dropFirst().first?.text == figure.text.description)
            let ids = Set(svg.all.compactMap { $0.attributes["id"] })
            let labels = (svg.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
            #expect(labels.count == 2 && labels.allSatisfy(ids.contains), "\(figure.text.id): \(labels)")
            #expect(svg.number("width") > 0 && svg.number("height") > 0)
            // The figure around it is well-formed too, with the data in a <details> table.
            let html = try XMLNode.parse(figure.html)
            #expect(html.elements("details").count == 1 && html.elements("table").count == 1)
            #expect(html.elements("figcaption").first?.all.map(\.text).joined().contains(figure.text.reading) == true)
        }
    }

    @Test("no chart refers to anything outside itself")
    func noExternalReference() throws {
        let page = ReportLanguage.allCases.map { ChartGallery.page($0).html }
        for markup in Self.figures.map(\.html) + page {
            for forbidden in ["http:", "https:", "//", "<script", "@import", "<img", "<link"] {
                #expect(!markup.contains(forbidden), "found \(forbidden)")
            }
            // url( appears only as a local fragment reference, url(#…).
            var rest = markup[...]
            while let range = rest.range(of: "url(") {
                #expect(rest[range.upperBound...].hasPrefix("#"))
                rest = rest[range.upperBound...]
            }
            // Every local reference points to an id defined in the same markup.
            let ids = Set(try XMLNode.parse(markup.hasPrefix("<!DOCTYPE") ? String(markup.drop { $0 != "\n" }) : markup)
                .all.compactMap { $0.attributes["id"] })
            for reference in markup.components(separatedBy: "url(#").dropFirst() {
                #expect(ids.contains(String(reference.prefix { $0 != ")" })))
            }
        }
    }

    @Test("labels with < & \" ' are escaped and read back as written")
    func escaping() throws {
        let tricky = "A<B & \"C\" 'D' </svg>"
        let chart = BarChart(text: ChartText(id: "x\"><script", title: tricky, reading: tricky, description: tricky),
                             categories: [tricky, "b"], series: [.init(name: tricky, values: [1, 2])],
                             categoryAxis: AxisLabel(tricky), valueAxis: AxisLabel(tricky, unit: "&"))
        let figure = chart.figure(in: .en)
        #expect(!figure.html.contains("<script") && !figure.svg.contains("A<B"))
        let svg = try XMLNode.parse(figure.svg)
        #expect(svg.children.first?.text == tricky)
        #expect(svg.attributes["id"]?.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } == true)
        #expect(svg.all.contains { $0.name == "text" && $0.text == tricky })
        let html = try XMLNode.parse(figure.html)
        #expect(html.elements("th").contains { $0.text == tricky })
        #expect(MarkupEscaping.escape("<&\"'>") == "&lt;&amp;&quot;&#39;&gt;")
    }

    @Test("the same chart gives the same bytes")
    func deterministic() {
        for language in ReportLanguage.allCases {
            let first = ChartGallery.charts(language).map { $0.figure(in: language).html }
            let second = ChartGallery.charts(language).map { $0.figure(in: language).html }
            #expect(first == second)
            #expect(ChartGallery.page(language).html == ChartGallery.page(language).html)
        }
    }

    @Test("French charts write French numbers and no English furniture")
    func frenchCharts() {
        let html = ChartGallery.charts(.fr).map { $0.figure(in: .fr).html }.joined()
        #expect(html.contains("Données du graphique") && !html.contains("Data behind the chart"))
        #expect(html.contains("1er mars 2027"))
        // Thousands in ticks and tables: grouped with U+202F, decimals after a comma.
        let big = BarChart(text: ChartText(id: "big", title: "t", reading: "r"), categories: ["2027", "2028"],
                           series: [.init(name: "kg", values: [1234.5, 2500])], categoryAxis: AxisLabel("Année"),
                           valueAxis: AxisLabel("Or", unit: "kg")).figure(in: .fr)
        #expect(big.table.rows[0][1] == "1\u{202F}234,5")
        #expect(big.svg.contains(">2\u{202F}500</text>"))
        let english = BarChart(text: ChartText(id: "big", title: "t", reading: "r"), categories: ["2027", "2028"],
                               series: [.init(name: "kg", values: [1234.5, 2500])], categoryAxis: AxisLabel("Year"),
                               valueAxis: AxisLabel("Gold", unit: "kg")).figure(in: .en)
        #expect(english.table.rows[0][1] == "1,234.5" && english.svg.contains(">2,500</text>"))
    }

    @Test("no NaN, infinity or exponent reaches the markup, even from bad values")
    func noNaN() {
        let chart = BarChart(text: ChartText(id: "bad", title: "t", reading: "r"), categories: ["a", "b"],
                             series: [.init(name: "s", values: [.nan, .infinity])], categoryAxis: AxisLabel("c"),
                             valueAxis: AxisLabel("v"), line: .init(name: "l", values: [nil, .nan]))
        let html = chart.figure(in: .en).html
        #expect(!html.lowercased().contains("nan") && !html.contains("inf") && !html.contains("e+"))
    }
}
