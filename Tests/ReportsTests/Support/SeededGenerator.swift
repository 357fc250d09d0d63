/// SplitMix64: a small seeded generator, so every property-test case can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random strings made of the pieces that break XML, JSON and Markdown writers.
enum HostileText {
    static let pieces: [String] = [
        "a", "Z", "0", " ", "  ", ".", "layers.affine", "\t", "\n", "\r", "\r\n",
        "\u{00}", "\u{01}", "\u{07}", "\u{08}", "\u{0B}", "\u{0C}", "\u{0E}", "\u{1B}", "\u{1F}", "\u{7F}",
        "\u{85}", "\u{9B}", "\u{1B}[31m", "\u{1B}[0m", "\u{1B}[1;32m", "\u{1B}[", "\u{1B}]0;title\u{07}", "\u{1B}[2K",
        "]]>", "<![CDATA[", "]]", "&", "&amp;", "&#27;", "&#x1B;", "<", ">", "\"", "'", "<b>", "</testcase>",
        "|", "`", "```", "*", "_", "#", "\\", "\\u{1B}", "%", "%.3f", "$(x)",
        "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FEFF}", "\u{2028}", "\u{202E}", "\u{10FFFF}",
        "👩‍💻", "🧪", "e\u{301}", "日本語", "ÿ",
        String(decoding: [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80], as: UTF8.self),
    ]

    /// Up to `maxPieces` pieces; one string in 25 is very long (tens of kilobytes).
    static func string(_ rng: inout SeededGenerator, maxPieces: Int = 12) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) { s += pieces.randomElement(using: &rng)! }
        if Int.random(in: 0..<25, using: &rng) == 0 {
            let chunk = (0..<8).map { _ in pieces.randomElement(using: &rng)! }.joined()
            s += String(repeating: chunk, count: Int.random(in: 500...3000, using: &rng))
        }
        return s
    }

    /// Ordinary, edge and invalid numbers.
    static func number(_ rng: inout SeededGenerator) -> Double {
        let specials: [Double] = [0, 1, 0.5, 1e-9, 0.0005, 0.0015, 12345.6789, 1e300, -1, -0.0, .nan, .infinity,
                                  -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        return Bool.random(using: &rng) ? specials.randomElement(using: &rng)! : Double.random(in: 0...100, using: &rng)
    }
}
