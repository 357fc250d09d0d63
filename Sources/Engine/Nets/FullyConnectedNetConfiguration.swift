import NumericCore

/// Normalization after each hidden affine layer.
public enum Normalization: String, Sendable, Codable, CaseIterable {
    case batchnorm, layernorm
}

/// The shape and hyper-parameters of a `FullyConnectedNet`, with the course's defaults
/// (2018+ conventions: `dropout` is a keep probability and 1 means no dropout).
public struct FullyConnectedNetConfiguration: Sendable, Equatable, Codable {
    /// Sizes of the hidden layers; empty gives a linear softmax classifier.
    public var hiddenDims: [Int]
    /// D, the number of input features (default 3 * 32 * 32, a CIFAR-10 image).
    public var inputDim: Int = 3 * 32 * 32
    /// C, the number of classes (default 10).
    public var numClasses: Int = 10
    /// Keep probability of dropout after each hidden ReLU; 1 (the default) turns dropout off.
    public var dropoutKeepProbability: Double = 1
    /// Batch or layer normalization after each hidden affine layer; none by default.
    public var normalization: Normalization? = nil
    /// L2 strength: the loss gains `0.5 * reg * sum(W^2)` over every weight matrix.
    public var reg: Double = 0
    /// Standard deviation of the initial weights, `W = weightScale * N(0, 1)` (default 1e-2).
    public var weightScale: Double = 1e-2
    /// When set, every dropout layer re-seeds with it on every forward pass, like the course's
    /// `dropout_param['seed']` (deterministic masks for gradient checks).
    public var dropoutSeed: UInt32? = nil
    /// Batch-normalization hyper-parameters (eps 1e-5, momentum 0.9).
    public var batchNorm = BatchNorm.Configuration()
    /// Layer-normalization epsilon (1e-5).
    public var layerNormEpsilon: Double = 1e-5

    public init(
        hiddenDims: [Int], inputDim: Int = 3 * 32 * 32, numClasses: Int = 10,
        dropoutKeepProbability: Double = 1, normalization: Normalization? = nil, reg: Double = 0,
        weightScale: Double = 1e-2, dropoutSeed: UInt32? = nil
    ) {
        self.hiddenDims = hiddenDims
        self.inputDim = inputDim
        self.numClasses = numClasses
        self.dropoutKeepProbability = dropoutKeepProbability
        self.normalization = normalization
        self.reg = reg
        self.weightScale = weightScale
        self.dropoutSeed = dropoutSeed
    }

    /// Number of affine layers, L = hidden layers + 1.
    public var layerCount: Int { hiddenDims.count + 1 }

    /// Whether dropout is on (keep probability below 1).
    public var usesDropout: Bool { dropoutKeepProbability < 1 }

    func validate() throws(NumericError) {
        let op = "FullyConnectedNet"
        guard inputDim > 0, numClasses > 0, hiddenDims.allSatisfy({ $0 > 0 }) else {
            throw .invalidArgument(operation: op, message: "every dimension must be positive: input \(inputDim), hidden \(hiddenDims), classes \(numClasses)")
        }
        try Check.probability(dropoutKeepProbability, "dropout keep probability", op)
        guard reg >= 0, reg.isFinite else { throw .invalidArgument(operation: op, message: "reg must be finite and >= 0, got \(reg)") }
        guard weightScale.isFinite, weightScale >= 0 else { throw .invalidArgument(operation: op, message: "weight scale must be finite and >= 0, got \(weightScale)") }
    }
}
