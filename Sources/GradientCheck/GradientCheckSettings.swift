/// Step sizes and tolerances for gradient checks, labelled and precision-aware.
///
/// float64: the course's step `h = 1e-5`; round-off in `(f(x+h) - f(x-h)) / 2h` is about
/// `1e-16 * |f| / 1e-5 = 1e-11 * |f|`, truncation about `h^2 * |f'''|`, so relative errors near
/// 1e-7 or below are expected (the notebooks say "around 1e-7 or less" for nets).
/// float32: with `h = 1e-5` round-off alone is `6e-8 * |f| / 1e-5`, about 1e-2 relative, so the
/// step is raised to `1e-2` (near the cube root of float32's epsilon) and the tolerance to 1e-2.
///
/// An entry passes when its course relative error is within `relativeTolerance` OR its absolute
/// difference is within `absoluteTolerance`: a gradient entry of 1e-7 cannot be estimated to
/// 1e-6 relative when the differences of `f` carry about `eps * |f| / h` of round-off (2e-10 for
/// float64 with |f| = 10), so tiny entries are judged by the absolute noise floor instead: the
/// larger of `absoluteTolerance` and `16 * eps * |f(x)| / h`, computed from the function's size.
public struct GradientCheckSettings: Sendable, Equatable {
    /// Finite-difference step `h`.
    public var step: Double
    /// Largest acceptable course relative error (`relativeTolerance:`).
    public var relativeTolerance: Double
    /// Differences this small pass whatever their relative error (`absoluteTolerance:`).
    public var absoluteTolerance: Double
    /// One-sided differences that disagree by more than this fraction reveal a kink.
    public var kinkDisagreement: Double = 1e-2
    /// How close (relative error) the analytic value must be to a one-sided difference for an
    /// entry to be blamed on the kink rather than the gradient.
    public var kinkMatchTolerance: Double = 1e-3

    public init(step: Double, relativeTolerance: Double, absoluteTolerance: Double = 0) {
        self.step = step
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }

    /// float64 defaults: h = 1e-5, relative tolerance 1e-6, absolute tolerance 1e-9.
    public static let float64 = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
    /// float32 defaults: h = 1e-2, relative tolerance 1e-2, absolute tolerance 1e-4.
    public static let float32 = GradientCheckSettings(step: 1e-2, relativeTolerance: 1e-2, absoluteTolerance: 1e-4)

    /// The defaults for a dtype name (`float64`, `float32`).
    public static func forDType(_ name: String) -> GradientCheckSettings {
        name == "float32" ? .float32 : .float64
    }
}
