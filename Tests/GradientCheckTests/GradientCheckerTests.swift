import Foundation
import GradientCheck
import NumericCore
import Testing

/// Full checks: correct gradients pass, wrong ones fail, and the report points at the wrong entry.
@Suite("GradientChecker.check")
struct GradientCheckerTests {
    /// A correct gradient of a smooth float64 function is far below the 1e-6 tolerance:
    /// relative error below 1e-8 (round-off ~1e-11 |f| / |f'|, truncation ~h^2 = 1e-10).
    static let smoothBound = 1e-8

    @Test("correct gradients of smooth functions pass with error < 1e-8",
          arguments: ["sum(x^2)", "sum(sin(x))", "sum(exp(x) * x)"])
    func correctGradientPasses(name: String) throws {
        let x = uniformTensor([3, 4, 5], in: -1...1, seed: 21)
        let (f, gradient): ((Tensor<Double>) -> Double, (Double) -> Double) = switch name {
        case "sum(x^2)": (sumOfSquares, { 2 * $0 })
        case "sum(sin(x))": (sumOfSines, cos)
        default: ({ $0.scalars.reduce(0) { $0 + exp($1) * $1 } }, { exp($0) * ($0 + 1) })
        }
        let result = try GradientChecker.check(f, at: x, analytic: map(x, gradient))
        #expect(result.passed, "\(result.summary)")
        #expect(result.maxRelativeError < Self.smoothBound, "\(name): \(result.summary)")
        #expect(result.checkedCount == 60)
        #expect(result.failures.isEmpty)
        #expect(result.kinks.isEmpty)
        #expect(result.mode == .full)
        #expect(result.shape == [3, 4, 5])
        #expect(result.settings == .float64)
    }

    @Test("the gradient of sum(x^2) given as x fails with relative error 1/3")
    func halfGradientFails() throws {
        let x = normalTensor([4, 3], seed: 22)
        let result = try GradientChecker.check(sumOfSquares, at: x, analytic: x)
        #expect(!result.passed)
        // |2x - x| / (|2x| + |x|) = 1/3 at every entry; absolute tolerance 1e-6 for round-off.
        #expect(abs(result.maxRelativeError - 1.0 / 3) <= 1e-6, "\(result.summary)")
        #expect(result.kinks.isEmpty, "a smooth function has no kinks to excuse errors with")
    }

    @Test("one wrong entry fails, and worst names its multi-index",
          arguments: [[0, 0, 0], [1, 2, 3], [2, 3, 4], [0, 3, 1]])
    func oneEntryOff(index: [Int]) throws {
        let shape = [3, 4, 5]
        let x = normalTensor(shape, seed: 23)
        var analytic = map(x) { 2 * $0 }
        let flat = index[0] * 20 + index[1] * 5 + index[2]
        analytic.scalars[flat] += 1e-3
        let result = try GradientChecker.check(sumOfSquares, at: x, analytic: analytic)
        #expect(!result.passed)
        let worst = try #require(result.worst)
        #expect(worst.index == index)
        #expect(worst.flatIndex == flat)
        #expect(worst.analytic == analytic.scalars[flat])
        #expect(result.failures.map(\.index) == [index])
        #expect(abs(worst.numeric - 2 * x.scalars[flat]) <= 1e-8)  // absolute tolerance 1e-8
        #expect(result.summary.contains(Shape.describe(index)), "\(result.summary)")
    }

    /// f(W) = sum(C * W) + sum(W^2) / 2 has gradient C + W; C + W is not symmetric, so its
    /// transpose is wrong. The worst entry is the pair (i, j), (j, i) with the largest
    /// |G_ij - G_ji| / (|G_ij| + |G_ji|) (both members have the same error up to round-off).
    @Test("a transposed gradient of a square matrix fails at the most asymmetric pair")
    func transposedFails() throws {
        let w = normalTensor([5, 5], seed: 24), c = normalTensor([5, 5], seed: 25)
        let f: (Tensor<Double>) -> Double = { w in
            var sum = 0.0
            for i in 0..<25 {
                let (wi, ci) = (w.scalars[i], c.scalars[i])
                sum += ci * wi + 0.5 * wi * wi
            }
            return sum
        }
        var g = c
        for i in 0..<25 { g.scalars[i] += w.scalars[i] }
        let correct = try GradientChecker.check(f, at: w, analytic: g)
        #expect(correct.passed, "\(correct.summary)")

        var gT = g
        var naiveWorst = (error: -1.0, pair: Set<[Int]>())
        for i in 0..<5 {
            for j in 0..<5 {
                gT.scalars[i * 5 + j] = g.scalars[j * 5 + i]
                let (a, b) = (g.scalars[i * 5 + j], g.scalars[j * 5 + i])
                let e = a == b ? 0 : abs(a - b) / max(1e-8, abs(a) + abs(b))
                if e > naiveWorst.error { naiveWorst = (e, [[i, j], [j, i]]) }
            }
        }
        let result = try GradientChecker.check(f, at: w, analytic: gT)
        #expect(!result.passed)
        let worst = try #require(result.worst)
        #expect(naiveWorst.pair.contains(worst.index), "worst \(worst.index), expected one of \(naiveWorst.pair)")
        #expect(abs(result.maxRelativeError - naiveWorst.error) <= 1e-6, "\(result.summary)")
    }

    /// f(x) = sum(c * x) with c[2, 1] = 2e-7: that entry's gradient cannot be judged to 1e-6
    /// relative (round-off in a difference is ~1e-16 |f| / h). An analytic value off by 5e-10
    /// has relative error ~1e-3 but is within the 1e-9 absolute tolerance, so it passes (and is
    /// still reported as the worst); off by 5e-9 it fails. (f is linear, so the one-sided slopes
    /// agree and no kink analysis is involved.)
    @Test("tiny entries are judged by the absolute tolerance", arguments: [(5e-10, true), (5e-9, false)])
    func absoluteTolerance(offset: Double, passes: Bool) throws {
        let x = normalTensor([3, 4], seed: 31)
        var c = normalTensor([3, 4], seed: 32)
        c[2, 1] = 2e-7
        let f: (Tensor<Double>) -> Double = { x in (0..<12).reduce(0.0) { $0 + c.scalars[$1] * x.scalars[$1] } }
        var analytic = c
        analytic[2, 1] += offset
        let result = try GradientChecker.check(f, at: x, analytic: analytic)
        #expect(result.passed == passes, "\(result.summary)")
        #expect(result.maxRelativeError > GradientCheckSettings.float64.relativeTolerance, "\(result.summary)")
        #expect(result.worst?.index == [2, 1])
        #expect(result.kinks.isEmpty)
        #expect(result.failures.map(\.index) == (passes ? [] : [[2, 1]]))
    }

    @Test("an analytic gradient of another shape throws shapeMismatch")
    func transposedShapeThrows() {
        let x = normalTensor([2, 3], seed: 26)
        let error = #expect(throws: NumericError.self) {
            try GradientChecker.check(sumOfSquares, at: x, analytic: map(x) { 2 * $0 }.reshaped([3, 2]))
        }
        guard case .shapeMismatch(_, _, let got)? = error else {
            Issue.record("expected .shapeMismatch, got \(String(describing: error))")
            return
        }
        #expect(got == [3, 2])
    }

    @Test("a NaN in the analytic gradient is an infinite error at its index")
    func nanFails() throws {
        let x = normalTensor([2, 3], seed: 27)
        var analytic = map(x) { 2 * $0 }
        analytic.scalars[4] = .nan
        let result = try GradientChecker.check(sumOfSquares, at: x, analytic: analytic)
        #expect(!result.passed)
        #expect(result.maxRelativeError == .infinity)
        #expect(result.worst?.index == [1, 1])
    }

    @Test("a float32 analytic gradient of a float64 function is compared in float64")
    func mixedPrecision() throws {
        let x = uniformTensor([10], in: 0.5...1, seed: 28)
        let analytic: Tensor<Float> = map(x) { 2 * $0 }.converted()
        let result = try GradientChecker.check(sumOfSquares, at: x, analytic: analytic)
        // float32 rounding of the gradient: relative error up to 2^-25 = 3e-8, below 1e-6.
        #expect(result.passed, "\(result.summary)")
        #expect(result.maxRelativeError > 0 && result.maxRelativeError <= 0x1p-24)
    }

    @Test("checkArray: x -> x * x with upstream df passes 2 x df and fails x df")
    func arrayFunction() throws {
        let x = normalTensor([3, 4], seed: 29), df = normalTensor([3, 4], seed: 30)
        let square: (Tensor<Double>) -> Tensor<Double> = { map($0) { $0 * $0 } }
        var good = x, bad = x
        for i in 0..<x.count {
            good.scalars[i] = 2 * x.scalars[i] * df.scalars[i]
            bad.scalars[i] = x.scalars[i] * df.scalars[i]
        }
        let passing = try GradientChecker.checkArray(square, at: x, upstream: df, analytic: good)
        #expect(passing.passed && passing.maxRelativeError < Self.smoothBound, "\(passing.summary)")
        let failing = try GradientChecker.checkArray(square, at: x, upstream: df, analytic: bad)
        #expect(!failing.passed, "\(failing.summary)")
    }
}
