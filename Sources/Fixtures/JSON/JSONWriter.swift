/// Prints a `JSONValue` the same way every time, on every platform.
///
/// Layout: object members sorted by the UTF-8 bytes of their keys, one per line, indented by two
/// spaces per level; an array of scalars on one line (`[1.0, 2.0]`), an array holding arrays or
/// objects one element per line, so a nested 2-D array shows one row per line; `{}` and `[]`
/// when empty; a final newline. Numbers are printed as their literal text (the encoder chose
/// it), strings with the escapes JSON requires and every other character as UTF-8.
enum JSONWriter {
    /// The document text, ending in a newline.
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .number(text): out += text
        case let .string(text): writeString(text, into: &out)
        case let .array(elements):
            if elements.isEmpty {
                out += "[]"
            } else if elements.allSatisfy(\.isScalar) {
                out += "["
                for (i, element) in elements.enumerated() {
                    if i > 0 { out += ", " }
                    write(element, indent: indent, into: &out)
                }
                out += "]"
            } else {
                out += "[\n"
                for (i, element) in elements.enumerated() {
                    out += String(repeating: " ", count: indent + 2)
                    write(element, indent: indent + 2, into: &out)
                    out += i + 1 < elements.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        case let .object(members):
            if members.isEmpty {
                out += "{}"
                return
            }
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            out += "{\n"
            for (i, member) in sorted.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, indent: indent + 2, into: &out)
                out += i + 1 < sorted.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
