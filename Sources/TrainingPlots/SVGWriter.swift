/// Accumulates an SVG document one element at a time; attribute values and text are escaped
/// here, so callers pass plain strings.
struct SVGWriter {
    /// The document so far.
    private(set) var text = ""
    private var depth = 0

    /// An empty element: `<name a="v"/>`, or `<name a="v">content</name>` when `content` is
    /// given.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        line("<\(name)\(render(attributes))" + (content.map { ">\(xmlEscaped($0))</\(name)>" } ?? "/>"))
    }

    /// Opens `<name ...>`; pair with `close(name)`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(render(attributes))>")
        depth += 1
    }

    /// Closes the innermost open element.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// Raw markup, written as is (for the XML declaration).
    mutating func raw(_ markup: String) {
        line(markup)
    }

    private mutating func line(_ markup: String) {
        text += String(repeating: "  ", count: max(0, depth))
        text += markup
        text += "\n"
    }

    private func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(xmlEscaped($0.1))\"" }.joined()
    }
}

/// A coordinate for SVG output: at most two decimals, no trailing zeros, no exponent.
///
/// Values are clamped to ±10^6 so that points far outside a fixed axis range stay finite and
/// printable (they are clipped away anyway).
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let clamped = min(max(value, -1e6), 1e6)
    let hundredths = (clamped * 100).rounded()
    if hundredths == 0 { return "0" }
    let whole = Int(hundredths) / 100
    let fraction = abs(Int(hundredths) % 100)
    let sign = hundredths < 0 && whole == 0 ? "-" : ""
    switch fraction {
    case 0: return "\(sign)\(whole)"
    case let f where f % 10 == 0: return "\(sign)\(whole).\(f / 10)"
    case let f where f < 10: return "\(sign)\(whole).0\(f)"
    default: return "\(sign)\(whole).\(fraction)"
    }
}
