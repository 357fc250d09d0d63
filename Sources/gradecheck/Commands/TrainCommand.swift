import ArgumentParser
import Datasets
import Engine
import Foundation
import NumericCore

/// `gradecheck train`: trains a FullyConnectedNet and writes its curves and history.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a FullyConnectedNet (by default on the embedded UCI digits, with Adam).",
        discussion: """
            Shows progress per epoch, prints the final train / validation / test accuracy and writes \
            loss.svg, accuracy.svg and history.json to the output folder (default reports/training). \
            With --compare-optimizers the same net is trained with sgd, sgd_momentum, rmsprop and adam \
            and their curves are drawn in one figure, optimizers.svg.
            """)

    private static let defaults = TrainingRecipe()

    @Option(help: "Hidden layer sizes, comma-separated; \"\" for none.")
    var hidden: String = defaults.hiddenDims.map(String.init).joined(separator: ",")

    @Option(help: "Update rule: \(UpdateRule.names.joined(separator: ", ")).")
    var updateRule: String = defaults.updateRule

    @Option(help: "Learning rate (default: 3e-3; with --compare-optimizers, a value per rule).")
    var learningRate: Double?

    @Option(help: "Learning-rate decay per epoch.")
    var lrDecay: Double = defaults.learningRateDecay

    @Option(help: "Epochs.")
    var epochs: Int = defaults.epochs

    @Option(help: "Minibatch size.")
    var batchSize: Int = defaults.batchSize

    @Option(help: "L2 regularization strength (loss += 0.5 * reg * sum(W^2)).")
    var reg: Double = defaults.reg

    @Option(help: "Standard deviation of the initial weights.")
    var weightScale: Double = defaults.weightScale

    @Option(help: "Normalization after each hidden affine layer: none, batchnorm, layernorm.")
    var normalization: String = "none"

    @Option(help: "Dropout keep probability after each hidden ReLU (1 = no dropout).")
    var dropout: Double = defaults.dropoutKeepProbability

    @Option(help: "Seed of the weights, dropout masks, minibatches and the digits split.")
    var seed: UInt32 = defaults.seed

    @Option(help: "Train on CIFAR-10 from this folder (python or binary batches) instead of the digits.")
    var cifar10: String?

    @Flag(help: "Compute in float32 instead of float64.")
    var float32 = false

    @Flag(help: "Train with each update rule and draw their curves in one figure.")
    var compareOptimizers = false

    @Option(help: "Folder for the SVG curves and history.json.")
    var output: String = "reports/training"

    @Option(help: "Write a JSON checkpoint per epoch into this folder.")
    var checkpoints: String?

    /// Limits that keep a mistyped size a one-line error instead of an allocation that cannot
    /// succeed or an iteration count that overflows: layers of at most 65,536 units, at most 10^8
    /// weights (800 MB of float64, and Adam keeps two more copies) counted with CIFAR-10's 3,072
    /// inputs, the largest the data readers give, and at most 10^6 epochs and 10^6 rows per batch.
    static let maxLayerSize = 65_536, maxWeights = 100_000_000, maxInputDim = 3_072
    static let maxEpochs = 1_000_000, maxBatchSize = 1_000_000

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        guard epochs <= Self.maxEpochs else { throw ValidationError("--epochs \(epochs) is more than \(Self.maxEpochs)") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        guard batchSize <= Self.maxBatchSize else { throw ValidationError("--batch-size \(batchSize) is more than \(Self.maxBatchSize)") }
        guard dropout > 0 && dropout <= 1 else { throw ValidationError("--dropout is a keep probability in (0, 1]") }
        guard ["none", "batchnorm", "layernorm"].contains(normalization) else {
            throw ValidationError("--normalization must be none, batchnorm or layernorm")
        }
        guard UpdateRule.names.contains(updateRule) else {
            throw ValidationError("--update-rule must be one of \(UpdateRule.names.joined(separator: ", "))")
        }
        _ = try hiddenDims()
    }

    func hiddenDims() throws -> [Int] {
        let parts = hidden.split(separator: ",", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        let sizes = try parts.map { part in
            guard let size = Int(part), size > 0 else { throw ValidationError("--hidden: '\(part)' is not a positive layer size") }
            guard size <= Self.maxLayerSize else { throw ValidationError("--hidden: a layer of \(part) units is more than \(Self.maxLayerSize)") }
            return size
        }
        let widths = [Self.maxInputDim] + sizes + [10]
        let weights = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        guard weights <= Self.maxWeights else {
            throw ValidationError("--hidden \(hidden): \(weights) weights are more than \(Self.maxWeights) (counted with \(Self.maxInputDim) inputs)")
        }
        return sizes
    }

    func recipe() throws -> TrainingRecipe {
        var recipe = TrainingRecipe()
        recipe.hiddenDims = try hiddenDims()
        recipe.updateRule = updateRule
        recipe.learningRate = learningRate ?? Self.defaults.learningRate
        recipe.learningRateDecay = lrDecay
        recipe.epochs = epochs
        recipe.batchSize = batchSize
        recipe.reg = reg
        recipe.weightScale = weightScale
        recipe.normalization = Normalization(rawValue: normalization)
        recipe.dropoutKeepProbability = dropout
        recipe.seed = seed
        return recipe
    }

    func run() throws {
        do {
            let data = try loadData()
            let session = TrainingSession(recipe: try recipe(), output: URL(fileURLWithPath: output), checkpoints: checkpoints.map { URL(fileURLWithPath: $0) })
            if compareOptimizers {
                try float32 ? session.compareOptimizers(data.converted(to: Float.self), fixedLearningRate: learningRate)
                            : session.compareOptimizers(data, fixedLearningRate: learningRate)
            } else {
                try float32 ? session.train(data.converted(to: Float.self)) : session.train(data)
            }
        } catch {
            throw ExitCodes.report(error)
        }
    }

    private func loadData() throws -> DataSplits<Double> {
        if let cifar10 {
            return try CIFAR10.load(from: URL(fileURLWithPath: cifar10))
        }
        return try Digits.load(seed: seed)
    }
}
