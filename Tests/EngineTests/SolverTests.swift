import Datasets
import Engine
import NumericCore
import Testing

/// Training behaviour on the embedded digits: overfitting a small set, the default recipe's
/// accuracy, histories, determinism.
@Suite("Solver and training")
struct SolverTests {
    static let digits: DataSplits<Double> = try! Digits.load()

    /// Training is GEMM-bound: the kernels for this CPU, as the CLI selects them at start-up.
    init() { BLASRuntime.selectKernels() }

    /// The notebook's overfitting experiment: 50 training images, batch 25, 20 epochs, sgd. Weight
    /// scale and learning rate are tuned for the digits as the notebook asks students to tune
    /// them (0.2 and 0.2: neighbouring values also reach 100%; 0.05 does not train).
    func overfit(hidden: [Int], weightScale: Double, learningRate: Double) throws -> SolverHistory {
        let small = Self.digits.train.prefix(50)
        var rng = RandomSource(seed: 0)
        let model = try FullyConnectedNet<Double>(
            FullyConnectedNetConfiguration(hiddenDims: hidden, inputDim: 64, numClasses: 10, weightScale: weightScale), rng: &rng)
        let solver = try Solver(
            model: model, train: small, validation: Self.digits.validation,
            configuration: SolverConfiguration(updateRule: .sgd(SGD(learningRate: learningRate)), batchSize: 25, epochs: 20, seed: 0))
        return try solver.train()
    }

    @Test("a 3-layer net overfits 50 digits to 100% train accuracy within 20 epochs")
    func overfitThreeLayers() throws {
        let history = try overfit(hidden: [100, 100], weightScale: 2e-1, learningRate: 2e-1)
        #expect(history.trainAccuracy.last == 1.0, "train accuracy history \(history.trainAccuracy)")
    }

    @Test("a 5-layer net overfits 50 digits to 100% train accuracy within 20 epochs")
    func overfitFiveLayers() throws {
        let history = try overfit(hidden: [100, 100, 100, 100], weightScale: 2e-1, learningRate: 2e-1)
        #expect(history.trainAccuracy.last == 1.0, "train accuracy history \(history.trainAccuracy)")
    }

    @Test("history lengths: a loss per iteration, accuracies at epoch 0 and after each epoch")
    func historyLengths() throws {
        let history = try overfit(hidden: [20], weightScale: 1e-1, learningRate: 1e-1)
        #expect(history.iterationsPerEpoch == 2)
        #expect(history.loss.count == 40)
        #expect(history.trainAccuracy.count == 21)
        #expect(history.validationAccuracy.count == 21)
        #expect(history.bestValidationAccuracy == history.validationAccuracy.max())
    }

    @Test("the default recipe reaches at least 90% validation accuracy on the digits")
    func defaultRecipe() throws {
        let (model, history) = try TrainingRecipe().train(on: Self.digits)
        let validation = try model.accuracy(on: Self.digits.validation)
        #expect(validation >= 0.9, "validation accuracy \(validation)")
        #expect(validation == history.bestValidationAccuracy, "the best parameters are restored")
    }

    @Test("a seeded run repeats exactly; another seed differs")
    func determinism() throws {
        var recipe = TrainingRecipe()
        recipe.epochs = 3
        recipe.dropoutKeepProbability = 0.8
        let a = try recipe.train(on: Self.digits), b = try recipe.train(on: Self.digits)
        #expect(a.history == b.history)
        #expect(a.model.parameters == b.model.parameters)
        recipe.seed = 1
        let c = try recipe.train(on: Self.digits)
        #expect(c.history.loss != a.history.loss)
    }

    @Test("float32 training works and reaches 90% too")
    func float32Training() throws {
        let (model, _) = try TrainingRecipe().train(on: Self.digits.converted(to: Float.self))
        #expect(try model.accuracy(on: Self.digits.validation.converted()) >= 0.9)
    }

    @Test("learning-rate decay is applied once per epoch; checkpoints come after each accuracy check")
    func decayAndCheckpoints() throws {
        var rng = RandomSource(seed: 0)
        let model = try FullyConnectedNet<Double>(FullyConnectedNetConfiguration(hiddenDims: [10], inputDim: 64, numClasses: 10), rng: &rng)
        let solver = try Solver(
            model: model, train: Self.digits.train.prefix(100), validation: Self.digits.validation,
            configuration: SolverConfiguration(updateRule: .adam(Adam(learningRate: 1e-2)), learningRateDecay: 0.5, batchSize: 50, epochs: 3))
        var rates: [Double] = [], epochs: [Int] = []
        try solver.train(onEvent: { event in
            if case let .epoch(_, _, _, _, learningRate) = event { rates.append(learningRate) }
        }, checkpoint: { epochs.append($0.epoch) })
        #expect(rates == [1e-2, 5e-3, 2.5e-3, 1.25e-3])
        #expect(epochs == [0, 1, 2, 3])
    }

    @Test("batch normalization keeps running statistics and uses them at test time")
    func batchNormRunningStatistics() throws {
        var recipe = TrainingRecipe()
        recipe.epochs = 2
        recipe.normalization = .batchnorm
        let (model, _) = try recipe.train(on: Self.digits)
        let running = try #require(model.runningStatistics.first)
        #expect(running.variance.scalars.allSatisfy { $0 > 0 }, "running variance was updated")
        // Test-time scores do not depend on the rest of the batch (up to GEMM round-off).
        let x = Self.digits.validation.x
        let alone = try model.scores(x.rows(0..<1)), together = try model.scores(x.rows(0..<10))
        expectClose(alone, try together.rows(0..<1).reshaped([1, 10]), relativeTolerance: 1e-12, "first row's scores")
    }
}
