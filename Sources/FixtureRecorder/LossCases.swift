import Engine
import Fixtures
import NumericCore

/// softmax and svm cases: the notebook's seed-231 inputs, and huge scores.
enum LossCases {
    static func all() throws -> [FixtureCase] {
        var rng = RandomSource(seed: 231)
        let x = Tensor<Double>.randomNormal([50, 10], scale: 0.001, using: &rng)
        let y = rng.integers(below: 10, count: 50)
        let softmax = try SoftmaxLoss.evaluate(x, y), svm = try SVMLoss.evaluate(x, y)
        var huge = RandomSource(seed: 5)
        var big = Tensor<Double>.randomNormal([5, 10], scale: 10, using: &huge)
        for i in 0..<big.count { big.scalars[i] += 1000 }
        let bigY = huge.integers(below: 10, count: 5)
        let stable = try SoftmaxLoss.evaluate(big, bigY)
        return [
            Recorder.make(
                "losses.softmax", "softmax_loss on the notebook's inputs: x = 0.001 randn(50, 10), y = randint(10, 50), seed 231 (loss 2.302545844500738)",
                inputs: ["x": .t(x), "y": .integers(y)], expected: ["loss": .number(softmax.loss), "dx": .t(softmax.dx)],
                tolerance: .relative(1e-9, note: "notebook: loss 'close to 2.3', dx 'around e-8'"), provenance: Recorder.recorded(seed: 231)),
            Recorder.make(
                "losses.svm", "svm_loss on the notebook's inputs (loss 8.999602749096233)",
                inputs: ["x": .t(x), "y": .integers(y)], expected: ["loss": .number(svm.loss), "dx": .t(svm.dx)],
                tolerance: .relative(1e-9, note: "notebook: loss 'around 9', dx 'around e-9'"), provenance: Recorder.recorded(seed: 231)),
            Recorder.make(
                "losses.softmax.huge", "softmax_loss with scores around 1000 (exp overflows without the max shift)",
                inputs: ["x": .t(big), "y": .integers(bigY)], expected: ["loss": .number(stable.loss), "dx": .t(stable.dx)],
                tolerance: .relative(1e-9, note: "float64 round-off"), provenance: Recorder.recorded(seed: 5)),
        ]
    }
}
