import Foundation
import GradientCheck
import NumericCore
import Testing

/// Entries whose step crosses a corner of the function are set aside when (and only when) the
/// analytic value is the derivative on one side of it.
@Suite("GradientChecker kinks")
struct GradientCheckerKinkTests {
    static let h = GradientCheckSettings.float64.step

    /// x (3, 5) with seeded normal entries, none within 1e-3 of 0, and `value` at (1, 2).
    static func reluInput(_ value: Double) -> Tensor<Double> {
        var x = normalTensor([3, 5], seed: 41)
        for i in 0..<x.count where abs(x.scalars[i]) < 1e-3 { x.scalars[i] = 0.5 }
        x[1, 2] = value
        return x
    }

    /// The course's ReLU gradient: 1 where x > 0, else 0.
    static func reluGradient(_ x: Tensor<Double>) -> Tensor<Double> { map(x) { $0 > 0 ? 1 : 0 } }

    @Test("sum(relu(x)) with an entry at 0, 0.3 h or -0.3 h: the entry is a kink, not blamed",
          arguments: [0.0, 0.3 * h, -0.3 * h])
    func reluKink(value: Double) throws {
        let x = Self.reluInput(value)
        let result = try GradientChecker.check(sumOfRelu, at: x, analytic: Self.reluGradient(x))
        #expect(result.passed, "\(result.summary)")
        #expect(result.kinks.map(\.index) == [[1, 2]])
        #expect(result.worst?.index != [1, 2])
        #expect(result.maxRelativeError < 1e-8, "\(result.summary)")
        let kink = try #require(result.kinks.first)
        // The central difference straddles the corner: (h + value) / 2h for |value| < h.
        #expect(abs(kink.numeric - (Self.h + value) / (2 * Self.h)) <= 1e-6, "numeric \(kink.numeric)")
        #expect(kink.relativeError > result.settings.relativeTolerance)
        #expect(result.summary.contains("kink"))
    }

    /// (0.5 is not among them: at x = 0 it is a subgradient, and the difference at a smaller step
    /// agrees with it.)
    @Test("a wrong analytic value at a kink entry is not excused", arguments: [5.0, 2.0, -1.0])
    func wrongValueAtKink(wrong: Double) throws {
        let x = Self.reluInput(0)
        var analytic = Self.reluGradient(x)
        analytic[1, 2] = wrong
        let result = try GradientChecker.check(sumOfRelu, at: x, analytic: analytic)
        #expect(!result.passed, "\(result.summary)")
        #expect(result.kinks.isEmpty)
        #expect(result.worst?.index == [1, 2])
    }

    @Test("a wrong entry away from the kink is still blamed while the kink is set aside")
    func kinkDoesNotHideOtherErrors() throws {
        let x = Self.reluInput(0)
        var analytic = Self.reluGradient(x)
        analytic[2, 4] = 1 - analytic[2, 4]
        let result = try GradientChecker.check(sumOfRelu, at: x, analytic: analytic)
        #expect(!result.passed)
        #expect(result.worst?.index == [2, 4])
        #expect(result.kinks.map(\.index) == [[1, 2]])
    }

    /// The SVM hinge max(0, 1 - x) at x = 1 (margin exactly 0); the course's gradient counts only
    /// positive margins: -(1 - x > 0).
    @Test("the hinge max(0, 1 - x) at x = 1")
    func hinge() throws {
        var x = uniformTensor([8], in: -0.5...0.5, seed: 42)
        x.scalars[5] = 1
        let f: (Tensor<Double>) -> Double = { $0.scalars.reduce(0) { $0 + max(0, 1 - $1) } }
        let analytic = map(x) { 1 - $0 > 0 ? -1 : 0 }
        #expect(analytic.scalars[5] == 0)
        let result = try GradientChecker.check(f, at: x, analytic: analytic)
        #expect(result.passed, "\(result.summary)")
        #expect(result.kinks.map(\.index) == [[5]])
    }

    /// relu(x + 0.3 h) + relu(x - 0.5 h) at x = 0 has corners on both sides inside the step: the
    /// central difference is 1.8 h / 2h = 0.9 and the one-sided slopes 1.5 and 0.3, none of them
    /// the true slope 1; only the re-evaluation with h / 10 (which no longer reaches either
    /// corner) can clear a correct gradient.
    @Test("corners on both sides: a correct value is cleared by a smaller step, a wrong one is not",
          arguments: [(1.0, true), (2.0, false), (0.0, false)])
    func cornersOnBothSides(analyticValue: Double, excused: Bool) throws {
        let h = Self.h
        var x = uniformTensor([6], in: 0.5...1, seed: 44)
        x.scalars[3] = 0
        let f: (Tensor<Double>) -> Double = { $0.scalars.reduce(0) { $0 + max(0, $1 + 0.3 * h) + max(0, $1 - 0.5 * h) } }
        var analytic = map(x) { _ in 2 }
        analytic.scalars[3] = analyticValue
        let result = try GradientChecker.check(f, at: x, analytic: analytic)
        #expect(result.passed == excused, "\(result.summary)")
        #expect(result.kinks.map(\.index) == (excused ? [[3]] : []))
        #expect(result.failures.map(\.index) == (excused ? [] : [[3]]))
    }

    /// sum(exp(10 x)): f'' / f' = 10, so one-sided slopes differ by ~h f'' = 1e-4 of f', far from
    /// the 10% that reveals a corner.
    @Test("a smooth function with large curvature has no kinks")
    func largeCurvature() throws {
        let x = uniformTensor([4, 5], in: -0.5...0.5, seed: 43)
        let f: (Tensor<Double>) -> Double = { $0.scalars.reduce(0) { $0 + exp(10 * $1) } }
        let gradient = map(x) { 10 * exp(10 * $0) }
        let correct = try GradientChecker.check(f, at: x, analytic: gradient)
        #expect(correct.passed, "\(correct.summary)")
        #expect(correct.kinks.isEmpty)

        // 1e-4 too large at one entry: the analytic value then matches the forward one-sided
        // slope (f' (1 + 5e-5)) within 1e-3, so only the disagreement test keeps it from being
        // excused as a kink.
        var wrong = gradient
        wrong[2, 3] *= 1 + 1e-4
        let result = try GradientChecker.check(f, at: x, analytic: wrong)
        #expect(!result.passed, "\(result.summary)")
        #expect(result.kinks.isEmpty)
        #expect(result.worst?.index == [2, 3])
    }
}
