/// The net a check asks an implementation to build, in the course's terms (2018+ conventions:
/// dropout is a keep probability, 1 = off; `normalization` is nil, "batchnorm" or "layernorm").
public struct ModelSpec: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case twoLayer = "two_layer", fullyConnected = "fully_connected" }

    public var kind: Kind
    public var hiddenDims: [Int]
    public var inputDim: Int
    public var numClasses: Int
    public var weightScale: Double
    public var reg: Double
    public var normalization: String?
    public var dropoutKeep: Double
    /// Seed of the dropout masks (`dropout_param['seed']`), if any.
    public var dropoutSeed: Int?
    /// `np.random.seed(initSeed)` right before the model is built.
    public var initSeed: Int

    public init(
        kind: Kind, hiddenDims: [Int], inputDim: Int, numClasses: Int, weightScale: Double, reg: Double = 0,
        normalization: String? = nil, dropoutKeep: Double = 1, dropoutSeed: Int? = nil, initSeed: Int = 0
    ) {
        self.kind = kind
        self.hiddenDims = hiddenDims
        self.inputDim = inputDim
        self.numClasses = numClasses
        self.weightScale = weightScale
        self.reg = reg
        self.normalization = normalization
        self.dropoutKeep = dropoutKeep
        self.dropoutSeed = dropoutSeed
        self.initSeed = initSeed
    }

    /// The wire arguments of `make_model`.
    public var arguments: [String: Value] {
        [
            "kind": .string(kind.rawValue), "hidden_dims": .list(hiddenDims.map { .integer($0) }),
            "input_dim": .integer(inputDim), "num_classes": .integer(numClasses),
            "weight_scale": .number(weightScale), "reg": .number(reg),
            "normalization": normalization.map { .string($0) } ?? .none, "dropout_keep": .number(dropoutKeep),
            "dropout_seed": dropoutSeed.map { .integer($0) } ?? .none, "init_seed": .integer(initSeed),
        ]
    }

    /// Reads `make_model`'s arguments back (for implementations).
    public init(arguments a: [String: Value]) throws(ImplementationError) {
        func fail(_ key: String) -> ImplementationError { .malformedReply(operation: "make_model", detail: "argument '\(key)' missing or ill-typed") }
        guard case let .string(kindName) = a["kind"], let kind = Kind(rawValue: kindName) else { throw fail("kind") }
        guard case let .list(dims) = a["hidden_dims"] else { throw fail("hidden_dims") }
        var hidden: [Int] = []
        for d in dims { guard case let .integer(i) = d else { throw fail("hidden_dims") }; hidden.append(i) }
        guard case let .integer(inputDim) = a["input_dim"], case let .integer(classes) = a["num_classes"],
              case let .number(scale) = a["weight_scale"], case let .number(reg) = a["reg"],
              case let .number(keep) = a["dropout_keep"], case let .integer(initSeed) = a["init_seed"]
        else { throw fail("input_dim/num_classes/weight_scale/reg/dropout_keep/init_seed") }
        var normalization: String?
        if case let .string(n) = a["normalization"] { normalization = n }
        var dropoutSeed: Int?
        if case let .integer(s) = a["dropout_seed"] { dropoutSeed = s }
        self.init(kind: kind, hiddenDims: hidden, inputDim: inputDim, numClasses: classes, weightScale: scale, reg: reg,
                  normalization: normalization, dropoutKeep: keep, dropoutSeed: dropoutSeed, initSeed: initSeed)
    }
}
