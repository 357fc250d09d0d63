import Foundation
import GradientCheck
import NumericCore

/// Measuring an answer against an expected value, and explaining a difference: which output, its
/// shape, the worst index, expected vs got, the error against the labelled tolerance, and a likely
/// cause where one is recognisable.
public enum Compare {
    /// The entry of `got` that exceeds its allowance under `tolerance`'s measure by the largest
    /// factor, with its error and allowance; nil when none does. Entries in `excluding` are not
    /// measured. NaN against a number counts as infinitely wrong; NaN against NaN as equal.
    /// `allowances` widens the bound entry by entry (a golden's printed precision); shapes must
    /// have the same number of entries.
    static func violation(
        _ got: Tensor<Double>, _ expected: Tensor<Double>, _ tolerance: ErrorBound, excluding: Set<Int> = [],
        allowances: [Double]? = nil
    ) -> (error: Double, bound: Double, index: Int)? {
        let errors = entryErrors(got, expected, tolerance)
        if case .sumOfAbsolute = tolerance {
            let total = errors.enumerated().reduce(0.0) { excluding.contains($1.offset) ? $0 : $0 + $1.element }
            let bound = max(tolerance.value, allowances?.reduce(0, +) ?? 0)
            let worst = errors.indices.max { errors[$0] < errors[$1] } ?? 0
            return total > bound ? (total, bound, worst) : nil
        }
        var found: (error: Double, bound: Double, index: Int)?
        var worstRatio = 1.0
        for i in errors.indices where !excluding.contains(i) {
            let bound = max(tolerance.value, allowances?[i] ?? 0)
            let ratio = bound > 0 ? errors[i] / bound : (errors[i] > 0 ? .infinity : 0)
            if ratio > worstRatio || (ratio.isInfinite && found == nil) {
                worstRatio = ratio
                found = (errors[i], bound, i)
            }
        }
        return found
    }

    /// Each entry's error under `tolerance`'s measure (0 where equal, infinity for NaN against a
    /// number).
    static func entryErrors(_ got: Tensor<Double>, _ expected: Tensor<Double>, _ tolerance: ErrorBound) -> [Double] {
        let scale = expected.scalars.reduce(0.0) { max($0, abs($1)) }
        return (0..<got.count).map { i in
            let a = got.scalars[i], b = expected.scalars[i]
            if a == b || (a.isNaN && b.isNaN) { return 0 }
            var e: Double
            switch tolerance {
            case .relative: e = RelativeError.of(a, b)
            case .absolute, .sumOfAbsolute, .statistic: e = abs(a - b)
            case .scaled: e = abs(a - b) / max(scale, ErrorBound.scaleFloor)
            }
            return e.isNaN ? .infinity : e
        }
    }

    /// How far each entry of a printed golden (`1.49834967`, `0.`) may be from the true value,
    /// in `tolerance`'s measure: half a unit in the last decimal the array is printed with (the
    /// most decimals any of its entries shows).
    static func printedPrecision(_ expected: Tensor<Double>, _ tolerance: ErrorBound) -> [Double] {
        let digits = expected.scalars.filter(\.isFinite).map(decimals).max() ?? 0
        let half = 0.5 * pow(10, -Double(digits))
        let scale = expected.scalars.reduce(0.0) { max($0, abs($1)) }
        return expected.scalars.map { b in
            switch tolerance {
            case .relative: half / max(1e-8, 2 * abs(b) - half, half)
            case .absolute, .sumOfAbsolute, .statistic: half
            case .scaled: half / max(scale, ErrorBound.scaleFloor)
            }
        }
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
    static func difference(_ got: Tensor<Double>, _ expected: Tensor<Double>, _ name: String, _ error: Double, _ bound: Double, _ index: Int, _ measure: ErrorBound) -> String {
        let at = Shape.describe(multiIndex(index, got.shape))
        return "\(name): \(measure.measure) \(format(error)) > \(format(bound)); worst at index \(at): expected \(expected.scalars[index]), got \(got.scalars[index])"
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
