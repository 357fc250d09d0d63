/// Prints a `JSONValue` the same way every time, on every platform, as UTF-8.
///
/// Object members are sorted by the UTF-8 bytes of their keys. Numbers are printed as their
/// literal text (the encoder chose it); strings escape `"`, `\` and the control characters and
/// keep every other character as UTF-8. Two layouts:
///
/// - `.indented` (fixture files): one member per line, indented by two spaces per level; an array
///   of scalars on one line (`[1.0, 2.0]`), an array holding arrays or objects one element per
///   line, so a nested 2-D array shows one row per line; `{}` and `[]` when empty; a final
///   newline. Backspace and form feed are written `\b` and `\f`.
/// - `.compact` (protocol messages): no whitespace at all, no final newline; control characters
///   other than `\n`, `\r` and `\t` are written `\u00XX`.
public enum JSONWriter {
    public enum Style: Sendable {
        case indented
        case compact
    }

    /// The document as UTF-8 bytes appended to `out`.
    public static func write(_ value: JSONValue, style: Style, into out: inout [UInt8]) {
        switch style {
        case .indented:
            writeIndented(value, indent: 0, into: &out)
            out.append(0x0A)
        case .compact:
            writeCompact(value, into: &out)
        }
    }

    /// The document as UTF-8 bytes.
    public static func bytes(_ value: JSONValue, style: Style) -> [UInt8] {
        var out: [UInt8] = []
        write(value, style: style, into: &out)
        return out
    }

    /// The document as text (`.indented` by default: ending in a newline).
    public static func text(_ value: JSONValue, style: Style = .indented) -> String {
        String(decoding: bytes(value, style: style), as: UTF8.self)
    }

    // MARK: Layouts

    private static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null, .bool, .number, .string: writeScalar(value, style: .compact, into: &out)
        case let .array(elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in sorted(members).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, style: .compact, into: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeIndented(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null, .bool, .number, .string: writeScalar(value, style: .indented, into: &out)
        case let .array(elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else if elements.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, element) in elements.enumerated() {
                    if i > 0 { out.append(contentsOf: ", ".utf8) }
                    writeScalar(element, style: .indented, into: &out)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                out.append(contentsOf: "[\n".utf8)
                for (i, element) in elements.enumerated() {
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                    writeIndented(element, indent: indent + 2, into: &out)
                    out.append(contentsOf: (i + 1 < elements.count ? ",\n" : "\n").utf8)
                }
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                out.append(UInt8(ascii: "]"))
            }
        case let .object(members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            let sorted = sorted(members)
            out.append(contentsOf: "{\n".utf8)
            for (i, member) in sorted.enumerated() {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
                writeString(member.key, style: .indented, into: &out)
                out.append(contentsOf: ": ".utf8)
                writeIndented(member.value, indent: indent + 2, into: &out)
                out.append(contentsOf: (i + 1 < sorted.count ? ",\n" : "\n").utf8)
            }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func sorted(_ members: [JSONMember]) -> [JSONMember] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private static func writeScalar(_ value: JSONValue, style: Style, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .number(text): out.append(contentsOf: text.utf8)
        case let .string(text): writeString(text, style: style, into: &out)
        case .array, .object: preconditionFailure("not a scalar")
        }
    }

    // MARK: Strings

    private static func writeString(_ text: String, style: Style, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            out.reserveCapacity(out.count + utf8.count + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            // Control characters are single bytes in UTF-8, never part of a longer sequence.
            for (i, byte) in utf8.enumerated() where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0x08 where style == .indented: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C where style == .indented: out.append(contentsOf: #"\f"#.utf8)
                default:
                    let hexDigits = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
