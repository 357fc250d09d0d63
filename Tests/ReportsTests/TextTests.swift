import Testing

@testable import Reports

@Suite struct TruncationTests {
    @Test func keepsHeadAndTailAndCountsDroppedBytes() {
        let text = "HEAD-" + String(repeating: "x", count: 1000) + "-TAIL"
        let capped = Truncation.headAndTail(text, maxBytes: 100)
        #expect(capped == String(text.prefix(50)) + "\n[truncated 910 bytes]\n" + String(text.suffix(50)))
    }

    @Test func cutsAtScalarBoundariesAndCountsBytesNotCharacters() {
        let text = String(repeating: "é", count: 100) + "🧪" + String(repeating: "ü", count: 100)  // 2 + 4 + 2 bytes
        let capped = Truncation.headAndTail(text, maxBytes: 11)
        // Head budget 5 bytes holds two "é" (4 bytes); tail budget 6 bytes holds three "ü".
        #expect(capped == "éé\n[truncated \(404 - 4 - 6) bytes]\nüüü")
    }

    @Test func leavesTextThatFitsAlone() {
        let text = String(repeating: "é", count: 50)
        #expect(Truncation.headAndTail(text, maxBytes: 100) == text)
        #expect(Truncation.headAndTail(text, maxBytes: 99) != text)
        #expect(Truncation.headAndTail("", maxBytes: 0) == "")
    }

    @Test func zeroOrNegativeCapKeepsOnlyTheMarker() {
        #expect(Truncation.headAndTail("abc", maxBytes: 0) == "\n[truncated 3 bytes]\n")
        #expect(Truncation.headAndTail("abc", maxBytes: -5) == "\n[truncated 3 bytes]\n")
    }
}

@Suite struct VisibleTextTests {
    @Test func controlsBecomeTokens() {
        #expect(VisibleText.make("a\u{00}b\u{1B}[31mc\u{7F}\u{9B}\u{FFFE}\u{FFFF}", mode: .xml)
            == "a\\u{00}b\\u{1B}[31mc\\u{7F}\\u{9B}\\u{FFFE}\\u{FFFF}")
    }

    @Test func keepsOrdinaryText() {
        let text = "tab\tline\nemoji 🧪 e\u{301} \u{FFFD} \u{FEFF} \u{10FFFF} <&>\"'"
        #expect(VisibleText.make(text, mode: .xml) == text)
        #expect(VisibleText.make(text, mode: .display) == text)
    }

    @Test func carriageReturns() {
        #expect(VisibleText.make("a\r\nb\rc", mode: .xml) == "a\r\nb\rc")
        #expect(VisibleText.make("a\r\nb\rc\r", mode: .display) == "a\nb\nc\n")
    }

    @Test func pointsFormatting() {
        #expect(NumberFormatting.points(2) == "2")
        #expect(NumberFormatting.points(1.5) == "1.5")
        #expect(NumberFormatting.points(1.0 / 3) == "0.333")
        #expect(NumberFormatting.points(.nan) == "0")
        #expect(NumberFormatting.points(-0.25) == "-0.25")
        #expect(NumberFormatting.points(-0.0001) == "0")
    }
}
