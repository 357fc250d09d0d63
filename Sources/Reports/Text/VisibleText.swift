/// Makes text safe to embed in a report: every invisible control character becomes visible text.
///
/// A character is replaced by the token `\u{XX}` (uppercase hex, at least two digits) when it is
/// - a C0 control other than tab, line feed and carriage return (U+0000-U+0008, U+000B, U+000C,
///   U+000E-U+001F): outside the XML 1.0 `Char` production, and ESC (U+001B) starts every ANSI
///   escape sequence;
/// - DEL or a C1 control (U+007F-U+009F): legal XML but invisible, and U+009B is an 8-bit CSI;
/// - U+FFFE or U+FFFF: outside XML 1.0 `Char`.
///
/// So the ANSI colour sequence `ESC [ 3 1 m` reads `\u{1B}[31m`: visible, never raw, and still
/// recognisable. Lone surrogates cannot occur in a Swift `String` (invalid UTF-8 decoded with
/// `String(decoding:as:)` is already U+FFFD). The mapping is not reversible: a literal `\u{1B}`
/// in the input stays as it is.
public enum VisibleText {
    /// How line breaks are treated.
    public enum Mode: Sendable {
        /// XML text and attributes: tab, LF and CR are kept (the XML writer escapes CR).
        case xml
        /// Terminal and Markdown: tab and LF are kept, CRLF and lone CR become LF.
        case display
    }

    /// The text with every invisible control character replaced by its visible token.
    public static func make(_ text: String, mode: Mode) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s.value {
            case 0x09, 0x0A:
                out.append(s)
            case 0x0D:
                if mode == .xml {
                    out.append(s)
                } else {
                    out.append("\n")
                    if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                }
            default:
                if needsToken(s) {
                    out.append(contentsOf: token(s).unicodeScalars)
                } else {
                    out.append(s)
                }
            }
            i += 1
        }
        return String(out)
    }

    /// The visible text (`make`) with every scalar that `replacement` maps replaced by its
    /// string, the others kept: the shape of each report's escaping.
    static func escaped(_ text: String, mode: Mode, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in make(text, mode: mode).unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `scalar` is shown as a `\u{XX}` token (tab, LF and CR are handled by the mode).
    public static func needsToken(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The visible token for one scalar, e.g. `\u{1B}`.
    public static func token(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }
}
