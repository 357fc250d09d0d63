import GradientCheck
import NumericCore

/// Backward passes checked against central differences of the implementation's OWN forward
/// pass, so that a forward/backward pair that is consistently wrong is caught by the fixture
/// comparison, and a backward that disagrees with its forward is caught here.
enum OwnGradient {
    /// float64, h = 1e-5, course relative error 1e-6 or absolute 1e-9 (round-off floor);
    /// entries whose step crosses a kink are set aside.
    static let settings = GradientCheckSettings.float64

    /// For whole nets: the notebooks expect "around 1e-7 or less" and accept "W2 on the order of
    /// e-5"; central differences of a deep net's loss carry truncation error near 1e-6, so
    /// relative 1e-5 (absolute 1e-9). A backward that does not differentiate its forward is off
    /// by far more.
    static let netSettings = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-5, absoluteTolerance: 1e-9)

    /// `analytic` against the numerical gradient of `sum(f(x) * dout)`.
    static func array(
        _ name: String, of operation: String, at x: Tensor<Double>, upstream dout: Tensor<Double>,
        analytic: Tensor<Double>, settings: GradientCheckSettings = settings,
        _ f: (Tensor<Double>) throws -> Tensor<Double>
    ) throws {
        guard analytic.shape == x.shape else {
            throw CheckFailure("\(name) has shape \(Shape.describe(analytic.shape)); it must have the input's shape \(Shape.describe(x.shape))")
        }
        let result = try GradientChecker.checkArray(f, at: x, upstream: dout, analytic: analytic, settings: settings)
        try verdict(result, name, operation)
    }

    /// `analytic` against the numerical gradient of a scalar function (a loss).
    static func scalar(
        _ name: String, of operation: String, at x: Tensor<Double>, analytic: Tensor<Double>,
        settings: GradientCheckSettings = settings, _ f: (Tensor<Double>) throws -> Double
    ) throws {
        guard analytic.shape == x.shape else {
            throw CheckFailure("\(name) has shape \(Shape.describe(analytic.shape)); it must have the shape \(Shape.describe(x.shape)) of what it is the gradient of")
        }
        let result = try GradientChecker.check(f, at: x, analytic: analytic, settings: settings)
        try verdict(result, name, operation)
    }

    static func verdict(_ result: GradientCheckResult, _ name: String, _ operation: String) throws {
        guard !result.passed else { return }
        let worst = result.failures.max { $0.relativeError < $1.relativeError } ?? result.worst!
        throw CheckFailure(
            "\(name) disagrees with the numerical gradient of your own \(operation): relative error \(Compare.format(worst.relativeError)) at index \(Shape.describe(worst.index)) (numerical \(worst.numeric), yours \(worst.analytic)); \(result.failures.count) of \(result.checkedCount) entries outside \(result.settings.relativeTolerance) (kinks set aside: \(result.kinks.count)). The backward pass does not differentiate the forward pass.")
    }
}
