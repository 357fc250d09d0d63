import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element, for assertions about report structure (Foundation's strict SAX parser).
final class XMLTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTree] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func children(named name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The `index`th child (named `name`, if given), or an error instead of a crash.
    func child(_ name: String? = nil, _ index: Int = 0) throws -> XMLTree {
        let candidates = name.map(children(named:)) ?? children
        guard candidates.indices.contains(index) else {
            throw ParseError(description: "<\(self.name)> has no child \(name ?? "") #\(index)")
        }
        return candidates[index]
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// The root element, or a `ParseError` if `data` is not well-formed.
    static func parse(_ data: Data) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = XMLTree(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
