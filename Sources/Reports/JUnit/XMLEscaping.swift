/// Escaping for XML 1.0 text and attribute values.
///
/// Both first make every character outside XML 1.0 `Char` (and every other invisible control)
/// visible with `VisibleText`, so no path through the JUnit writer can emit a raw ESC or NUL.
enum XMLEscaping {
    /// Element text: `&`, `<` and `>` as entities (so `]]>` can never appear), CR as `&#13;`
    /// (a raw CR would be read back as LF).
    static func text(_ raw: String) -> String {
        escape(raw, textEntity)
    }

    /// Attribute value (to be written between double quotes): as `text`, plus both quotes, and
    /// tab / LF as character references so attribute-value normalisation keeps them.
    static func attribute(_ raw: String) -> String {
        escape(raw) { scalar in
            switch scalar {
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\t": "&#9;"
            case "\n": "&#10;"
            default: textEntity(scalar)
            }
        }
    }

    static func textEntity(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\r": "&#13;"
        default: nil
        }
    }

    /// The visible form of `raw` (`VisibleText` in `mode`) with each scalar that `entity` names
    /// replaced.
    static func escape(_ raw: String, mode: VisibleText.Mode = .xml, _ entity: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in VisibleText.make(raw, mode: mode).unicodeScalars {
            if let replacement = entity(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
