/// Escaping for HTML text and attribute values (between double quotes).
enum HTMLEscaping {
    /// `raw` with invisible control characters made visible (`VisibleText`, display mode: CRLF
    /// becomes LF) and `&`, `<`, `>`, `"` and `'` as entities, so no text can open a tag, end an
    /// attribute or start a character reference. Line breaks are kept (for `<pre>`).
    static func text(_ raw: String) -> String {
        // Display mode leaves no CR for XML's `&#13;`.
        XMLEscaping.escape(raw, mode: .display) { scalar in
            scalar == "\"" ? "&quot;" : scalar == "'" ? "&#39;" : XMLEscaping.textEntity(scalar)
        }
    }

    /// A value for an `id` or a fragment link: letters, digits, `-`, `_` and `.` kept, anything
    /// else as `-`, prefixed so that it never starts with a digit. Two texts may give the same
    /// identifier: `HTMLIdentifiers` makes them unique in a page.
    static func identifier(_ prefix: String, _ raw: String) -> String {
        let kept = raw.unicodeScalars.map { scalar -> String in
            ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ["-", "_", "."].contains(scalar) ? String(scalar) : "-"
        }
        return prefix + kept.joined()
    }
}

/// The ids of one page: each new one is unique (a repeat gets `-2`, `-3`, ...).
struct HTMLIdentifiers {
    private var used: Set<String> = []

    mutating func unique(_ prefix: String, _ raw: String) -> String {
        let base = HTMLEscaping.identifier(prefix, raw)
        var id = base, n = 1
        while used.contains(id) {
            n += 1
            id = base + "-\(n)"
        }
        used.insert(id)
        return id
    }
}
