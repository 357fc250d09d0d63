import NumericCore

/// Compares an analytic gradient with central differences of the same function, entry by entry,
/// and sets aside entries whose step crossed a kink.
///
/// Kink test, for an entry whose central difference disagrees with the analytic value: with
/// `f0 = f(x)`, the one-sided slopes `(f(x+h) - f0) / h` and `(f0 - f(x-h)) / h` disagree by more
/// than `kinkDisagreement` of their size (a smooth function's differ by about `h * f''`), and the
/// analytic value matches one of them within `kinkMatchTolerance`. Then the function has a corner
/// inside the step and the analytic value is the derivative on one side of it: a correct ReLU
/// gradient at exactly 0 is such a case; a wrong gradient is not. When the slopes disagree but
/// neither matches (a step that crosses corners on both sides), the entry is evaluated again
/// with steps h/10 and h/100, which usually no longer reach the corner; it is set aside only if
/// a smaller step then agrees with the analytic value (the absolute tolerance grows as the step
/// shrinks, since round-off grows as 1/h).
public enum GradientChecker {
    /// Checks every entry of `analytic` against the gradient of the scalar function `f` at `x`.
    public static func check<S: NetScalar, T: NetScalar>(
        _ f: (Tensor<S>) throws -> Double, at x: Tensor<S>, analytic: Tensor<T>,
        settings: GradientCheckSettings = .float64
    ) throws -> GradientCheckResult {
        try requireSameShape(x, analytic)
        let differences = try NumericalGradient.entries(f, at: x, indices: Array(0..<x.count), step: settings.step)
        return try compare(differences, analytic: analytic, shape: x.shape, mode: .full, settings: settings) { i, h in
            try NumericalGradient.entries(f, at: x, indices: [i], step: h)
        }
    }

    /// Checks `count` entries sampled with replacement by a random source seeded with `seed`
    /// (the course's `grad_check_sparse`, but seeded).
    public static func checkSampled<S: NetScalar, T: NetScalar>(
        _ f: (Tensor<S>) throws -> Double, at x: Tensor<S>, analytic: Tensor<T>,
        count: Int, seed: UInt32, settings: GradientCheckSettings = .float64
    ) throws -> GradientCheckResult {
        var rng = RandomSource(seed: seed)
        let indices = x.count == 0 ? [] : rng.integers(below: x.count, count: count)
        try requireSameShape(x, analytic)
        let differences = try NumericalGradient.entries(f, at: x, indices: indices, step: settings.step)
        return try compare(differences, analytic: analytic, shape: x.shape, mode: .sampled(count: count, seed: seed), settings: settings) { i, h in
            try NumericalGradient.entries(f, at: x, indices: [i], step: h)
        }
    }

    /// Checks the backward pass of an array function: `analytic` against the gradient of
    /// `sum(f(x) * df)`.
    public static func checkArray<S: NetScalar, T: NetScalar>(
        _ f: (Tensor<S>) throws -> Tensor<S>, at x: Tensor<S>, upstream df: Tensor<S>,
        analytic: Tensor<T>, settings: GradientCheckSettings = .float64
    ) throws -> GradientCheckResult {
        try requireSameShape(x, analytic)
        let differences = try NumericalGradient.entries(f, at: x, upstream: df, indices: Array(0..<x.count), step: settings.step)
        return try compare(differences, analytic: analytic, shape: x.shape, mode: .full, settings: settings) { i, h in
            try NumericalGradient.entries(f, at: x, upstream: df, indices: [i], step: h)
        }
    }

    /// Directional mode for large parameters: `count` random unit directions u (seeded), each
    /// comparing `<analytic, u>` with `(f(x + h u) - f(x - h u)) / 2h`: two evaluations per
    /// direction, whatever the size of x.
    public static func checkDirectional<S: NetScalar, T: NetScalar>(
        _ f: (Tensor<S>) throws -> Double, at x: Tensor<S>, analytic: Tensor<T>,
        count: Int, seed: UInt32, settings: GradientCheckSettings = .float64
    ) throws -> GradientCheckResult {
        try requireSameShape(x, analytic)
        var rng = RandomSource(seed: seed)
        let directions = NumericalGradient.randomDirections(count: count, dimension: x.count, using: &rng)
        let numeric = try NumericalGradient.directional(f, at: x, directions: directions, step: settings.step)
        let projected = directions.map { u in zip(u, analytic.scalars).reduce(0) { $0 + $1.0 * Double($1.1) } }
        var result = GradientCheckResult(
            shape: x.shape, mode: .directional(count: count, seed: seed), settings: settings,
            checkedCount: count, maxRelativeError: 0, worst: nil, kinks: [])
        for k in 0..<count {
            let entry = GradientCheckResult.Entry(
                flatIndex: k, index: [], numeric: numeric[k], analytic: projected[k],
                relativeError: errorOf(numeric[k], projected[k]))
            if entry.relativeError > settings.relativeTolerance && abs(entry.numeric - entry.analytic) > settings.absoluteTolerance {
                result.failures.append(entry)
            }
            if result.worst == nil || entry.relativeError > result.maxRelativeError {
                result.worst = entry
                result.maxRelativeError = entry.relativeError
            }
        }
        return result
    }

    public static func compare<T: NetScalar>(
        _ differences: NumericalGradient.Differences, analytic: Tensor<T>, shape: [Int],
        mode: GradientCheckResult.Mode, settings: GradientCheckSettings,
        refine: (_ index: Int, _ step: Double) throws -> NumericalGradient.Differences
    ) throws -> GradientCheckResult {
        var result = GradientCheckResult(
            shape: shape, mode: mode, settings: settings, checkedCount: differences.indices.count,
            maxRelativeError: 0, worst: nil, kinks: [])
        // The round-off floor excuses tiny entries only while it is small against the gradient
        // itself; a step so small that round-off rivals the whole gradient proves nothing.
        let scale = differences.indices.reduce(0.0) { max($0, abs(Double(analytic.scalars[$1]))) }
        let noiseFloor = differences.noiseFloor <= 1e-3 * scale ? differences.noiseFloor : 0
        for (k, i) in differences.indices.enumerated() {
            let a = Double(analytic.scalars[i]), numeric = differences.values[k]
            let entry = GradientCheckResult.Entry(
                flatIndex: i, index: multiIndex(i, shape: shape), numeric: numeric, analytic: a,
                relativeError: errorOf(numeric, a))
            let agrees = entry.relativeError <= settings.relativeTolerance
                || abs(numeric - a) <= max(settings.absoluteTolerance, noiseFloor)
            if !agrees {
                let forward = differences.forwardSlopes[k], backward = differences.backwardSlopes[k]
                let spread = abs(forward - backward), size = max(abs(forward), abs(backward))
                if spread > settings.kinkDisagreement * size,
                   try atKink(analytic: a, forward: forward, backward: backward, index: i, settings: settings, refine: refine) {
                    result.kinks.append(entry)
                    continue
                }
                result.failures.append(entry)
            }
            if result.worst == nil || entry.relativeError > result.maxRelativeError {
                result.worst = entry
                result.maxRelativeError = entry.relativeError
            }
        }
        return result
    }

    /// Whether a disagreeing entry is explained by a corner inside the step (see the type's notes).
    static func atKink(
        analytic a: Double, forward: Double, backward: Double, index: Int, settings: GradientCheckSettings,
        refine: (_ index: Int, _ step: Double) throws -> NumericalGradient.Differences
    ) throws -> Bool {
        if min(errorOf(forward, a), errorOf(backward, a)) <= settings.kinkMatchTolerance { return true }
        for shrink in [10.0, 100.0] {
            let smaller = try refine(index, settings.step / shrink)
            let central = smaller.values[0]
            if errorOf(central, a) <= settings.relativeTolerance || abs(central - a) <= settings.absoluteTolerance * shrink {
                return true
            }
            if min(errorOf(smaller.forwardSlopes[0], a), errorOf(smaller.backwardSlopes[0], a)) <= settings.kinkMatchTolerance {
                return true
            }
        }
        return false
    }

    private static func errorOf(_ x: Double, _ y: Double) -> Double {
        let e = RelativeError.of(x, y)
        return e.isNaN ? .infinity : e
    }

    static func requireSameShape<S, T>(_ x: Tensor<S>, _ analytic: Tensor<T>) throws(NumericError) {
        guard x.shape == analytic.shape else {
            throw .shapeMismatch(operation: "gradient check", expected: "an analytic gradient shaped like x \(Shape.describe(x.shape))", got: analytic.shape)
        }
    }

    static func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
        var rest = flat
        var index = [Int](repeating: 0, count: shape.count)
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] > 0 {
            index[d] = rest % shape[d]
            rest /= shape[d]
        }
        return index
    }
}
