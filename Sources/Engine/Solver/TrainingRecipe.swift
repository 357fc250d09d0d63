import NumericCore

/// Everything that defines a training run of a `FullyConnectedNet`: the net, the update rule and
/// the solver settings, with one seed for the weights, the dropout masks and the minibatches.
/// The defaults train the embedded digits well (about 97% validation accuracy); the course's
/// own defaults are those of `FullyConnectedNetConfiguration` and `SolverConfiguration`.
public struct TrainingRecipe: Sendable, Equatable, Codable {
    public var hiddenDims: [Int] = [100, 100]
    public var updateRule: String = "adam"
    /// nil: the update rule's own default learning rate.
    public var learningRate: Double? = 3e-3
    public var learningRateDecay: Double = 0.95
    public var epochs: Int = 30
    public var batchSize: Int = 100
    public var reg: Double = 1e-3
    public var weightScale: Double = 5e-2
    public var normalization: Normalization? = nil
    /// Dropout keep probability (1: no dropout).
    public var dropoutKeepProbability: Double = 1
    public var seed: UInt32 = 0

    public init() {}

    /// The solver settings this recipe implies.
    public func solverConfiguration() throws(NumericError) -> SolverConfiguration {
        guard let rule = UpdateRule(name: updateRule, learningRate: learningRate) else {
            throw .invalidArgument(operation: "TrainingRecipe", message: "unknown update rule '\(updateRule)' (choose from \(UpdateRule.names.joined(separator: ", ")))")
        }
        return SolverConfiguration(
            updateRule: rule, learningRateDecay: learningRateDecay, batchSize: batchSize, epochs: epochs,
            trainAccuracySamples: 1000, validationAccuracySamples: nil, seed: seed)
    }

    /// A fresh net for data with `inputDim` features and `classCount` classes.
    public func makeNet<S: NetScalar>(inputDim: Int, classCount: Int, as: S.Type = S.self) throws(NumericError) -> FullyConnectedNet<S> {
        var rng = RandomSource(seed: seed)
        let net = try FullyConnectedNet<S>(
            FullyConnectedNetConfiguration(
                hiddenDims: hiddenDims, inputDim: inputDim, numClasses: classCount,
                dropoutKeepProbability: dropoutKeepProbability, normalization: normalization, reg: reg,
                weightScale: weightScale),
            rng: &rng)
        net.dropoutRandomSource = RandomSource(seed: seed &+ 1)
        return net
    }

    /// Builds the net and trains it on `data`'s train and validation splits.
    public func train<S: NetScalar>(
        on data: DataSplits<S>, onEvent: (SolverEvent) -> Void = { _ in },
        checkpoint: ((SolverCheckpoint<S>) throws -> Void)? = nil
    ) throws -> (model: FullyConnectedNet<S>, history: SolverHistory) {
        let classes = max(data.classNames.count, (data.train.y.max() ?? 0) + 1)
        let net: FullyConnectedNet<S> = try makeNet(inputDim: data.train.x.rowWidth, classCount: classes)
        let solver = try Solver(model: net, train: data.train, validation: data.validation, configuration: solverConfiguration())
        let history = try solver.train(onEvent: onEvent, checkpoint: checkpoint)
        return (net, history)
    }
}
