import Foundation
import GradientCheck
import NumericCore
import Testing

/// Sampled mode (seeded `grad_check_sparse`) and directional mode (two evaluations per direction).
@Suite("GradientChecker sampled and directional modes")
struct GradientCheckerSamplingTests {
    /// The entries a sampled check perturbs, in order (one per +h/-h pair), seen from inside f.
    static func sampledIndices(seed: UInt32, x: Tensor<Double>, count: Int) throws -> [Int] {
        var seen: [Int] = []
        _ = try GradientChecker.checkSampled({ probe in
            let changed = perturbedIndices(probe, from: x)
            if let i = changed.first { seen.append(i) }
            return sumOfSquares(probe)
        }, at: x, analytic: map(x) { 2 * $0 }, count: count, seed: seed)
        return stride(from: 0, to: seen.count, by: 2).map { seen[$0] }
    }

    @Test("the same seed samples the same entries, another seed others")
    func seededSampling() throws {
        let x = normalTensor([20, 50], seed: 51)
        let a = try Self.sampledIndices(seed: 7, x: x, count: 10)
        let b = try Self.sampledIndices(seed: 7, x: x, count: 10)
        let c = try Self.sampledIndices(seed: 8, x: x, count: 10)
        #expect(a.count == 10)
        #expect(a == b)
        #expect(a != c)
        // The documented source: RandomSource(seed).integers(below: x.count, count:), with replacement.
        var rng = RandomSource(seed: 7)
        #expect(a == rng.integers(below: 1000, count: 10))
    }

    @Test("a sampled check reports its mode and count, and catches a wrong entry that is sampled")
    func sampledCatchesWrongEntry() throws {
        let x = normalTensor([20, 50], seed: 52)
        let good = map(x) { 2 * $0 }
        let passing = try GradientChecker.checkSampled(sumOfSquares, at: x, analytic: good, count: 12, seed: 99)
        #expect(passing.passed, "\(passing.summary)")
        #expect(passing.checkedCount == 12)
        #expect(passing.mode == .sampled(count: 12, seed: 99))

        var rng = RandomSource(seed: 99)
        let sampled = rng.integers(below: x.count, count: 12)
        var bad = good
        bad.scalars[sampled[4]] *= -1
        let failing = try GradientChecker.checkSampled(sumOfSquares, at: x, analytic: bad, count: 12, seed: 99)
        #expect(!failing.passed, "\(failing.summary)")
        #expect(failing.worst?.flatIndex == sampled[4])
        #expect(failing.worst?.index == unflatten(sampled[4], [20, 50]))

        // An entry outside the sample is, by design, not looked at.
        let unsampled = try #require((0..<x.count).first { !sampled.contains($0) })
        var unseen = good
        unseen.scalars[unsampled] *= -1
        let blind = try GradientChecker.checkSampled(sumOfSquares, at: x, analytic: unseen, count: 12, seed: 99)
        #expect(blind.passed)
    }

    /// sum(sin(x)) over 10,000 entries in [-1, 1], summed with compensation: round-off in a
    /// difference is then ~1e-14 / 2e-5 = 5e-10, well below the 1e-6 relative tolerance even on a
    /// projection <cos x, u> as small as 0.01 (a plain running sum's ~3e-8 would not be).
    static let directionalInput = uniformTensor([100, 100], in: -1...1, seed: 53)

    @Test("directional mode passes a correct gradient of 10,000 entries with 2 evaluations per direction")
    func directionalPasses() throws {
        let x = Self.directionalInput
        var evaluations = 0
        let result = try GradientChecker.checkDirectional({ probe in
            evaluations += 1
            return compensatedSumOfSines(probe)
        }, at: x, analytic: map(x, cos), count: 6, seed: 5)
        #expect(evaluations == 12)
        #expect(result.passed, "\(result.summary)")
        #expect(result.maxRelativeError < 1e-7, "\(result.summary)")
        #expect(result.checkedCount == 6)
        #expect(result.mode == .directional(count: 6, seed: 5))
        #expect(result.worst?.index == [])
        #expect(result.kinks.isEmpty)
    }

    @Test("directional mode fails a wrong gradient", arguments: ["one entry off by 5", "sign flipped", "scaled by 1.001"])
    func directionalFails(mistake: String) throws {
        let x = Self.directionalInput
        var analytic = map(x, cos)
        switch mistake {
        case "one entry off by 5": analytic[37, 61] += 5
        case "sign flipped": analytic = map(analytic) { -$0 }
        default: analytic = map(analytic) { 1.001 * $0 }
        }
        let result = try GradientChecker.checkDirectional(compensatedSumOfSines, at: x, analytic: analytic, count: 6, seed: 5)
        #expect(!result.passed, "\(mistake): \(result.summary)")
    }

    @Test("directional mode requires an analytic gradient shaped like x")
    func directionalShape() {
        let x = normalTensor([4, 5], seed: 54)
        #expect(throws: NumericError.self) {
            try GradientChecker.checkDirectional(sumOfSquares, at: x, analytic: Tensor<Double>(zeros: [20]), count: 2, seed: 1)
        }
    }
}
