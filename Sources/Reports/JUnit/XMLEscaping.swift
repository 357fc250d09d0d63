/// Escaping for XML 1.0 text and attribute values.
///
/// Both first make every character outside XML 1.0 `Char` (and every other invisible control)
/// visible with `VisibleText`, so no path through the JUnit writer can emit a raw ESC or NUL.
enum XMLEscaping {
    /// Element text: `&`, `<` and `>` as entities (so `]]>` can never appear), CR as `&#13;`
    /// (a raw CR would be read back as LF).
    static func text(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in VisibleText.make(raw, mode: .xml).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Attribute value (to be written between double quotes): as `text`, plus both quotes, and
    /// tab / LF / CR as character references so attribute-value normalisation keeps them.
    static func attribute(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in VisibleText.make(raw, mode: .xml).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
