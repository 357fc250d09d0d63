import NumericCore

/// One training run of the course's `Solver` on the digits, as a solver check asks for it and as
/// the fixture recorder records the reference engine's histories for it (`solver.<id>.reference`).
/// Both read the same value, so a recorded reference is always for the run the check makes.
///
/// The run: the first `trainingExamples` digits of the training split, a `FullyConnectedNet` with
/// `hiddenDims` (weights drawn with `weightScale` after `np.random.seed(initSeed)`), `updateRule`
/// with `learningRate`, learning-rate decay `lrDecay`, minibatches of `batchSize`, `epochs`
/// epochs, the Solver's own random draws seeded with `seed`; it validates on `validation`.
public struct SolverExperiment: Sendable, Equatable {
    /// What the Solver validates on.
    public enum Validation: String, Sendable {
        /// The training images themselves: the Solver then keeps the parameters that fit them best.
        case trainingImages = "the training images"
        /// The data set's validation split.
        case validationSplit = "the validation split"
    }

    /// Names the experiment in fixture ids: `overfit`, `history`.
    public var id: String
    public var hiddenDims: [Int]
    public var weightScale: Double
    public var initSeed: Int
    public var updateRule: String
    public var learningRate: Double
    public var lrDecay: Double
    public var batchSize: Int
    public var epochs: Int
    public var seed: Int
    public var trainingExamples: Int
    public var validation: Validation

    /// The notebook's overfitting experiment tuned for the digits: 50 images, [100, 100], weight
    /// scale 0.2, sgd at 0.2, batch 25, `epochs` epochs, seed 0.
    public init(id: String, epochs: Int, validation: Validation) {
        self.id = id
        self.hiddenDims = [100, 100]
        self.weightScale = 0.2
        self.initSeed = 0
        self.updateRule = "sgd"
        self.learningRate = 0.2
        self.lrDecay = 1
        self.batchSize = 25
        self.epochs = epochs
        self.seed = 0
        self.trainingExamples = 50
        self.validation = validation
    }

    /// `solver.overfit`: 20 epochs, validating on the training images.
    public static let overfit = SolverExperiment(id: "overfit", epochs: 20, validation: .trainingImages)
    /// `solver.history`: 4 epochs, validating on the validation split.
    public static let history = SolverExperiment(id: "history", epochs: 4, validation: .validationSplit)

    /// The fixture case holding the reference engine's histories for this run.
    public var fixtureID: String { "solver.\(id).reference" }

    /// The training and validation sets of the run, from a data set's splits.
    public func data(train: LabeledData<Double>, validation: LabeledData<Double>) -> (train: LabeledData<Double>, validation: LabeledData<Double>) {
        let small = train.prefix(trainingExamples)
        return (small, self.validation == .trainingImages ? small : validation)
    }

    /// The net, for images of `inputDim` values and 10 classes.
    public func model(inputDim: Int) -> ModelSpec {
        ModelSpec(kind: .fullyConnected, hiddenDims: hiddenDims, inputDim: inputDim, numClasses: 10, weightScale: weightScale, initSeed: initSeed)
    }

    /// The arguments of `solver_train` for `model` on `data`.
    public func trainArguments(model: Handle, _ data: (train: LabeledData<Double>, validation: LabeledData<Double>)) -> [String: Value] {
        [
            "model": .handle(model), "X_train": .array(data.train.x), "y_train": Value(data.train.y),
            "X_val": .array(data.validation.x), "y_val": Value(data.validation.y),
            "update_rule": .string(updateRule), "optim_config": .dict(["learning_rate": .number(learningRate)]),
            "lr_decay": .number(lrDecay), "batch_size": .integer(batchSize), "num_epochs": .integer(epochs),
            "seed": .integer(seed),
        ]
    }

    /// Every setting in one line, as the fixture records it: a recorded reference applies only
    /// to a run with the same description.
    public var description: String {
        "FullyConnectedNet \(hiddenDims) weight_scale \(weightScale) init_seed \(initSeed); \(updateRule) learning_rate \(learningRate) lr_decay \(lrDecay); batch_size \(batchSize); num_epochs \(epochs); seed \(seed); the first \(trainingExamples) training images, validated on \(validation.rawValue)"
    }

    /// What identifies the data of a run: for the training and then the validation set, the
    /// number of examples, the sum of the images' values and the sum of the labels.
    public static func fingerprint(_ data: (train: LabeledData<Double>, validation: LabeledData<Double>)) -> [Double] {
        var out: [Double] = []
        for set in [data.train, data.validation] {
            let images: Double = set.x.scalars.reduce(0, +)
            let labels: Int = set.y.reduce(0, +)
            out += [Double(set.count), images, Double(labels)]
        }
        return out
    }
}
