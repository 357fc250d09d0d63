import GradientCheck
import NumericCore

/// Comparisons that explain themselves: which output, its shape, the worst index, expected vs
/// got, the error against the labelled tolerance, and a likely cause where one is recognisable.
public enum Compare {
    /// How close is close enough.
    public enum Tolerance: Sendable, CustomStringConvertible {
        /// The course's `rel_error` (max over entries of |a-b| / max(1e-8, |a|+|b|)).
        case relative(Double)
        /// Largest absolute difference.
        case absolute(Double)

        public var description: String {
            switch self {
            case let .relative(t): "relative error <= \(t)"
            case let .absolute(t): "absolute error <= \(t)"
            }
        }
    }

    /// Throws `CheckFailure` unless `got` matches `expected` within `tolerance`.
    public static func arrays(
        _ got: Tensor<Double>, _ expected: Tensor<Double>, _ name: String, _ tolerance: Tolerance,
        hint: String? = nil
    ) throws {
        guard got.shape == expected.shape else {
            var message = "\(name) has shape \(Shape.describe(got.shape)), expected \(Shape.describe(expected.shape))"
            if got.shape.reversed() == expected.shape { message += ": it looks transposed" }
            else if got.count == expected.count { message += ": same number of entries, wrong reshape" }
            throw CheckFailure(message)
        }
        if let nan = got.firstNonFiniteIndex, expected.scalars[nan].isFinite {
            throw CheckFailure("\(name) has a NaN or infinity at index \(Shape.describe(multiIndex(nan, got.shape))) (expected \(expected.scalars[nan]))" + (hint.map { ". \($0)" } ?? ""))
        }
        let (error, index) = worst(got, expected, tolerance)
        guard error > threshold(tolerance) else { return }
        var message = "\(name): \(kind(tolerance)) \(format(error)) > \(format(threshold(tolerance))); worst at index \(Shape.describe(multiIndex(index, got.shape))): expected \(expected.scalars[index]), got \(got.scalars[index])"
        if let cause = likelyCause(got, expected) { message += ". Likely cause: \(cause)" }
        if let hint { message += ". \(hint)" }
        throw CheckFailure(message)
    }

    /// Throws unless two numbers agree within `tolerance`.
    public static func numbers(_ got: Double, _ expected: Double, _ name: String, _ tolerance: Tolerance, hint: String? = nil) throws {
        try arrays(Tensor([got]), Tensor([expected]), name, tolerance, hint: hint)
    }

    static func threshold(_ t: Tolerance) -> Double {
        switch t { case let .relative(v), let .absolute(v): v }
    }

    static func kind(_ t: Tolerance) -> String {
        switch t { case .relative: "relative error"; case .absolute: "absolute error" }
    }

    static func worst(_ got: Tensor<Double>, _ expected: Tensor<Double>, _ t: Tolerance) -> (Double, Int) {
        var best = (0.0, 0)
        for i in 0..<got.count {
            let a = got.scalars[i], b = expected.scalars[i]
            if a == b || (a.isNaN && b.isNaN) { continue }
            var e: Double
            switch t {
            case .relative: e = RelativeError.of(a, b)
            case .absolute: e = abs(a - b)
            }
            if e.isNaN { e = .infinity }
            if e > best.0 { best = (e, i) }
        }
        return best
    }

    /// Recognisable mistakes: all zeros, a constant factor, a sign flip, a transposed square.
    static func likelyCause(_ got: Tensor<Double>, _ expected: Tensor<Double>) -> String? {
        if got.scalars.allSatisfy({ $0 == 0 }) && expected.scalars.contains(where: { $0 != 0 }) {
            return "the output is all zeros (not computed, or never written)"
        }
        if zip(got.scalars, expected.scalars).allSatisfy({ abs($0 + $1) <= 1e-9 * max(1, abs($1)) }) {
            return "the sign is flipped"
        }
        let pairs = zip(got.scalars, expected.scalars).filter { abs($0.1) > 1e-12 }
        if pairs.count >= 2, let first = pairs.first {
            let ratio = first.0 / first.1
            if abs(ratio - 1) > 1e-6, ratio.isFinite, pairs.allSatisfy({ abs($0.0 / $0.1 - ratio) <= 1e-6 * max(1, abs(ratio)) }) {
                return "off by a constant factor of \(format(ratio)) (a missing or extra scale such as 1/N, 0.5 or the learning rate)"
            }
        }
        if got.rank == 2, got.shape[0] == got.shape[1] {
            let n = got.shape[0]
            var transposed = true
            for i in 0..<n where transposed {
                for j in 0..<n where abs(got[i, j] - expected[j, i]) > 1e-9 * max(1, abs(expected[j, i])) { transposed = false; break }
            }
            if transposed { return "it is the transpose of the expected matrix" }
        }
        return nil
    }

    static func multiIndex(_ flat: Int, _ shape: [Int]) -> [Int] {
        var rest = flat
        var index = [Int](repeating: 0, count: shape.count)
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] > 0 {
            index[d] = rest % shape[d]
            rest /= shape[d]
        }
        return index
    }

    static func format(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return "\(x)" }
        let e = Int((log10(abs(x))).rounded(.down))
        let m = x / pow(10, Double(e))
        return "\((m * 100).rounded() / 100)e\(e)"
    }
}

#if canImport(Glibc)
import Glibc
#endif
