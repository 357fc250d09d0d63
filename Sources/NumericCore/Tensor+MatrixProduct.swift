/// Matrix products through BLAS. A tensor of shape (N, d1, ..., dk) is viewed as the matrix
/// (N, d1 * ... * dk), which is exactly the course's `x.reshape(N, -1)`.
extension Tensor {
    /// `out = op(a) @ op(b) + beta * out`, where `op` transposes when asked.
    ///
    /// Shapes: `op(a)` (m, k), `op(b)` (k, n), `out` becomes (m, n) (its buffer is reused when it
    /// already holds m * n elements). With `beta == 0` the previous contents are ignored.
    public static func matmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
        into out: inout Tensor, beta: Scalar = 0,
        operation: String = "matmul"
    ) throws(NumericError) {
        let (aRows, aCols) = (a.rowCount, a.rowWidth)
        let (bRows, bCols) = (b.rowCount, b.rowWidth)
        let (m, k) = transposeA ? (aCols, aRows) : (aRows, aCols)
        let (kb, n) = transposeB ? (bCols, bRows) : (bRows, bCols)
        guard k == kb else {
            throw .shapeMismatch(
                operation: operation, expected: "a second operand with \(k) \(transposeB ? "columns" : "rows")",
                got: b.shape)
        }
        if beta != 0 {
            guard out.count == m * n else {
                throw .shapeMismatch(operation: operation, expected: Shape.describe([m, n]), got: out.shape)
            }
            if out.shape != [m, n] { out.resize(to: [m, n]) }
        } else {
            out.resize(to: [m, n])
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            // op(a) @ op(b) is all zeros: out = beta * out (BLAS is not called with k = 0).
            if beta != 1 { for i in 0..<out.count { out.scalars[i] = beta == 0 ? 0 : beta * out.scalars[i] } }
            return
        }
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                out.scalars.withUnsafeMutableBufferPointer { pc in
                    Scalar.gemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: 1, a: pa.baseAddress!, lda: aCols, b: pb.baseAddress!, ldb: bCols,
                        beta: beta, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// `op(a) @ op(b)` as a new tensor.
    public static func matmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
    ) throws(NumericError) -> Tensor {
        var out = Tensor(zeros: [0])
        try matmul(a, b, transposeA: transposeA, transposeB: transposeB, into: &out)
        return out
    }

    /// The textbook triple loop, `a (m, k) @ b (k, n)`: the oracle the BLAS path is tested against.
    public static func referenceMatmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        let (m, k, n) = (a.rowCount, a.rowWidth, b.rowWidth)
        precondition(b.rowCount == k, "referenceMatmul: inner dimensions differ")
        var out = Tensor(zeros: [m, n])
        for i in 0..<m {
            for j in 0..<n {
                var sum: Scalar = 0
                for p in 0..<k { sum += a.scalars[i * k + p] * b.scalars[p * n + j] }
                out.scalars[i * n + j] = sum
            }
        }
        return out
    }
}
