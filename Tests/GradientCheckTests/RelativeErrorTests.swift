import GradientCheck
import NumericCore
import Testing

/// The course's `rel_error`: max |x - y| / max(1e-8, |x| + |y|).
@Suite("RelativeError")
struct RelativeErrorTests {
    /// (x, y, expected), worked out by hand. Exact where the arithmetic is exact.
    static let exactCases: [(Double, Double, Double)] = [
        (1, 1, 0),          // equal
        (0, 0, 0),          // both zero: 0, not 0 / 1e-8 of a NaN
        (-0.0, 0, 0),
        (1, 3, 0.5),        // 2 / 4
        (3, 1, 0.5),        // symmetric
        (-2, -6, 0.5),      // 4 / 8
        (-1, 1, 1),         // opposite signs: 2 / 2
        (0, 5, 1),          // one zero: |y| / |y|
        (0, 1e-8, 1),       // exactly at the floor: 1e-8 / max(1e-8, 1e-8)
        (0x1p-20, 0x1p-19, 0x1p-20 / (3 * 0x1p-20)),  // 2^-20 + 2^-19 is above the floor: 1/3
    ]

    @Test("hand-computed values", arguments: exactCases)
    func handComputed(x: Double, y: Double, expected: Double) {
        #expect(RelativeError.of(x, y) == expected)
        #expect(RelativeError.of(y, x) == expected)
    }

    /// Below the floor the denominator is 1e-8, not |x| + |y|. Relative tolerance 1e-15 (one
    /// division's rounding).
    @Test("the 1e-8 floor of the denominator",
          arguments: [
            (0.0, 2e-9, 0.2),        // 2e-9 / 1e-8 (without the floor: 1)
            (1e-9, 3e-9, 0.2),       // 2e-9 / 1e-8 (without the floor: 0.5)
            (-1e-9, 1e-9, 0.2),      // 2e-9 / 1e-8 (without the floor: 1)
            (0.0, 0x1p-30, 0.09313225746154785),  // 2^-30 = 9.313225746154785e-10
          ] as [(Double, Double, Double)])
    func floor(x: Double, y: Double, expected: Double) {
        #expect(RelativeError.floor == 1e-8)
        let e = RelativeError.of(x, y)
        #expect(abs(e - expected) <= 1e-15 * expected, "rel_error(\(x), \(y)) = \(e), expected \(expected)")
    }

    @Test("worst finds the largest error and where it is; NaN counts as infinite")
    func worst() throws {
        // Errors: 0, 0.2 / 4.2 = 0.0476, 0.5 / 6.5 = 0.0769, 0.1 / 8.1 = 0.0123.
        let w = try #require(RelativeError.worst([1, 2, 3, 4], [1, 2.2, 3.5, 4.1]))
        #expect(w.index == 2)
        #expect(abs(w.error - 0.5 / 6.5) <= 1e-15, "relative error \(w.error)")
        let nan = try #require(RelativeError.worst([1, .nan, 3], [1, 2, 30]))
        #expect(nan.index == 1)
        #expect(nan.error == .infinity)
        #expect(RelativeError.worst([], []) == nil)
    }

    @Test("tensor form: the maximum over entries, any precision, NaN as infinite")
    func tensors() throws {
        let x = try Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])
        let y = try Tensor<Double>(shape: [2, 2], scalars: [1, 2.2, 3.5, 4.1])
        #expect(abs(RelativeError.of(x, y) - 0.5 / 6.5) <= 1e-15)
        #expect(RelativeError.of(x, x) == 0)
        // float32 0.1 vs float64 0.1, compared in float64:
        // python3 -c "import numpy as np; a = float(np.float32(0.1)); print(repr(abs(a - 0.1) / (a + 0.1)))"
        let f = Tensor<Float>([0.1]), d = Tensor<Double>([0.1])
        #expect(RelativeError.of(f, d) == 7.450580513657101e-09)
        var withNaN = y
        withNaN.scalars[1] = .nan
        #expect(RelativeError.of(x, withNaN) == .infinity)
    }
}
