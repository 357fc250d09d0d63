import NumericCore

/// The course's relative error (`rel_error` in every notebook, 2016-2026):
///
///     max_i |x_i - y_i| / max(1e-8, |x_i| + |y_i|)
///
/// Symmetric; 0 for equal arrays; the 1e-8 floor keeps two near-zero values from dividing by 0.
public enum RelativeError {
    /// The floor of the denominator, as the course writes it.
    public static let floor = 1e-8

    /// Relative error of one pair of values.
    public static func of(_ x: Double, _ y: Double) -> Double {
        if x == y { return 0 }
        return Swift.abs(x - y) / Swift.max(floor, Swift.abs(x) + Swift.abs(y))
    }

    /// The largest relative error over two equally long sequences, and where it is
    /// (nil for empty input). NaN anywhere counts as an infinite error.
    public static func worst(_ x: [Double], _ y: [Double]) -> (error: Double, index: Int)? {
        precondition(x.count == y.count, "RelativeError.worst: \(x.count) vs \(y.count) values")
        var best: (error: Double, index: Int)?
        for i in x.indices {
            var e = of(x[i], y[i])
            if e.isNaN { e = .infinity }
            if best == nil || e > best!.error { best = (e, i) }
        }
        return best
    }

    /// The course's `rel_error(x, y)` on two tensors of the same shape (any precision).
    public static func of<S: NetScalar, T: NetScalar>(_ x: Tensor<S>, _ y: Tensor<T>) -> Double {
        precondition(x.shape == y.shape, "rel_error: shapes \(x.shape) and \(y.shape) differ")
        return worst(x.scalars.map(Double.init), y.scalars.map(Double.init))?.error ?? 0
    }
}
