import NumericCore

// Helpers shared by the numeric-core tests: naive reference operations and mismatch reports that
// name the worst index.

/// `float.hex`-style spelling, so that a mismatch shows the bits that differ.
func hex(_ x: Double) -> String {
    let sign = x.sign == .minus ? "-" : ""
    guard x.isFinite, x != 0 else { return "\(x)" }
    let significand = x.significandBitPattern
    let digits = String(significand, radix: 16)
    let padded = String(repeating: "0", count: 13 - digits.count) + digits
    return "\(sign)0x1.\(padded)p\(x.exponent)"
}

/// The transpose of the (N, D) view, by a naive loop.
func transpose<S: NetScalar>(_ x: Tensor<S>) -> Tensor<S> {
    let (rows, cols) = (x.rowCount, x.rowWidth)
    var out = Tensor<S>(zeros: [cols, rows])
    for i in 0..<rows { for j in 0..<cols { out.scalars[j * rows + i] = x.scalars[i * cols + j] } }
    return out
}

/// `|A_i,:| * |B_:,j|` for every (i, j) of `a (m, k) @ b (k, n)`, flattened row-major.
func normScale(_ a: Tensor<Double>, _ b: Tensor<Double>) -> [Double] {
    let (m, k, n) = (a.rowCount, a.rowWidth, b.rowWidth)
    let rowNorms = (0..<m).map { i in (0..<k).reduce(0.0) { $0 + a.scalars[i * k + $1] * a.scalars[i * k + $1] }.squareRoot() }
    let colNorms = (0..<n).map { j in (0..<k).reduce(0.0) { $0 + b.scalars[$1 * n + j] * b.scalars[$1 * n + j] }.squareRoot() }
    return (0..<(m * n)).map { rowNorms[$0 / n] * colNorms[$0 % n] }
}

/// The entry where `|got - expected| / scale` is largest (nil for empty tensors).
struct ScaledMismatch: CustomStringConvertible {
    var index: [Int]
    var got: Double
    var expected: Double
    var error: Double
    var description: String {
        "worst at index \(index): got \(got), expected \(expected), scaled error \(error)"
    }
}

func worstScaledError(_ got: Tensor<Double>, _ expected: Tensor<Double>, scale: [Double]) -> ScaledMismatch? {
    precondition(got.count == expected.count && got.count == scale.count)
    var worst: ScaledMismatch?
    let width = Swift.max(got.rowWidth, 1)
    for i in 0..<got.count {
        let difference = abs(got.scalars[i] - expected.scalars[i])
        var error = difference == 0 ? 0 : difference / scale[i]
        if error.isNaN { error = .infinity }
        if worst == nil || error > worst!.error {
            worst = ScaledMismatch(index: [i / width, i % width], got: got.scalars[i], expected: expected.scalars[i], error: error)
        }
    }
    return worst
}
