import Foundation
import NumericCore

// Functions with known derivatives, seeded inputs, and a comparison that names the worst index.

/// A seeded tensor with normal entries (`scale * randn(*shape)`).
func normalTensor(_ shape: [Int], scale: Double = 1, seed: UInt32) -> Tensor<Double> {
    var rng = RandomSource(seed: seed)
    return .randomNormal(shape, scale: scale, using: &rng)
}

/// A seeded tensor with entries uniform in [low, high).
func uniformTensor(_ shape: [Int], in range: ClosedRange<Double>, seed: UInt32) -> Tensor<Double> {
    var rng = RandomSource(seed: seed)
    var t = Tensor<Double>.randomUniform(shape, using: &rng)
    for i in 0..<t.count { t.scalars[i] = range.lowerBound + (range.upperBound - range.lowerBound) * t.scalars[i] }
    return t
}

/// `x` with `f` applied to every element.
func map<S: NetScalar>(_ x: Tensor<S>, _ f: (S) -> S) -> Tensor<S> {
    var out = x
    for i in 0..<out.count { out.scalars[i] = f(out.scalars[i]) }
    return out
}

/// sum(x^2); gradient 2x.
func sumOfSquares(_ x: Tensor<Double>) -> Double { x.scalars.reduce(0) { $0 + $1 * $1 } }
/// sum(sin(x)); gradient cos(x).
func sumOfSines(_ x: Tensor<Double>) -> Double { x.scalars.reduce(0) { $0 + sin($1) } }
/// sum(sin(x)) with compensated (Kahan) summation: its round-off stays ~1e-16 |f| however many
/// terms there are, where a running sum of 10,000 terms carries ~1e-12.
func compensatedSumOfSines(_ x: Tensor<Double>) -> Double {
    var sum = 0.0, carry = 0.0
    for v in x.scalars {
        let y = sin(v) - carry
        let t = sum + y
        carry = (t - sum) - y
        sum = t
    }
    return sum
}
/// sum(relu(x)); the course's gradient (x > 0).
func sumOfRelu(_ x: Tensor<Double>) -> Double { x.scalars.reduce(0) { $0 + max(0, $1) } }

/// The flat index where two values differ most, with the multi-index of the (N, D) view for reports.
struct Mismatch: CustomStringConvertible {
    var flatIndex: Int
    var got: Double
    var expected: Double
    var difference: Double
    var description: String { "worst at flat index \(flatIndex): got \(got), expected \(expected), |difference| \(difference)" }
}

/// The largest `|got - expected|` (NaN counts as infinite); nil when both are empty.
func worstAbsoluteDifference(_ got: [Double], _ expected: [Double]) -> Mismatch? {
    precondition(got.count == expected.count)
    var worst: Mismatch?
    for i in got.indices {
        var d = abs(got[i] - expected[i])
        if d.isNaN { d = .infinity }
        if worst == nil || d > worst!.difference {
            worst = Mismatch(flatIndex: i, got: got[i], expected: expected[i], difference: d)
        }
    }
    return worst
}

/// Multi-index of a flat row-major index, computed independently of the checker.
func unflatten(_ flat: Int, _ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    for d in stride(from: shape.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
    return strides.map { s in (flat / s) }.enumerated().map { d, q in d == 0 ? q : q % shape[d] }
}

/// The flat indices at which `probe` differs from `x` (what a numerical gradient perturbed).
func perturbedIndices<S: NetScalar>(_ probe: Tensor<S>, from x: Tensor<S>) -> [Int] {
    (0..<x.count).filter { probe.scalars[$0] != x.scalars[$0] }
}
