/// Escaping for the Markdown summary (GitHub-flavoured Markdown, as `$GITHUB_STEP_SUMMARY` renders it).
enum MarkdownEscaping {
    /// Characters that would start emphasis, code, links, HTML, entities or table cells.
    private static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!", "#"]

    /// One line of ordinary Markdown text (also safe in a table cell): controls made visible, line
    /// breaks and tabs as spaces, every special character backslash-escaped.
    static func inline(_ raw: String) -> String {
        var out = ""
        for scalar in VisibleText.make(raw, mode: .display).unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out += " "
            } else {
                if special.contains(scalar) { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text inside raw HTML (`<summary>`, `<code>`): `HTMLEscaping.text` on one line.
    static func html(_ raw: String) -> String {
        HTMLEscaping.text(raw).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    /// A fenced code block holding `raw` verbatim (controls made visible). The fence is one
    /// backtick longer than the longest run of backticks in the text, so nothing can close it early.
    static func fencedBlock(_ raw: String, info: String = "text") -> String {
        let text = VisibleText.make(raw, mode: .display)
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
        return fence + info + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence + "\n"
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            current = scalar == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
