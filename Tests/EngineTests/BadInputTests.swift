import Engine
import NumericCore
import Testing

/// Bad input is a thrown, typed error with a message, never a trap.
@Suite("Bad input")
struct BadInputTests {
    let w = Tensor<Double>(zeros: [6, 3]), b = Tensor<Double>(zeros: [3])

    @Test("mismatched shapes")
    func shapes() throws {
        #expect(throws: NumericError.self) { try Affine.forward(Tensor<Double>(zeros: [2, 5]), w, b) }
        #expect(throws: NumericError.self) { try Affine.forward(Tensor<Double>(zeros: [2, 6]), w, Tensor(zeros: [4])) }
        let cache = try Affine.forward(Tensor<Double>(zeros: [2, 6]), w, b).cache
        #expect(throws: NumericError.self) { try Affine.backward(Tensor<Double>(zeros: [2, 4]), cache) }
        #expect(throws: NumericError.self) { try ReLU.backward(Tensor<Double>(zeros: [3]), ReLU.forward(Tensor<Double>(zeros: [4])).cache) }
        var p = Tensor<Double>(zeros: [2, 2])
        #expect(throws: NumericError.self) { try SGD().step(&p, Tensor(zeros: [4])) }
        var state = Adam.State<Double>(m: Tensor(zeros: [3]))
        #expect(throws: NumericError.self) { try Adam().step(&p, Tensor(zeros: [2, 2]), state: &state) }
        let error = #expect(throws: NumericError.self) { try Affine.forward(Tensor<Double>(zeros: [2, 5]), w, b) }
        #expect(error?.description.contains("affine_forward") == true)
    }

    @Test("empty batches")
    func empty() {
        #expect(throws: NumericError.emptyBatch(operation: "affine_forward")) { try Affine.forward(Tensor<Double>(zeros: [0, 6]), w, b) }
        #expect(throws: NumericError.emptyBatch(operation: "softmax_loss")) { try SoftmaxLoss.evaluate(Tensor<Double>(zeros: [0, 3]), []) }
    }

    @Test("labels out of range or of the wrong count")
    func labels() {
        let scores = Tensor<Double>(zeros: [2, 3])
        #expect(throws: NumericError.labelOutOfRange(operation: "softmax_loss", index: 1, label: 3, classes: 3)) {
            try SoftmaxLoss.evaluate(scores, [0, 3])
        }
        #expect(throws: NumericError.labelOutOfRange(operation: "svm_loss", index: 0, label: -1, classes: 3)) {
            try SVMLoss.evaluate(scores, [-1, 0])
        }
        #expect(throws: NumericError.self) { try SoftmaxLoss.evaluate(scores, [0]) }
    }

    @Test("NaN and infinity in inputs")
    func nonFinite() throws {
        var x = Tensor<Double>(zeros: [2, 64])
        x.scalars[70] = .nan
        var rng = RandomSource(seed: 0)
        let net = try FullyConnectedNet<Double>(FullyConnectedNetConfiguration(hiddenDims: [5], inputDim: 64), rng: &rng)
        #expect(throws: NumericError.nonFinite(operation: "FullyConnectedNet.loss", argument: "X", index: 70)) { try net.loss(x, [0, 1]) }
        var scores = Tensor<Double>(zeros: [1, 3])
        scores.scalars[2] = .infinity
        #expect(throws: NumericError.self) { try SoftmaxLoss.evaluate(scores, [0]) }
    }

    @Test("invalid configurations")
    func configurations() {
        var rng = RandomSource(seed: 0)
        #expect(throws: NumericError.self) { try FullyConnectedNet<Double>(FullyConnectedNetConfiguration(hiddenDims: [0]), rng: &rng) }
        #expect(throws: NumericError.self) { try FullyConnectedNet<Double>(FullyConnectedNetConfiguration(hiddenDims: [3], dropoutKeepProbability: 0), rng: &rng) }
        #expect(throws: NumericError.self) { try FullyConnectedNet<Double>(FullyConnectedNetConfiguration(hiddenDims: [3], reg: -1), rng: &rng) }
        var recipe = TrainingRecipe()
        recipe.updateRule = "adagrad"
        #expect(throws: NumericError.self) { try recipe.solverConfiguration() }
    }
}
