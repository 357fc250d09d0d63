import Foundation
import GradientCheck
import NumericCore
import Testing

/// Central differences on functions whose derivatives are known in closed form.
@Suite("NumericalGradient")
struct NumericalGradientTests {
    /// float64 with h = 1e-5: round-off ~1e-16 * |f| / h (|f| <= ~30 here) plus truncation
    /// h^2 |f'''| / 6 ~ 2e-11, so absolute tolerance 1e-8.
    static let float64Tolerance = 1e-8

    @Test("sum(x^2) -> 2x")
    func squares() throws {
        let x = normalTensor([3, 4], seed: 1)
        let numeric = try NumericalGradient.ofScalarFunction(sumOfSquares, at: x)
        #expect(numeric.shape == [3, 4])
        let worst = try #require(worstAbsoluteDifference(numeric.scalars, x.scalars.map { 2 * $0 }))
        #expect(worst.difference <= Self.float64Tolerance, "\(worst)")
    }

    @Test("sum(sin(x)) -> cos(x)")
    func sines() throws {
        let x = normalTensor([2, 3, 4], seed: 2)
        let numeric = try NumericalGradient.ofScalarFunction(sumOfSines, at: x)
        #expect(numeric.shape == [2, 3, 4])
        let worst = try #require(worstAbsoluteDifference(numeric.scalars, x.scalars.map(cos)))
        #expect(worst.difference <= Self.float64Tolerance, "\(worst)")
    }

    @Test("array function x -> x * x with upstream df -> 2 x df")
    func arrayFunction() throws {
        let x = normalTensor([4, 5], seed: 3), df = normalTensor([4, 5], seed: 4)
        let numeric = try NumericalGradient.ofArrayFunction({ map($0) { $0 * $0 } }, at: x, upstream: df)
        let expected = (0..<x.count).map { 2 * x.scalars[$0] * df.scalars[$0] }
        let worst = try #require(worstAbsoluteDifference(numeric.scalars, expected))
        #expect(worst.difference <= Self.float64Tolerance, "\(worst)")
    }

    /// float32 with h = 1e-2: output round-off ~6e-8 * |x^2 df| / 2e-2 and the rounded step
    /// ~6e-8 * |x|, so absolute tolerance 1e-4 on values of size ~1.
    @Test("array function in float32")
    func arrayFunctionFloat32() throws {
        let x: Tensor<Float> = normalTensor([3, 7], seed: 5).converted()
        let df: Tensor<Float> = normalTensor([3, 7], seed: 6).converted()
        let numeric = try NumericalGradient.ofArrayFunction({ map($0) { $0 * $0 } }, at: x, upstream: df, step: 1e-2)
        let expected = (0..<x.count).map { 2 * Double(x.scalars[$0]) * Double(df.scalars[$0]) }
        let worst = try #require(worstAbsoluteDifference(numeric.scalars, expected))
        #expect(worst.difference <= 1e-4, "\(worst)")
    }

    @Test("an array function whose output is not shaped like df throws")
    func arrayShapeMismatch() {
        let x = normalTensor([4], seed: 7), df = normalTensor([2, 2], seed: 8)
        #expect(throws: NumericError.self) {
            try NumericalGradient.ofArrayFunction({ $0 }, at: x, upstream: df)
        }
    }

    @Test("f(x) once, then every evaluation moves exactly one entry by +h or -h; the caller's x is untouched")
    func perturbsOneEntryAtATime() throws {
        let x = normalTensor([3, 4], seed: 9)
        let copy = x
        var moves: [(index: Int, delta: Double)] = []
        var unperturbed = 0
        _ = try NumericalGradient.ofScalarFunction({ probe in
            let changed = perturbedIndices(probe, from: x)
            switch changed.count {
            case 0: unperturbed += 1
            case 1: moves.append((changed[0], probe.scalars[changed[0]] - x.scalars[changed[0]]))
            default: Issue.record("an evaluation changed \(changed.count) entries: \(changed)")
            }
            return sumOfSquares(probe)
        }, at: x, step: 1e-5)
        #expect(x == copy)
        #expect(unperturbed == 1, "f(x) itself is evaluated once (for the one-sided slopes)")
        #expect(moves.map(\.index) == (0..<12).flatMap { [$0, $0] })
        for (k, move) in moves.enumerated() {
            let expected = k % 2 == 0 ? 1e-5 : -1e-5
            // The perturbed value x + h is rounded to float64: relative tolerance 1e-9 on h.
            #expect(abs(move.delta - expected) <= 1e-9 * 1e-5, "evaluation \(k) at \(move.index): moved by \(move.delta)")
        }
    }

    /// In float32, 0.1 + 1e-5 and 0.1 - 1e-5 round to floats whose distance is not 2e-5; the
    /// estimate divides by the step actually taken, so a linear function's slope comes out exact.
    @Test("float32 divides by the step actually taken")
    func float32StepTaken() throws {
        let x = Tensor<Float>([0.1])
        let plus = Double(Float(Double(Float(0.1)) + 1e-5)), minus = Double(Float(Double(Float(0.1)) - 1e-5))
        try #require(plus - minus != 2e-5, "the test needs a step that rounding changes")
        let numeric = try NumericalGradient.ofScalarFunction({ 3 * Double($0.scalars[0]) }, at: x, step: 1e-5)
        // 3 p - 3 m is exact in float64, so the quotient is exactly 3 (a 2h denominator is 4e-4 off).
        #expect(numeric.scalars == [3])
    }

    /// sum(x^2) at x_i = 2 with h = 1e-3: forward slope ((2 + h)^2 - 4) / h = 4 + h, backward
    /// (4 - (2 - h)^2) / h = 4 - h, central 4. Absolute tolerance 1e-9 (round-off ~1e-16 * |f| / h).
    @Test("entries give the central difference and both one-sided slopes, at the indices asked for")
    func differences() throws {
        let x = try Tensor<Double>(shape: [2, 2], scalars: [0.5, -1, 2, 3])
        let d = try NumericalGradient.entries(sumOfSquares, at: x, indices: [2, 0], step: 1e-3)
        #expect(d.indices == [2, 0])
        let expected: [(central: Double, forward: Double, backward: Double)] = [(4, 4.001, 3.999), (1, 1.001, 0.999)]
        for (k, e) in expected.enumerated() {
            #expect(abs(d.values[k] - e.central) <= 1e-9, "central \(k): \(d.values[k])")
            #expect(abs(d.forwardSlopes[k] - e.forward) <= 1e-9, "forward \(k): \(d.forwardSlopes[k])")
            #expect(abs(d.backwardSlopes[k] - e.backward) <= 1e-9, "backward \(k): \(d.backwardSlopes[k])")
        }
        let dense = d.gradient(shape: [2, 2])
        #expect(dense.scalars[1] == 0 && dense.scalars[3] == 0)  // not evaluated
        #expect(dense.scalars[2] == d.values[0] && dense.scalars[0] == d.values[1])
    }

    @Test("array entries weight each output's difference by df")
    func arrayEntries() throws {
        // f(x) = [x0 * x1, x1^2]; df = [3, -2]; d/dx1 sum(f * df) = 3 x0 - 4 x1 = 3 * 2 - 4 * 0.5 = 4.
        let x = try Tensor<Double>(shape: [2], scalars: [2, 0.5])
        let df = try Tensor<Double>(shape: [2], scalars: [3, -2])
        let d = try NumericalGradient.entries({ x in
            try Tensor<Double>(shape: [2], scalars: [x.scalars[0] * x.scalars[1], x.scalars[1] * x.scalars[1]])
        }, at: x, upstream: df, indices: [1], step: 1e-5)
        #expect(abs(d.values[0] - 4) <= 1e-9)  // absolute tolerance 1e-9
    }

    @Test("directional differences approximate <grad f, u> for unit directions")
    func directional() throws {
        var rng = RandomSource(seed: 11)
        let directions = NumericalGradient.randomDirections(count: 4, dimension: 50, using: &rng)
        #expect(directions.count == 4)
        for u in directions {
            #expect(u.count == 50)
            #expect(abs(u.reduce(0) { $0 + $1 * $1 } - 1) <= 1e-14, "not a unit vector")
        }
        #expect(directions[0] != directions[1])
        var again = RandomSource(seed: 11)
        #expect(NumericalGradient.randomDirections(count: 4, dimension: 50, using: &again) == directions)

        let x = normalTensor([5, 10], seed: 12)
        let numeric = NumericalGradient.directional(sumOfSines, at: x, directions: directions, step: 1e-5)
        let expected = directions.map { u in (0..<50).reduce(0.0) { $0 + cos(x.scalars[$1]) * u[$1] } }
        let worst = try #require(worstAbsoluteDifference(numeric, expected))
        #expect(worst.difference <= Self.float64Tolerance, "\(worst)")
    }
}
