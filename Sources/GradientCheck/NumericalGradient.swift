import NumericCore

/// Central-difference gradients, the course's `eval_numerical_gradient` and
/// `eval_numerical_gradient_array` (`cs231n/gradient_check.py`), without mutating the caller's
/// array.
///
/// Scalar function: `grad_i = (f(x + h e_i) - f(x - h e_i)) / (2h)`.
/// Array function with upstream gradient `df`: `grad_i = sum((f(x + h e_i) - f(x - h e_i)) * df) / (2h)`.
/// The perturbed value is rounded to x's precision; the denominator is the step actually taken
/// (exactly `2h` in float64), which keeps float32 estimates honest.
public enum NumericalGradient {
    /// The gradient of a scalar function at every entry of `x` (2 evaluations per entry).
    public static func ofScalarFunction<S: NetScalar>(
        _ f: (Tensor<S>) throws -> Double, at x: Tensor<S>, step h: Double = 1e-5
    ) throws -> Tensor<Double> {
        try entries(f, at: x, indices: Array(0..<x.count), step: h).gradient(shape: x.shape)
    }

    /// The gradient of `sum(f(x) * df)` at every entry of `x`: the backward pass of an array
    /// function for the upstream gradient `df`. Like the course, each output's difference
    /// `f(x+h)_j - f(x-h)_j` is taken before weighting and summing, which keeps round-off at the
    /// level of single outputs rather than of the whole sum.
    public static func ofArrayFunction<S: NetScalar>(
        _ f: (Tensor<S>) throws -> Tensor<S>, at x: Tensor<S>, upstream df: Tensor<S>, step h: Double = 1e-5
    ) throws -> Tensor<Double> {
        try entries(f, at: x, upstream: df, indices: Array(0..<x.count), step: h).gradient(shape: x.shape)
    }

    /// Central and one-sided differences of a scalar function at the given flat indices.
    public static func entries<S: NetScalar>(
        _ f: (Tensor<S>) throws -> Double, at x: Tensor<S>, indices: [Int], step h: Double
    ) throws -> Differences {
        try differences({ [try f($0)] }, weights: [1], at: x, indices: indices, step: h)
    }

    /// Central and one-sided differences of `sum(f(x) * df)` at the given flat indices.
    public static func entries<S: NetScalar>(
        _ f: (Tensor<S>) throws -> Tensor<S>, at x: Tensor<S>, upstream df: Tensor<S>, indices: [Int], step h: Double
    ) throws -> Differences {
        let weights = df.scalars.map(Double.init)
        return try differences({ (x: Tensor<S>) throws -> [Double] in
            let out = try f(x)
            guard out.shape == df.shape else {
                throw NumericError.shapeMismatch(
                    operation: "numerical gradient",
                    expected: "output shaped like the upstream gradient \(Shape.describe(df.shape))", got: out.shape)
            }
            return out.scalars.map(Double.init)
        }, weights: weights, at: x, indices: indices, step: h)
    }

    /// For each index: `f(x + h e_i)` and `f(x - h e_i)` (outputs as float64 vectors), then
    /// `sum_j (plus_j - minus_j) * w_j / (2h)` and the one-sided slopes against `f(x)`.
    static func differences<S: NetScalar>(
        _ f: (Tensor<S>) throws -> [Double], weights: [Double], at x: Tensor<S>, indices: [Int], step h: Double
    ) throws -> Differences {
        var probe = x
        var result = Differences(indices: indices)
        let base = try f(x)
        // Round-off in a difference of f is a few ulps of |f|; divided by the step it is the
        // smallest disagreement that means anything.
        let scale = zip(base, weights).reduce(0.0) { $0 + abs($1.0 * $1.1) }
        result.noiseFloor = 16 * Double(S.ulpOfOne) * scale / h
        func weighted(_ a: [Double], _ b: [Double]) -> Double {
            var sum = 0.0
            for j in 0..<weights.count { sum += (a[j] - b[j]) * weights[j] }
            return sum
        }
        for i in indices {
            let original = probe.scalars[i]
            let plus = S(Double(original) + h), minus = S(Double(original) - h)
            probe.scalars[i] = plus
            let fPlus = try f(probe)
            probe.scalars[i] = minus
            let fMinus = try f(probe)
            probe.scalars[i] = original
            let up = Double(plus) - Double(original), down = Double(original) - Double(minus)
            result.values.append(weighted(fPlus, fMinus) / (up + down))
            result.forwardSlopes.append(weighted(fPlus, base) / up)
            result.backwardSlopes.append(weighted(base, fMinus) / down)
        }
        return result
    }

    /// Central differences along directions: for each unit vector u,
    /// `(f(x + h u) - f(x - h u)) / (2h)`, which approximates `<grad f(x), u>` with two
    /// evaluations however large x is.
    public static func directional<S: NetScalar>(
        _ f: (Tensor<S>) throws -> Double, at x: Tensor<S>, directions: [[Double]], step h: Double
    ) rethrows -> [Double] {
        try directions.map { u in
            var plus = x, minus = x
            for i in 0..<x.count {
                plus.scalars[i] = S(Double(x.scalars[i]) + h * u[i])
                minus.scalars[i] = S(Double(x.scalars[i]) - h * u[i])
            }
            return (try f(plus) - f(minus)) / (2 * h)
        }
    }

    /// `count` random unit vectors of length `dimension`, from normal draws of `rng`.
    public static func randomDirections(count: Int, dimension: Int, using rng: inout RandomSource) -> [[Double]] {
        (0..<count).map { _ in
            var u = (0..<dimension).map { _ in rng.standardNormal() }
            let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { u = u.map { $0 / norm } }
            return u
        }
    }

    /// Differences at some entries: the central estimate, and the one-sided slopes
    /// `(f(x+h) - f(x)) / h` and `(f(x) - f(x-h)) / h` that reveal a kink inside the step.
    public struct Differences: Sendable {
        public var indices: [Int]
        public var values: [Double] = []
        public var forwardSlopes: [Double] = []
        public var backwardSlopes: [Double] = []
        /// `16 * eps * |f(x)| / h`: differences below this are round-off, not signal.
        public var noiseFloor: Double = 0

        public init(indices: [Int]) { self.indices = indices }

        /// The estimates as a dense tensor (valid when every index was evaluated).
        public func gradient(shape: [Int]) -> Tensor<Double> {
            var out = Tensor<Double>(zeros: shape)
            for (k, i) in indices.enumerated() { out.scalars[i] = values[k] }
            return out
        }
    }
}
