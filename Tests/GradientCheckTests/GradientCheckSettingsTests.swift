import Foundation
import GradientCheck
import NumericCore
import Testing

/// Why float32 has its own step: with h = 1e-5, float32 round-off in f (~6e-8 |f|) divided by
/// 2h swamps the difference; h = 1e-2 trades it for a truncation error of ~h^2 / 6.
@Suite("GradientCheckSettings")
struct GradientCheckSettingsTests {
    /// sum(sin(x)) evaluated in float32 arithmetic, x of shape (10, 10) in [-1, 1]; gradient cos(x).
    static let x: Tensor<Float> = uniformTensor([10, 10], in: -1...1, seed: 61).converted()
    static func f(_ x: Tensor<Float>) -> Double {
        var sum: Float = 0
        for v in x.scalars { sum += sin(v) }
        return Double(sum)
    }
    static let gradient = map(x) { cos($0) }

    @Test("the labelled defaults")
    func defaults() {
        #expect(GradientCheckSettings.float64.step == 1e-5)
        #expect(GradientCheckSettings.float64.relativeTolerance == 1e-6)
        #expect(GradientCheckSettings.float64.absoluteTolerance == 1e-9)
        #expect(GradientCheckSettings.float32.absoluteTolerance == 1e-4)
        #expect(GradientCheckSettings.float32.step == 1e-2)
        #expect(GradientCheckSettings.float32.relativeTolerance == 1e-2)
        #expect(GradientCheckSettings.forDType(Float.dtypeName) == .float32)
        #expect(GradientCheckSettings.forDType(Double.dtypeName) == .float64)
    }

    @Test("float32 defaults check a float32 gradient; h = 1e-5 in float32 is visibly worse")
    func float32Step() throws {
        let good = try GradientChecker.check(Self.f, at: Self.x, analytic: Self.gradient, settings: .float32)
        #expect(good.passed, "\(good.summary)")
        #expect(good.kinks.isEmpty)

        var smallStep = GradientCheckSettings.float32
        smallStep.step = 1e-5
        let noisy = try GradientChecker.check(Self.f, at: Self.x, analytic: Self.gradient, settings: smallStep)
        #expect(noisy.maxRelativeError > 100 * good.maxRelativeError, "h = 1e-2: \(good.summary); h = 1e-5: \(noisy.summary)")
        #expect(!noisy.passed, "\(noisy.summary)")

        // The float64 settings fail the same correct float32 gradient outright.
        let strict = try GradientChecker.check(Self.f, at: Self.x, analytic: Self.gradient, settings: .float64)
        #expect(!strict.passed, "\(strict.summary)")
    }

    @Test("float32 defaults still catch a wrong float32 gradient")
    func float32CatchesErrors() throws {
        var wrong = Self.gradient
        wrong[3, 7] = -wrong[3, 7]
        let result = try GradientChecker.check(Self.f, at: Self.x, analytic: wrong, settings: .float32)
        #expect(!result.passed)
        #expect(result.worst?.index == [3, 7])
    }
}
