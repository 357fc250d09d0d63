import NumericCore

/// One of the course's update rules with its configuration, chosen by name at run time
/// (`sgd`, `sgd_momentum`, `rmsprop`, `adam`). Configuration is kept apart from the
/// per-parameter `OptimizerState`.
public enum UpdateRule: Sendable, Equatable, Codable {
    case sgd(SGD)
    case sgdMomentum(SGDMomentum)
    case rmsprop(RMSProp)
    case adam(Adam)

    /// The course's names, in the order the notebook compares them.
    public static let names = ["sgd", "sgd_momentum", "rmsprop", "adam"]

    /// The rule called `name` with its defaults, and `learningRate` when given.
    public init?(name: String, learningRate: Double? = nil) {
        switch name {
        case "sgd": self = .sgd(SGD())
        case "sgd_momentum": self = .sgdMomentum(SGDMomentum())
        case "rmsprop": self = .rmsprop(RMSProp())
        case "adam": self = .adam(Adam())
        default: return nil
        }
        if let learningRate { self.learningRate = learningRate }
    }

    public var name: String {
        switch self {
        case .sgd: "sgd"
        case .sgdMomentum: "sgd_momentum"
        case .rmsprop: "rmsprop"
        case .adam: "adam"
        }
    }

    public var learningRate: Double {
        get {
            switch self {
            case let .sgd(c): c.learningRate
            case let .sgdMomentum(c): c.learningRate
            case let .rmsprop(c): c.learningRate
            case let .adam(c): c.learningRate
            }
        }
        set {
            switch self {
            case var .sgd(c): c.learningRate = newValue; self = .sgd(c)
            case var .sgdMomentum(c): c.learningRate = newValue; self = .sgdMomentum(c)
            case var .rmsprop(c): c.learningRate = newValue; self = .rmsprop(c)
            case var .adam(c): c.learningRate = newValue; self = .adam(c)
            }
        }
    }

    /// Updates `w` in place from `dw`, advancing `state` (which starts as `.initial`).
    public func step<S>(_ w: inout Tensor<S>, _ dw: Tensor<S>, state: inout OptimizerState<S>) throws(NumericError) {
        switch self {
        case let .sgd(c):
            try c.step(&w, dw)
        case let .sgdMomentum(c):
            var s = state.momentum ?? SGDMomentum.State()
            state = .initial
            try c.step(&w, dw, state: &s)
            state = .momentum(s)
        case let .rmsprop(c):
            var s = state.rmsprop ?? RMSProp.State()
            state = .initial
            try c.step(&w, dw, state: &s)
            state = .rmsprop(s)
        case let .adam(c):
            var s = state.adam ?? Adam.State()
            state = .initial
            try c.step(&w, dw, state: &s)
            state = .adam(s)
        }
    }
}

/// Per-parameter state of whichever rule is in use.
public enum OptimizerState<Scalar: NetScalar>: Sendable, Equatable, Codable {
    case initial
    case momentum(SGDMomentum.State<Scalar>)
    case rmsprop(RMSProp.State<Scalar>)
    case adam(Adam.State<Scalar>)

    var momentum: SGDMomentum.State<Scalar>? { if case let .momentum(s) = self { s } else { nil } }
    var rmsprop: RMSProp.State<Scalar>? { if case let .rmsprop(s) = self { s } else { nil } }
    var adam: Adam.State<Scalar>? { if case let .adam(s) = self { s } else { nil } }
}
