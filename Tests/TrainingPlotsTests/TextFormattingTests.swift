import Testing

@testable import TrainingPlots

@Suite("Text and number formatting")
struct TextFormattingTests {
    @Test func linearLabelsUseTheDecimalsOfTheStep() {
        let tenths = NiceTicks.Step(mantissa: 2, exponent: -1)
        #expect(TickLabelFormat.linearLabels([0, 0.2, 0.4, 1], step: tenths) == ["0.0", "0.2", "0.4", "1.0"])
        let fifties = NiceTicks.Step(mantissa: 5, exponent: 1)
        #expect(TickLabelFormat.linearLabels([-50, 0, 150, 20_000], step: fifties) == ["-50", "0", "150", "20000"])
    }

    @Test func tinyAndHugeStepsUseScientificNotation() {
        let tiny = NiceTicks.Step(mantissa: 5, exponent: -6)
        #expect(TickLabelFormat.linearLabels([0, 1e-5, 1.5e-5], step: tiny) == ["0", "1e-5", "1.5e-5"])
        let huge = NiceTicks.Step(mantissa: 2, exponent: 6)
        #expect(TickLabelFormat.linearLabels([2e6, 4e6], step: huge) == ["2e6", "4e6"])
    }

    @Test func negativeZeroIsWrittenAsZero() {
        #expect(TickLabelFormat.fixed(-0.0, decimals: 1) == "0.0")
        #expect(TickLabelFormat.fixed(-1e-12, decimals: 0) == "0")
        #expect(TickLabelFormat.fixed(-0.5, decimals: 1) == "-0.5")
    }

    @Test func logarithmicLabels() {
        #expect(TickLabelFormat.logarithmicLabels([1e-6, 0.001, 0.5, 1, 100, 1e6]) == ["1e-6", "0.001", "0.5", "1", "100", "1e6"])
    }

    @Test func xmlEscaping() {
        #expect(xmlEscaped(#"a<b & "c" 'd' >"#) == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;")
        #expect(xmlEscaped("tab\there\u{1}\u{FFFE}") == "tab\there\u{FFFD}\u{FFFD}")
        #expect(xmlEscaped("précision ≥ 0.5") == "précision ≥ 0.5")
    }

    @Test func svgNumbers() {
        #expect(svgNumber(12.345) == "12.35")
        #expect(svgNumber(12.3) == "12.3")
        #expect(svgNumber(12.05) == "12.05")
        #expect(svgNumber(-0.5) == "-0.5")
        #expect(svgNumber(-1.25) == "-1.25")
        #expect(svgNumber(-0.001) == "0")
        #expect(svgNumber(400) == "400")
        #expect(svgNumber(1e30) == "1000000")
        #expect(svgNumber(.nan) == "0")
    }
}
