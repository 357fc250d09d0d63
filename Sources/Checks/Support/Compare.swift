import Foundation
import GradientCheck
import NumericCore

/// Measuring an answer against an expected value, and explaining a difference: which output, its
/// shape, the worst index, expected vs got, the error against the labelled tolerance, and a likely
/// cause where one is recognisable.
public enum Compare {
    /// The largest error of `got` against `expected` under `tolerance`'s measure, and where (a
    /// flat index); entries in `excluding` are not measured. NaN against a number counts as
    /// infinitely wrong; NaN against NaN as equal. Shapes must have the same number of entries.
    static func worst(_ got: Tensor<Double>, _ expected: Tensor<Double>, _ tolerance: ErrorBound, excluding: Set<Int> = []) -> (error: Double, index: Int) {
        var best = (0.0, 0)
        var sum = 0.0
        let scale = expected.scalars.reduce(0.0) { max($0, abs($1)) }
        for i in 0..<got.count where !excluding.contains(i) {
            let a = got.scalars[i], b = expected.scalars[i]
            if a == b || (a.isNaN && b.isNaN) { continue }
            var e: Double
            switch tolerance {
            case .relative: e = RelativeError.of(a, b)
            case .absolute, .sumOfAbsolute, .statistic: e = abs(a - b)
            case .scaled: e = abs(a - b) / max(scale, Double.leastNormalMagnitude)
            }
            if e.isNaN { e = .infinity }
            sum += e
            if e > best.0 { best = (e, i) }
        }
        if case .sumOfAbsolute = tolerance { return (sum, best.1) }
        return best
    }

    /// How far from the true values `expected` may be because it was printed with few digits (the
    /// notebooks' goldens: `1.49834967`), in `tolerance`'s measure: half a unit in the last
    /// printed decimal of each entry. Negligible (about 1e-16) for arrays recorded in full.
    static func printedPrecision(_ expected: Tensor<Double>, _ tolerance: ErrorBound) -> Double {
        var bound = 0.0, sum = 0.0
        let scale = expected.scalars.reduce(0.0) { max($0, abs($1)) }
        for b in expected.scalars where b.isFinite {
            let half = 0.5 * pow(10, -Double(decimals(b)))
            let e: Double = switch tolerance {
            case .relative: half / max(1e-8, 2 * abs(b) - half)
            case .absolute, .sumOfAbsolute, .statistic: half
            case .scaled: half / max(scale, Double.leastNormalMagnitude)
            }
            bound = max(bound, e)
            sum += half
        }
        if case .sumOfAbsolute = tolerance { return sum }
        return bound
    }

    /// The decimals `x` is written with in its shortest round-trip form: `1.49834967` has 8,
    /// `3.0` has 0, `1e-05` has 5, `1.25e-07` has 9.
    static func decimals(_ x: Double) -> Int {
        let text = "\(abs(x))"
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var fraction = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return max(0, fraction.count - exponent)
    }

    /// Shapes numpy treats alike when comparing or broadcasting: equal once leading 1s are dropped
    /// (`(1, D)` and `(D,)`), with the same number of entries.
    public static func equivalentShapes(_ a: [Int], _ b: [Int]) -> Bool {
        func trimmed(_ s: [Int]) -> ArraySlice<Int> { s.drop { $0 == 1 } }
        return a != b && trimmed(a) == trimmed(b)
    }

    /// Why `got` cannot be compared with `expected` at all: a different shape.
    static func shapeMismatch(_ got: Tensor<Double>, _ expected: Tensor<Double>, _ name: String) -> String {
        var message = "\(name) has shape \(Shape.describe(got.shape)), expected \(Shape.describe(expected.shape))"
        if got.shape.reversed() == expected.shape { message += ": it looks transposed" }
        else if got.count == expected.count { message += ": same number of entries, wrong reshape" }
        return message
    }

    /// `out: relative error 3.2e-3 > 1.0e-6; worst at index (1, 2): expected 0.5, got 0.49`.
    static func difference(_ got: Tensor<Double>, _ expected: Tensor<Double>, _ name: String, _ error: Double, _ index: Int, _ bound: ErrorBound) -> String {
        let at = Shape.describe(multiIndex(index, got.shape))
        return "\(name): \(bound.measure) \(format(error)) > \(format(bound.value)); worst at index \(at): expected \(expected.scalars[index]), got \(got.scalars[index])"
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

    /// `3.2e-3`: two decimals of mantissa.
    public static func format(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return "\(x)" }
        let e = Int((log10(abs(x))).rounded(.down))
        let m = x / pow(10, Double(e))
        return "\((m * 100).rounded() / 100)e\(e)"
    }
}
