import NumericCore

/// Minibatch training of a `Classifier` (the course's `Solver`).
///
/// Each iteration draws `batchSize` examples with replacement, computes the loss and gradients,
/// and applies the update rule to every parameter. After each epoch the learning rate is
/// multiplied by `learningRateDecay`. Accuracies are measured before training, after every epoch
/// and after the last iteration; the parameters with the best validation accuracy are kept and
/// put back into the model at the end. All randomness comes from one `RandomSource` seeded with
/// `configuration.seed`, so a run repeats exactly.
public final class Solver<Model: Classifier> {
    public typealias Scalar = Model.Scalar

    public let model: Model
    public let train: LabeledData<Scalar>
    public let validation: LabeledData<Scalar>
    public private(set) var configuration: SolverConfiguration
    public private(set) var history = SolverHistory()
    public private(set) var bestParameters: ParameterSet<Scalar>
    private var rng: RandomSource
    private var states: [OptimizerState<Scalar>]

    public init(model: Model, train: LabeledData<Scalar>, validation: LabeledData<Scalar>, configuration: SolverConfiguration) throws(NumericError) {
        guard configuration.batchSize > 0, configuration.epochs >= 0 else {
            throw .invalidArgument(operation: "Solver", message: "batch size must be positive and epochs non-negative")
        }
        guard train.count > 0 else { throw .emptyBatch(operation: "Solver (training set)") }
        guard validation.count > 0 else { throw .emptyBatch(operation: "Solver (validation set)") }
        guard configuration.learningRateDecay.isFinite, configuration.learningRateDecay > 0,
              configuration.updateRule.learningRate.isFinite, configuration.updateRule.learningRate >= 0 else {
            throw .invalidArgument(operation: "Solver", message: "learning rate and decay must be finite and positive")
        }
        self.model = model
        self.train = train
        self.validation = validation
        self.configuration = configuration
        self.bestParameters = model.parameters
        self.rng = RandomSource(seed: configuration.seed)
        self.states = Array(repeating: .initial, count: model.parameters.tensors.count)
    }

    /// One iteration: a minibatch, its loss and gradients, one update of every parameter.
    public func step() throws(NumericError) -> Double {
        let indices = rng.integers(below: train.count, count: configuration.batchSize)
        let batch = train.subset(indices)
        let result = try model.loss(batch.x, batch.y)
        let rule = configuration.updateRule
        try model.updatingParameters { (parameters) throws(NumericError) in
            for i in parameters.tensors.indices {
                try rule.step(&parameters.tensors[i], result.gradients.tensors[i], state: &states[i])
            }
        }
        return result.loss
    }

    /// Fraction of `data` classified correctly, on `samples` examples drawn with replacement
    /// when the set is larger (all of it when nil), scored in batches of `batchSize`.
    public func accuracy(on data: LabeledData<Scalar>, samples: Int?, batchSize: Int = 100) throws(NumericError) -> Double {
        var subset = data
        if let samples, data.count > samples {
            subset = data.subset(rng.integers(below: data.count, count: samples))
        }
        return try model.accuracy(on: subset, batchSize: batchSize)
    }

    /// Trains for `configuration.epochs` epochs, reporting progress to `onEvent` and a snapshot
    /// to `checkpoint` after every accuracy check. Returns the history; the model ends with the
    /// best parameters.
    @discardableResult
    public func train(
        onEvent: (SolverEvent) -> Void = { _ in },
        checkpoint: ((SolverCheckpoint<Scalar>) throws -> Void)? = nil
    ) throws -> SolverHistory {
        let perEpoch = max(train.count / configuration.batchSize, 1)
        let total = configuration.epochs * perEpoch
        history.iterationsPerEpoch = perEpoch
        history.iterations = total
        var epoch = 0
        try recordAccuracies(epoch: epoch, onEvent: onEvent, checkpoint: checkpoint)
        for t in 0..<total {
            let loss = try step()
            history.loss.append(loss)
            onEvent(.iteration(iteration: t + 1, of: total, loss: loss))
            if (t + 1) % perEpoch == 0 {
                epoch += 1
                configuration.updateRule.learningRate *= configuration.learningRateDecay
                try recordAccuracies(epoch: epoch, onEvent: onEvent, checkpoint: checkpoint)
            } else if t == total - 1 {
                try recordAccuracies(epoch: epoch, onEvent: onEvent, checkpoint: checkpoint)
            }
        }
        model.parameters = bestParameters
        return history
    }

    private func recordAccuracies(
        epoch: Int, onEvent: (SolverEvent) -> Void, checkpoint: ((SolverCheckpoint<Scalar>) throws -> Void)?
    ) throws {
        let trainAccuracy = try accuracy(on: train, samples: configuration.trainAccuracySamples)
        let validationAccuracy = try accuracy(on: validation, samples: configuration.validationAccuracySamples)
        history.trainAccuracy.append(trainAccuracy)
        history.validationAccuracy.append(validationAccuracy)
        if validationAccuracy > history.bestValidationAccuracy || history.validationAccuracy.count == 1 {
            history.bestValidationAccuracy = validationAccuracy
            history.bestEpoch = epoch
            bestParameters = model.parameters
        }
        onEvent(.epoch(
            epoch: epoch, of: configuration.epochs, trainAccuracy: trainAccuracy,
            validationAccuracy: validationAccuracy, learningRate: configuration.updateRule.learningRate))
        if let checkpoint {
            try checkpoint(SolverCheckpoint(
                epoch: epoch, updateRule: configuration.updateRule, configuration: configuration,
                parameters: Dictionary(uniqueKeysWithValues: model.parameters.entries.map { ($0.name, $0.tensor) }),
                history: history))
        }
    }
}
