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
        let numeric = NumericalGradient.ofScalarFunction(sumOfSquares, at: x)
        #expect(numeric.shape == [3, 4])
        let worst = try #require(worstAbsoluteDifference(numeric.scalars, x.scalars.map { 2 * $0 }))
        #expect(worst.difference <= Self.float64Tolerance, "\(worst)")
    }

    @Test("sum(sin(x)) -> cos(x)")
    func sines() throws {
        let x = normalTensor([2, 3, 4], seed: 2)
        let numeric = NumericalGradient.ofScalarFunction(sumOfSines, at: x)
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

    @Test("every evaluation moves exactly one entry by +h or -h, and the caller's x is untouched")
    func perturbsOneEntryAtATime() throws {
        let x = normalTensor([3, 4], seed: 9)
        let copy = x
        var moves: [(index: Int, delta: Double)] = []
        _ = NumericalGradient.ofScalarFunction({ probe in
            let changed = perturbedIndices(probe, from: x)
            if changed.count == 1 { moves.append((changed[0], probe.scalars[changed[0]] - x.scalars[changed[0]])) }
            else { Issue.record("an evaluation changed \(changed.count) entries: \(changed)") }
            return sumOfSquares(probe)
        }, at: x, step: 1e-5)
        #expect(x == copy)
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
        let numeric = NumericalGradient.ofScalarFunction({ 3 * Double($0.scalars[0]) }, at: x, step: 1e-5)
        // 3 p - 3 m is exact in float64, so the quotient is exactly 3 (a 2h denominator is 4e-4 off).
        #expect(numeric.scalars == [3])
    }

    @Test("entries keep f(x + h), f(x - h) and the steps of the indices asked for")
    func differences() throws {
        let x = try Tensor<Double>(shape: [2, 2], scalars: [0.5, -1, 2, 3])
        let d = NumericalGradient.entries(sumOfSquares, at: x, indices: [2, 0], step: 1e-3)
        #expect(d.indices == [2, 0])
        var up = x, down = x
        up.scalars[2] += 1e-3
        down.scalars[2] -= 1e-3
        #expect(d.plus[0] == sumOfSquares(up) && d.minus[0] == sumOfSquares(down))
        #expect(d.steps[0] == up.scalars[2] - down.scalars[2])
        #expect(abs(d.values[0] - 4) <= 1e-10)   // 2 * 2; absolute tolerance 1e-10
        #expect(abs(d.values[1] - 1) <= 1e-10)   // 2 * 0.5
        let dense = d.gradient(shape: [2, 2])
        #expect(dense.scalars[1] == 0 && dense.scalars[3] == 0)  // not evaluated
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
