import NumericCore
import Testing

/// The BLAS path of `Tensor.matmul` against the triple loop `referenceMatmul`, computed in float64
/// from the same inputs (for float32 inputs too, so that the tolerance measures BLAS alone).
///
/// Error measure: `|C_ij - R_ij| / (|A_i,:| * |B_:,j|)`, the difference relative to the product of
/// the norms of the row and column involved, which bounds `sum_p |A_ip B_pj|` and therefore the
/// round-off of any summation order (relative error is meaningless on entries that cancel to ~0).
@Suite("matmul through BLAS")
struct TensorMatrixProductTests {
    /// (m, k, n): `op(a)` is (m, k), `op(b)` is (k, n).
    static let shapes: [(m: Int, k: Int, n: Int)] = [(1, 1, 1), (7, 5, 3), (2, 9, 1), (1, 6, 4), (200, 3072, 100)]
    static let transposes: [(a: Bool, b: Bool)] = [(false, false), (true, false), (false, true), (true, true)]

    /// float64: relative tolerance 1e-12 (round-off is ~sqrt(k) * 1.1e-16 = 6e-15 at k = 3072).
    static let float64Tolerance = 1e-12
    /// float32: relative tolerance 1e-5 (round-off is ~sqrt(k) * 6e-8 = 3.3e-6 at k = 3072).
    static let float32Tolerance = 1e-5

    @Test("float64, all four transpose combinations", arguments: shapes)
    func float64(m: Int, k: Int, n: Int) throws {
        try compareAllTransposes(Double.self, m: m, k: k, n: n, relativeTolerance: Self.float64Tolerance)
    }

    @Test("float32, all four transpose combinations", arguments: shapes)
    func float32(m: Int, k: Int, n: Int) throws {
        try compareAllTransposes(Float.self, m: m, k: k, n: n, relativeTolerance: Self.float32Tolerance)
    }

    func compareAllTransposes<S: NetScalar>(
        _: S.Type, m: Int, k: Int, n: Int, relativeTolerance: Double
    ) throws {
        var rng = RandomSource(seed: UInt32(m * 10_000 + k * 100 + n))
        let a: Tensor<S> = Tensor<Double>.randomNormal([m, k], using: &rng).converted()
        let b: Tensor<S> = Tensor<Double>.randomNormal([k, n], using: &rng).converted()
        let reference = Tensor<Double>.referenceMatmul(a.converted(), b.converted())
        let scale = normScale(a.converted(), b.converted())
        for (ta, tb) in Self.transposes {
            let storedA = ta ? transpose(a) : a, storedB = tb ? transpose(b) : b
            let c = try Tensor<S>.matmul(storedA, storedB, transposeA: ta, transposeB: tb)
            #expect(c.shape == [m, n], "transposeA \(ta), transposeB \(tb): shape \(c.shape)")
            if let worst = worstScaledError(c.converted(), reference, scale: scale) {
                #expect(worst.error <= relativeTolerance,
                        "\(S.dtypeName) (\(m), \(k)) x (\(k), \(n)), transposeA \(ta), transposeB \(tb): \(worst)")
            }
        }
    }

    @Test("rank-4 inputs are viewed as (N, D): x.reshape(N, -1) @ w and x.reshape(N, -1).T @ dout")
    func rank4() throws {
        var rng = RandomSource(seed: 231)
        let x = Tensor<Double>.randomNormal([4, 3, 4, 5], using: &rng)
        let w = Tensor<Double>.randomNormal([60, 7], using: &rng)
        let dout = Tensor<Double>.randomNormal([4, 7], using: &rng)
        let flat = try x.reshaped([4, 60])

        let out = try Tensor<Double>.matmul(x, w)
        #expect(out.shape == [4, 7])
        let outWorst = try #require(worstScaledError(out, .referenceMatmul(flat, w), scale: normScale(flat, w)))
        #expect(outWorst.error <= Self.float64Tolerance, "x @ w: \(outWorst)")

        let dw = try Tensor<Double>.matmul(x, dout, transposeA: true)
        #expect(dw.shape == [60, 7])
        let flatT = transpose(flat)
        let dwWorst = try #require(worstScaledError(dw, .referenceMatmul(flatT, dout), scale: normScale(flatT, dout)))
        #expect(dwWorst.error <= Self.float64Tolerance, "x.T @ dout: \(dwWorst)")
    }

    @Test("beta = 1 accumulates into out, in place")
    func accumulate() throws {
        var rng = RandomSource(seed: 1)
        let a = Tensor<Double>.randomNormal([6, 5], using: &rng)
        let b = Tensor<Double>.randomNormal([5, 4], using: &rng)
        let c0 = Tensor<Double>.randomNormal([6, 4], using: &rng)
        var out = c0
        out.scalars[0] = c0.scalars[0]  // make the buffer out's own before taking its address
        let before = out.scalars.withUnsafeBufferPointer { $0.baseAddress }
        try Tensor<Double>.matmul(a, b, into: &out, beta: 1)
        #expect(out.scalars.withUnsafeBufferPointer { $0.baseAddress } == before)
        var expected = Tensor<Double>.referenceMatmul(a, b)
        for i in 0..<expected.count { expected.scalars[i] += c0.scalars[i] }
        let worst = try #require(worstScaledError(out, expected, scale: normScale(a, b)))
        #expect(worst.error <= Self.float64Tolerance, "\(worst)")

        // A flat buffer with the right count takes the (m, n) shape and keeps its values.
        var flat = try c0.reshaped([24])
        try Tensor<Double>.matmul(a, b, into: &flat, beta: 1)
        #expect(flat == out)

        // With beta != 0 a buffer of another size cannot be accumulated into.
        var wrong = Tensor<Double>(zeros: [6, 5])
        #expect(throws: NumericError.self) { try Tensor<Double>.matmul(a, b, into: &wrong, beta: 1) }
    }

    @Test("beta = 0 ignores and overwrites stale contents, reusing the buffer")
    func overwrite() throws {
        var rng = RandomSource(seed: 2)
        let a = Tensor<Float>.randomNormal([3, 8], using: &rng)
        let b = Tensor<Float>.randomNormal([8, 2], using: &rng)
        var out = Tensor<Float>(zeros: [2, 3], value: .nan)  // right count, wrong shape, garbage
        let before = out.scalars.withUnsafeBufferPointer { $0.baseAddress }
        try Tensor<Float>.matmul(a, b, into: &out)
        #expect(out.shape == [3, 2])
        #expect(out.scalars.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(out.firstNonFiniteIndex == nil)
        let worst = try #require(worstScaledError(
            out.converted(), .referenceMatmul(a.converted(), b.converted()), scale: normScale(a.converted(), b.converted())))
        #expect(worst.error <= Self.float32Tolerance, "\(worst)")
    }

    @Test("k = 0 gives beta * out: zeros for beta = 0, out unchanged for beta = 1, halved for 0.5")
    func emptyInnerDimension() throws {
        let a = Tensor<Double>(zeros: [3, 0]), b = Tensor<Double>(zeros: [0, 4])
        let c0 = try Tensor<Double>(shape: [3, 4], scalars: (1...12).map(Double.init))
        var out = c0
        try Tensor<Double>.matmul(a, b, into: &out)
        #expect(out == Tensor<Double>(zeros: [3, 4]))
        out = c0
        try Tensor<Double>.matmul(a, b, into: &out, beta: 1)
        #expect(out == c0)
        out = c0
        try Tensor<Double>.matmul(a, b, into: &out, beta: 0.5)
        #expect(out.scalars == c0.scalars.map { $0 * 0.5 })
        // op(a) = a.T with a of shape (0, 3): still k = 0.
        #expect(try Tensor<Double>.matmul(Tensor<Double>(zeros: [0, 3]), b, transposeA: true) == Tensor<Double>(zeros: [3, 4]))
    }

    @Test("m = 0 or n = 0 gives an empty (m, n) result")
    func emptyOuterDimensions() throws {
        let r1 = try Tensor<Double>.matmul(Tensor<Double>(zeros: [0, 5]), Tensor<Double>(zeros: [5, 3], value: 1))
        #expect(r1.shape == [0, 3])
        let r2 = try Tensor<Float>.matmul(Tensor<Float>(zeros: [5, 0]), Tensor<Float>(zeros: [5, 3]), transposeA: true)
        #expect(r2.shape == [0, 3])
        let r3 = try Tensor<Double>.matmul(Tensor<Double>(zeros: [2, 5], value: 1), Tensor<Double>(zeros: [5, 0]))
        #expect(r3.shape == [2, 0])
    }

    @Test("a mismatched inner dimension throws", arguments: transposes)
    func mismatchedInner(transposeA: Bool, transposeB: Bool) {
        // op(a) is (4, 5); op(b) is (6, 3).
        let a = Tensor<Double>(zeros: transposeA ? [5, 4] : [4, 5])
        let b = Tensor<Double>(zeros: transposeB ? [3, 6] : [6, 3])
        let error = #expect(throws: NumericError.self) {
            try Tensor<Double>.matmul(a, b, transposeA: transposeA, transposeB: transposeB)
        }
        guard case .shapeMismatch(_, _, let got)? = error else {
            Issue.record("expected .shapeMismatch, got \(String(describing: error))")
            return
        }
        #expect(got == b.shape)
    }
}
