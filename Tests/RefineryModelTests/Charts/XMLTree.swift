import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element, for checking the markup the charts and pages write.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and every element under it, in document order.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }

    /// The elements named `name` with `class` containing `cssClass` (when given).
    func elements(_ name: String, class cssClass: String? = nil) -> [XMLNode] {
        all.filter { $0.name == name && (cssClass == nil || ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(cssClass!))) }
    }

    func number(_ attribute: String) -> Double { Double(attributes[attribute] ?? "") ?? .nan }

    /// Parses `markup`; throws when it is not well-formed XML.
    static func parse(_ markup: String) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "no root element", line: parser.lineNumber)
        }
        return root
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
        let line: Int
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLNode(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
