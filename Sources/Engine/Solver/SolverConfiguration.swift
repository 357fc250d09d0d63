import NumericCore

/// How the solver trains, with the course's `Solver` defaults.
public struct SolverConfiguration: Sendable, Equatable, Codable {
    /// The update rule and its hyper-parameters (default: `sgd`, learning rate 1e-2).
    public var updateRule: UpdateRule = .sgd(SGD())
    /// Factor applied to the learning rate after each epoch (default 1: no decay).
    public var learningRateDecay: Double = 1
    /// Examples per minibatch, drawn with replacement as `np.random.choice` does (default 100).
    public var batchSize: Int = 100
    /// Epochs; an epoch is `max(N_train / batchSize, 1)` iterations (default 10).
    public var epochs: Int = 10
    /// Training accuracy is measured on this many examples sampled with replacement
    /// (default 1000; nil uses the whole training set).
    public var trainAccuracySamples: Int? = 1000
    /// Validation accuracy subsample, nil (the default) for the whole validation set.
    public var validationAccuracySamples: Int? = nil
    /// Seed of every random choice the solver makes (minibatches, accuracy subsamples).
    public var seed: UInt32 = 0

    public init(
        updateRule: UpdateRule = .sgd(SGD()), learningRateDecay: Double = 1, batchSize: Int = 100, epochs: Int = 10,
        trainAccuracySamples: Int? = 1000, validationAccuracySamples: Int? = nil, seed: UInt32 = 0
    ) {
        self.updateRule = updateRule
        self.learningRateDecay = learningRateDecay
        self.batchSize = batchSize
        self.epochs = epochs
        self.trainAccuracySamples = trainAccuracySamples
        self.validationAccuracySamples = validationAccuracySamples
        self.seed = seed
    }
}

/// What the solver recorded.
public struct SolverHistory: Sendable, Equatable, Codable {
    /// The minibatch loss of every iteration.
    public var loss: [Double] = []
    /// Training accuracy before training and after each epoch (epochs + 1 entries).
    public var trainAccuracy: [Double] = []
    /// Validation accuracy at the same moments.
    public var validationAccuracy: [Double] = []
    /// The best validation accuracy seen and the epoch it was seen at (0 = before training).
    public var bestValidationAccuracy: Double = 0
    public var bestEpoch: Int = 0
    /// Iterations per epoch and in total.
    public var iterationsPerEpoch: Int = 0
    public var iterations: Int = 0

    public init() {}
}

/// Progress reported while training.
public enum SolverEvent: Sendable {
    /// An iteration finished with this minibatch loss (`iteration` counts from 1).
    case iteration(iteration: Int, of: Int, loss: Double)
    /// Accuracies were measured: before training (epoch 0) and after each epoch.
    case epoch(epoch: Int, of: Int, trainAccuracy: Double, validationAccuracy: Double, learningRate: Double)
}

/// A snapshot handed to a checkpoint handler after every accuracy check (what the course
/// pickles to `<name>_epoch_<n>.pkl`).
public struct SolverCheckpoint<Scalar: NetScalar>: Sendable, Codable {
    public var epoch: Int
    public var updateRule: UpdateRule
    public var configuration: SolverConfiguration
    public var parameters: [String: Tensor<Scalar>]
    public var history: SolverHistory
}
