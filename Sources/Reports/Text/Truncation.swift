/// Caps long text by keeping its head and its tail.
///
/// Text longer than `maxBytes` UTF-8 bytes keeps its first `maxBytes / 2` bytes and its last
/// `maxBytes - maxBytes / 2` bytes (cut at Unicode scalar boundaries, so possibly a few bytes
/// fewer) with the line `[truncated N bytes]` between them, N being the exact number of UTF-8
/// bytes dropped. The result is at most `maxBytes` bytes of the original plus the marker line.
public enum Truncation {
    /// The default cap per check in the JUnit and Gradescope reports: 16 KiB.
    public static let defaultMaxBytes = 16 * 1024

    /// `text` unchanged if it fits in `maxBytes` (clamped to >= 0), else head + marker + tail.
    public static func headAndTail(_ text: String, maxBytes: Int) -> String {
        let limit = max(0, maxBytes)
        let total = text.utf8.count
        guard total > limit else { return text }
        let scalars = Array(text.unicodeScalars)

        var headEnd = 0, headBytes = 0
        while headEnd < scalars.count, headBytes + scalars[headEnd].utf8.count <= limit / 2 {
            headBytes += scalars[headEnd].utf8.count
            headEnd += 1
        }
        var tailStart = scalars.count, tailBytes = 0
        while tailStart > headEnd, tailBytes + scalars[tailStart - 1].utf8.count <= limit - limit / 2 {
            tailBytes += scalars[tailStart - 1].utf8.count
            tailStart -= 1
        }

        var out = String.UnicodeScalarView(scalars[..<headEnd])
        out.append(contentsOf: "\n[truncated \(total - headBytes - tailBytes) bytes]\n".unicodeScalars)
        out.append(contentsOf: scalars[tailStart...])
        return String(out)
    }
}
