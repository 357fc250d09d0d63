import NumericCore
import Testing

@Suite("Tensor constructions of the course notebooks")
struct TensorConstructionTests {
    /// (start, stop, num, checksum of the float64 bits, checksum of the float32 bits, values at
    /// positions 1, num/2, num-2, num-1). A checksum is the wrapping sum of the bit patterns, so
    /// any single value off by one ulp changes it. (A linspace computed as
    /// `start + i * (stop - start) / (num - 1)` differs from numpy in 49, 9, 1 and 2 values.)
    /// python3 -c "
    /// import numpy as np
    /// for (a, b, n) in ((-0.1, 0.5, 240), (-0.2, 0.3, 360), (0.6, 0.9, 20), (-0.5, 0.5, 12)):
    ///     y = np.linspace(a, b, n); f = y.astype(np.float32)
    ///     print(f'({a}, {b}, {n}, {int(y.view(np.uint64).sum(dtype=np.uint64))}, {int(f.view(np.uint32).astype(np.uint64).sum(dtype=np.uint64))}, {[y[i].hex() for i in (1, n//2, n-2, n-1)]}),')"
    static let linspaceCases: [(start: Double, stop: Double, count: Int, bits64: UInt64, bits32: UInt64, samples: [Double])] = [
        (-0.1, 0.5, 240, 14_247_994_801_031_941_988, 335_776_603_713,
         [-0x1.8f51310ec8165p-4, 0x1.9c2bb3bc4dfa7p-3, 0x1.fd6de5dd4b9f2p-2, 0x1.0000000000000p-1]),
        (-0.2, 0.3, 360, 11_210_214_672_239_837_817, 682_305_615_564,
         [-0x1.96bf64d4c9609p-3, 0x1.9f4e03233a0b8p-5, 0x1.31c618d0cb16bp-2, 0x1.3333333333333p-2]),
        (0.6, 0.9, 20, 18_311_636_084_888_436_737, 21_223_178_240,
         [0x1.3b48c20563b49p-1, 0x1.840ac7691840bp-1, 0x1.c4b73dfa9c4b8p-1, 0x1.ccccccccccccdp-1]),
        (-0.5, 0.5, 12, 18_269_056_597_502_388_401, 25_438_835_062,
         [-0x1.a2e8ba2e8ba2ep-2, 0x1.745d1745d1740p-5, 0x1.a2e8ba2e8ba30p-2, 0x1.0000000000000p-1]),
    ]

    @Test("linspace equals np.linspace bit for bit, in float64 and float32", arguments: linspaceCases)
    func linspace(start: Double, stop: Double, count: Int, bits64: UInt64, bits32: UInt64, samples: [Double]) throws {
        let y = try Tensor<Double>.linspace(start, stop, count: count)
        #expect(y.shape == [count])
        #expect(y.scalars.first == start && y.scalars.last == stop)
        let positions = [1, count / 2, count - 2, count - 1]
        for (p, value) in zip(positions, samples) {
            #expect(y.scalars[p].bitPattern == value.bitPattern,
                    "linspace(\(start), \(stop), \(count))[\(p)]: got \(hex(y.scalars[p])), numpy \(hex(value))")
        }
        #expect(y.scalars.reduce(UInt64(0)) { $0 &+ $1.bitPattern } == bits64)
        let f = try Tensor<Float>.linspace(start, stop, count: count)
        #expect(f.scalars.reduce(UInt64(0)) { $0 &+ UInt64($1.bitPattern) } == bits32)
    }

    @Test("linspace with a shape, one element, no element, and a shape of the wrong size")
    func linspaceShapes() throws {
        let grid = try Tensor<Double>.linspace(-0.5, 0.5, count: 12, shape: [3, 4])
        #expect(grid.shape == [3, 4])
        #expect(grid.scalars == (try Tensor<Double>.linspace(-0.5, 0.5, count: 12)).scalars)
        #expect(try Tensor<Double>.linspace(0.25, 9, count: 1).scalars == [0.25])  // numpy: [start]
        #expect(try Tensor<Double>.linspace(0.25, 9, count: 0).count == 0)
        let error = #expect(throws: NumericError.self) { try Tensor<Double>.linspace(0, 1, count: 12, shape: [5, 2]) }
        guard case .shapeMismatch(let operation, _, let got)? = error else {
            Issue.record("expected .shapeMismatch, got \(String(describing: error))")
            return
        }
        #expect(operation == "linspace" && got == [5, 2])
    }

    /// python3 -c "import numpy as np; np.random.seed(0); print([v.hex() for v in (1e-2*np.random.randn(2,3)).ravel()])"
    static let scaledNormal: [Double] = [
        0x1.2105b7d5fe10ep-6, 0x1.063f3d3b61a73p-8, 0x1.40b67e2a59fcap-7,
        0x1.6f25df82d0be9p-6, 0x1.31fb0f3a4a277p-6, -0x1.403c02aa7642ap-7,
    ]

    @Test("randomNormal is scale * np.random.randn(*shape)")
    func randomNormal() {
        var rng = RandomSource(seed: 0)
        let w = Tensor<Double>.randomNormal([2, 3], scale: 1e-2, using: &rng)
        #expect(w.shape == [2, 3])
        for i in 0..<6 {
            #expect(w.scalars[i].bitPattern == Self.scaledNormal[i].bitPattern,
                    "[\(i)]: got \(hex(w.scalars[i])), numpy \(hex(Self.scaledNormal[i]))")
        }
    }

    /// python3 -c "import numpy as np; np.random.seed(0); print([float(v).hex() for v in np.random.rand(5).astype(np.float32)])"
    static let uniformFloat32: [Float] = [
        0x1.18fe160000000p-1, 0x1.6e2d4c0000000p-1, 0x1.349d660000000p-1, 0x1.16faee0000000p-1, 0x1.b1d2900000000p-2,
    ]

    @Test("randomUniform in float32 is np.random.rand(*shape).astype(np.float32)")
    func randomUniformFloat32() {
        var rng = RandomSource(seed: 0)
        let u = Tensor<Float>.randomUniform([5, 1], using: &rng)
        #expect(u.shape == [5, 1])
        for i in 0..<5 {
            #expect(u.scalars[i].bitPattern == Self.uniformFloat32[i].bitPattern,
                    "[\(i)]: got \(u.scalars[i]), numpy \(Self.uniformFloat32[i])")
        }
    }
}
