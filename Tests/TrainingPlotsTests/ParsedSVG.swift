import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document parsed with Foundation's XML parser, with the look-ups the tests need.
struct ParsedSVG {
    let root: XMLElement

    /// Parses `svg`; throws if it is not well-formed XML.
    init(_ svg: String) throws {
        let document = try XMLDocument(xmlString: svg, options: [])
        root = try #require(document.rootElement())
    }

    /// Every element under `element` (itself included) in document order.
    static func descendants(of element: XMLElement) -> [XMLElement] {
        [element] + (element.children ?? []).compactMap { $0 as? XMLElement }.flatMap(descendants)
    }

    /// Elements named `name`, optionally with the given `class`, under `scope` (default root).
    func elements(_ name: String, class className: String? = nil, in scope: XMLElement? = nil) -> [XMLElement] {
        ParsedSVG.descendants(of: scope ?? root).filter {
            ($0.localName ?? $0.name) == name && (className == nil || $0.string("class") == className)
        }
    }

    /// The `<g class="panel">` groups, in order.
    var panels: [XMLElement] { elements("g", class: "panel") }

    /// The labels of all legend entries, in order.
    var legendLabels: [String] {
        elements("g", class: "legend-entry").map { entry in
            elements("text", in: entry).first?.stringValue ?? ""
        }
    }

    /// The plot area of `panel` as (x, y, width, height).
    func plotArea(in panel: XMLElement) throws -> (x: Double, y: Double, width: Double, height: Double) {
        let rect = try #require(elements("rect", class: "plot-area", in: panel).first)
        return (
            try rect.number("x"), try rect.number("y"), try rect.number("width"), try rect.number("height")
        )
    }

    /// Tick label texts of `panel` on the given axis ("x" or "y").
    func tickLabels(_ axis: String, in panel: XMLElement) -> [String] {
        guard let group = elements("g", class: "\(axis)-tick-labels", in: panel).first else { return [] }
        return elements("text", in: group).map { $0.stringValue ?? "" }
    }
}

extension XMLElement {
    /// The attribute `name` as a number; throws when missing or not numeric.
    func number(_ name: String) throws -> Double {
        let text = try #require(attributes?.first { $0.name == name }?.stringValue)
        return try #require(Double(text))
    }

    /// The attribute `name`, or "" when missing. (FoundationXML's `attribute(forName:)`
    /// returns `nil` on Linux for elements in a default namespace, hence the search.)
    func string(_ name: String) -> String {
        attributes?.first { $0.name == name }?.stringValue ?? ""
    }
}

/// The subpaths of an SVG path written by the library: `M x y` starts one, `L x y` extends
/// it, `h0` repeats the last point.
func subpaths(_ d: String) -> [[(x: Double, y: Double)]] {
    var result: [[(x: Double, y: Double)]] = []
    var numbers: [Double] = []
    var command: Character = " "
    var token = ""
    func flush() {
        if let value = Double(token) { numbers.append(value) }
        token = ""
        if numbers.count == 2 {
            if command == "M" { result.append([]) }
            result[result.count - 1].append((numbers[0], numbers[1]))
            numbers = []
        }
    }
    for character in d {
        switch character {
        case "M", "L":
            flush()
            command = character
        case "h":
            flush()
            command = "h"
            if let last = result.last?.last { result[result.count - 1].append(last) }
        case " ", ",":
            flush()
        default:
            if command != "h" { token.append(character) }
        }
    }
    flush()
    return result
}
