import Testing
import TrainingPlots

@Suite("Nice ticks")
struct NiceTicksTests {
    @Test("0...1 gives 0, 0.2, ..., 1", arguments: [5, 6])
    func unitRange(targetCount: Int) {
        #expect(NiceTicks.linear(covering: 0...1, targetCount: targetCount) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.linear(within: 0...1, targetCount: targetCount) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func accuracyLikeRangeIsCoveredByTenths() {
        #expect(NiceTicks.linear(covering: 0.013...0.87, targetCount: 6) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.linear(covering: 0.013...0.87, targetCount: 10) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    }

    @Test(
        "covering ticks start at or below and end at or above the range, on a 1-2-5 step",
        arguments: [
            (0.0, 1.0), (0.013, 0.87), (-3.7, 12.2), (1e-6, 3e-5), (2.31, 2.33), (0, 19_999),
            (-50, 100), (0.4, 2.6), (123_456, 987_654),
        ])
    func coveringProperties(low: Double, high: Double) throws {
        let ticks = NiceTicks.linear(covering: low...high, targetCount: 6)
        try #require(ticks.count >= 2)
        #expect(ticks[0] <= low)
        #expect(ticks[ticks.count - 1] >= high)
        #expect(ticks.count <= 16)
        let step = NiceTicks.step(span: high - low, targetCount: 6)
        #expect([1, 2, 5].contains(step.mantissa))
        // One step beyond the data at most on each side.
        #expect(low - ticks[0] < step.value * (1 + 1e-9))
        #expect(ticks[ticks.count - 1] - high < step.value * (1 + 1e-9))
        for (previous, next) in zip(ticks, ticks.dropFirst()) {
            #expect(abs((next - previous) - step.value) <= step.value * 1e-9)
        }
    }

    @Test func withinKeepsTicksInsideAFixedRange() {
        #expect(NiceTicks.linear(within: 0.05...0.95, targetCount: 5) == [0.2, 0.4, 0.6, 0.8])
    }

    @Test func stepChoice() {
        #expect(NiceTicks.step(span: 1, targetCount: 5) == .init(mantissa: 2, exponent: -1))
        #expect(NiceTicks.step(span: 7, targetCount: 7) == .init(mantissa: 1, exponent: 0))
        #expect(NiceTicks.step(span: 30, targetCount: 6) == .init(mantissa: 5, exponent: 0))
        #expect(NiceTicks.step(span: 600, targetCount: 6) == .init(mantissa: 1, exponent: 2))
        #expect(NiceTicks.step(span: 3, targetCount: 6, minimumStep: 1) == .init(mantissa: 1, exponent: 0))
    }

    @Test func minimumStepKeepsEpochTicksWhole() {
        #expect(NiceTicks.linear(covering: 0...3, targetCount: 6) == [0, 0.5, 1, 1.5, 2, 2.5, 3])
        #expect(NiceTicks.linear(covering: 0...3, targetCount: 6, minimumStep: 1) == [0, 1, 2, 3])
    }

    @Test func logarithmicTicks() {
        #expect(NiceTicks.logarithmic(covering: 0.2...40) == [0.1, 1, 10, 100])
        #expect(NiceTicks.logarithmic(covering: 0.6...2.3) == [0.5, 1, 2, 5])
        #expect(NiceTicks.logarithmic(covering: 1e-9...1e3, targetCount: 6) == [1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 100, 1e4])
        #expect(NiceTicks.logarithmic(covering: -1...10).isEmpty)
    }

    @Test func degenerateRanges() {
        #expect(NiceTicks.linear(covering: 5...5) == [5])
        #expect(NiceTicks.linear(covering: -Double.infinity...0).isEmpty)
    }
}
