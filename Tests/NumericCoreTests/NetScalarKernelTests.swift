import NumericCore
import Testing

/// The fused C update kernels against the scalar formulas written in `gc_kernels.c`, evaluated
/// here one element at a time in the same operation order. The kernels are built with
/// `-ffp-contract=off` and square roots and divisions are correctly rounded in every SIMD
/// version, so the comparison is exact (bit for bit) whatever vector width and tail length runs.
/// Each buffer has one guard element past `count` that must stay untouched.
@Suite("Fused update kernels")
struct NetScalarKernelTests {
    /// 0 and 1 (no vector body), 7, 8, 9 (around an AVX2 float64 / SSE float32 width and its
    /// tail), 1000 (long body, tail of 8 for AVX-512 float64 and float32 both).
    static let counts = [0, 1, 7, 8, 9, 1000]

    struct Buffers<S: NetScalar> {
        var w: [S], m: [S], v: [S], g: [S]
    }

    /// count + 1 elements each (the last is a guard), seeded; v is a second moment, so >= 0.
    /// Every fifth entry has g = v = 0, where the update is decided by epsilon alone.
    static func buffers<S: NetScalar>(_: S.Type, count: Int, seed: UInt32) -> Buffers<S> {
        var rng = RandomSource(seed: seed)
        func draw(_ f: (inout RandomSource) -> Double) -> [S] { (0...count).map { _ in S(f(&rng)) } }
        var b = Buffers(
            w: draw { $0.standardNormal() }, m: draw { 0.1 * $0.standardNormal() },
            v: draw { 0.01 * $0.uniform() }, g: draw { $0.standardNormal() })
        for i in stride(from: 3, to: count, by: 5) {
            b.g[i] = 0
            b.v[i] = 0
        }
        return b
    }

    @Test("adamKernel (float64) equals the scalar formula", arguments: counts)
    func adamFloat64(count: Int) {
        adam(Double.self, count: count)
    }

    @Test("adamKernel (float32) equals the scalar formula", arguments: counts)
    func adamFloat32(count: Int) {
        adam(Float.self, count: count)
    }

    @Test("rmspropKernel (float64) equals the scalar formula", arguments: counts)
    func rmspropFloat64(count: Int) {
        rmsprop(Double.self, count: count)
    }

    @Test("rmspropKernel (float32) equals the scalar formula", arguments: counts)
    func rmspropFloat32(count: Int) {
        rmsprop(Float.self, count: count)
    }

    func adam<S: NetScalar>(_: S.Type, count: Int) {
        let start = Self.buffers(S.self, count: count, seed: UInt32(count) + 11)
        let (lr, beta1, beta2, eps): (S, S, S, S) = (1e-3, 0.9, 0.999, 1e-8)
        let c1 = 1 / (1 - beta1 * beta1 * beta1), c2 = 1 / (1 - beta2 * beta2 * beta2)  // t = 3

        // Expected: w -= lr * (m * c1) / (sqrt(v * c2) + eps) after the moment updates.
        var expected = start
        for i in 0..<count {
            let g = start.g[i]
            let m = beta1 * start.m[i] + (1 - beta1) * g
            let v = beta2 * start.v[i] + (1 - beta2) * g * g
            expected.m[i] = m
            expected.v[i] = v
            expected.w[i] = start.w[i] - lr * (m * c1) / ((v * c2).squareRoot() + eps)
        }

        var got = start
        got.w.withUnsafeMutableBufferPointer { w in
            got.m.withUnsafeMutableBufferPointer { m in
                got.v.withUnsafeMutableBufferPointer { v in
                    got.g.withUnsafeBufferPointer { g in
                        S.adamKernel(
                            count: count, w: w.baseAddress!, m: m.baseAddress!, v: v.baseAddress!, g: g.baseAddress!,
                            learningRate: lr, beta1: beta1, beta2: beta2, correction1: c1, correction2: c2, epsilon: eps)
                    }
                }
            }
        }
        expectIdentical(got.w, expected.w, "\(S.dtypeName) adam w, count \(count)")
        expectIdentical(got.m, expected.m, "\(S.dtypeName) adam m, count \(count)")
        expectIdentical(got.v, expected.v, "\(S.dtypeName) adam v, count \(count)")
        if count > 0 {
            #expect(got.w[0] != start.w[0], "the kernel did not update w")
        }
    }

    func rmsprop<S: NetScalar>(_: S.Type, count: Int) {
        let start = Self.buffers(S.self, count: count, seed: UInt32(count) + 23)
        let (lr, decay, eps): (S, S, S) = (1e-2, 0.99, 1e-8)

        // Expected: cache = decay * cache + (1 - decay) * g^2; w -= lr * g / (sqrt(cache) + eps).
        var expected = start
        for i in 0..<count {
            let g = start.g[i]
            let cache = decay * start.v[i] + (1 - decay) * g * g
            expected.v[i] = cache
            expected.w[i] = start.w[i] - lr * g / (cache.squareRoot() + eps)
        }

        var got = start
        got.w.withUnsafeMutableBufferPointer { w in
            got.v.withUnsafeMutableBufferPointer { cache in
                got.g.withUnsafeBufferPointer { g in
                    S.rmspropKernel(
                        count: count, w: w.baseAddress!, cache: cache.baseAddress!, g: g.baseAddress!,
                        learningRate: lr, decayRate: decay, epsilon: eps)
                }
            }
        }
        expectIdentical(got.w, expected.w, "\(S.dtypeName) rmsprop w, count \(count)")
        expectIdentical(got.v, expected.v, "\(S.dtypeName) rmsprop cache, count \(count)")
        expectIdentical(got.m, start.m, "\(S.dtypeName) rmsprop must not touch other buffers")
        if count > 0 {
            #expect(got.w[0] != start.w[0], "the kernel did not update w")
        }
    }

    @Test("scaledCopySumOfSquares (float64): out = scale * w, and sum(w^2) in 8 interleaved partial sums",
          arguments: counts + [17])
    func scaledCopyFloat64(count: Int) {
        scaledCopy(Double.self, count: count)
    }

    @Test("scaledCopySumOfSquares (float32): out = scale * w, and sum(w^2) in 8 interleaved partial sums",
          arguments: counts + [17])
    func scaledCopyFloat32(count: Int) {
        scaledCopy(Float.self, count: count)
    }

    func scaledCopy<S: NetScalar>(_: S.Type, count: Int) {
        let w = Self.buffers(S.self, count: count, seed: UInt32(count) + 37).w
        let scale: S = 0.37
        // Expected: lane k accumulates w[i]^2 for i = k mod 8, in S; lanes combined pairwise.
        var lanes = [S](repeating: 0, count: 8)
        for i in 0..<count { lanes[i % 8] += w[i] * w[i] }
        let expectedSum = Double(((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7])))
        var expectedOut = [S](repeating: -7, count: count + 1)  // -7: the guard
        for i in 0..<count { expectedOut[i] = scale * w[i] }

        var out = [S](repeating: -7, count: count + 1)
        let sum = w.withUnsafeBufferPointer { pw in
            out.withUnsafeMutableBufferPointer { po in
                S.scaledCopySumOfSquares(count: count, w: pw.baseAddress!, out: po.baseAddress!, scale: scale)
            }
        }
        #expect(sum.bitPattern == expectedSum.bitPattern, "\(S.dtypeName) count \(count): sum \(sum), expected \(expectedSum)")
        expectIdentical(out, expectedOut, "\(S.dtypeName) scaled copy, count \(count)")
        // And it is sum(w^2) up to round-off: relative tolerance 1e-5 (float32) against float64.
        let plain = (0..<count).reduce(0.0) { $0 + Double(w[$1]) * Double(w[$1]) }
        #expect(abs(sum - plain) <= 1e-5 * plain)
    }

    /// (count, positions of non-finite values): in the 8-wide body, in the tail, several (the
    /// first wins), none.
    static let nonFiniteCases: [(count: Int, positions: [Int])] = [
        (0, []), (1, [0]), (7, [6]), (8, [7]), (9, [8]), (9, []), (17, [3, 16]), (1000, []),
        (1000, [999]), (1000, [517, 600]), (1000, [8, 0]),
    ]

    @Test("firstNonFinite finds the first NaN or infinity", arguments: nonFiniteCases)
    func firstNonFinite(count: Int, positions: [Int]) {
        for bad in [Double.nan, .infinity, -.infinity] {
            var x = (0...count).map { Double($0) - 500 }
            x[count] = .nan  // guard past the end: must not be seen
            for p in positions { x[p] = bad }
            let found = x.withUnsafeBufferPointer { Double.firstNonFinite(count: count, $0.baseAddress!) }
            #expect(found == positions.min(), "float64 \(bad), count \(count), at \(positions): found \(String(describing: found))")
            let xf = x.map(Float.init)
            let foundF = xf.withUnsafeBufferPointer { Float.firstNonFinite(count: count, $0.baseAddress!) }
            #expect(foundF == positions.min(), "float32 \(bad), count \(count), at \(positions): found \(String(describing: foundF))")
            #expect(Tensor<Double>(Array(x[0..<count])).firstNonFiniteIndex == positions.min())
        }
        // The largest finite values are not flagged.
        let big = [Double](repeating: .greatestFiniteMagnitude, count: 9)
        #expect(big.withUnsafeBufferPointer { Double.firstNonFinite(count: 9, $0.baseAddress!) } == nil)
        let bigF = [Float](repeating: .greatestFiniteMagnitude, count: 9)
        #expect(bigF.withUnsafeBufferPointer { Float.firstNonFinite(count: 9, $0.baseAddress!) } == nil)
    }

    /// Bit-for-bit equality, reporting the first differing index (the guard is the last one).
    func expectIdentical<S: NetScalar>(_ got: [S], _ expected: [S], _ what: String) {
        #expect(got.count == expected.count)
        if let i = got.indices.first(where: { !sameBits(got[$0], expected[$0]) }) {
            let position = i == got.count - 1 ? "guard element \(i)" : "index \(i)"
            Issue.record("\(what): first difference at \(position): got \(got[i]), expected \(expected[i])")
        }
    }
}

/// Equal sign, exponent and significand bits (so +0 and -0 differ, and NaNs compare by payload).
func sameBits<S: BinaryFloatingPoint>(_ a: S, _ b: S) -> Bool {
    a.sign == b.sign && a.exponentBitPattern == b.exponentBitPattern && a.significandBitPattern == b.significandBitPattern
}
