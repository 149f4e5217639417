import Testing
@testable import RefineryModel

@Suite("HTML page")
struct HTMLDocumentTests {
    @Test("the page is well-formed, in its language, with header, contents, sections and footer")
    func structure() throws {
        for language in ReportLanguage.allCases {
            let document = ChartGallery.page(language)
            let html = document.html
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.tag)\">"))
            let root = try XMLNode.parse(String(html.drop { $0 != "\n" }))
            #expect(root.name == "html" && root.attributes["lang"] == language.tag)
            #expect(root.elements("meta").contains { $0.attributes["charset"] == "utf-8" })
            #expect(root.elements("h1").first?.text == document.title)
            let sections = root.elements("section")
            #expect(sections.map { $0.attributes["id"] } == document.sections.map(\.id))
            #expect(sections.map { $0.elements("h2").first?.text } == document.sections.map(\.heading))
            // The contents link to every section, by fragment only.
            let links = root.elements("a").compactMap { $0.attributes["href"] }
            #expect(links == document.sections.map { "#" + $0.id })
            #expect(root.elements("svg").count == ChartGallery.charts(language).count)
            #expect(root.elements("details").count == ChartGallery.charts(language).count)
            #expect(root.elements("footer").first?.all.map(\.text).joined().contains(language.strings[.generatedBy]) == true)
            #expect(root.elements("dt").map(\.text) == document.facts.map(\.name))
        }
    }

    @Test("the style sheet is inline, prints on A4 with a page per section, and needs no script")
    func printable() {
        let html = ChartGallery.page(.en).html
        #expect(html.contains("<style>") && html.contains("@page { size: A4;"))
        #expect(html.contains("section { break-before: page; }"))
        #expect(html.contains("break-inside: avoid"))
        #expect(!html.contains("<script") && !html.contains("<link"))
        // CSS inside <style> must not break the XML parse either.
        #expect(!HTMLDocument.styleSheet.contains("<") && !HTMLDocument.styleSheet.contains("&"))
    }

    @Test("section text is escaped")
    func escaping() throws {
        let document = HTMLDocument(language: .fr, title: "<b>&", subtitle: "\"quoted\"",
                                    facts: [HTMLFact("a<b", "c&d")],
                                    sections: [HTMLSection(id: "x y", heading: "A & B", blocks: [.paragraph("1 < 2")])])
        let root = try XMLNode.parse(String(document.html.drop { $0 != "\n" }))
        #expect(root.elements("h1").first?.text == "<b>&")
        #expect(root.elements("p").first?.text == "\"quoted\"")
        #expect(root.elements("section").first?.attributes["id"] == "x-y")
        #expect(root.elements("p").contains { $0.text == "1 < 2" })
        #expect(root.elements("dd").first?.text == "c&d")
    }
}
