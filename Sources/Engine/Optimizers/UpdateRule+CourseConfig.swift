/// The rule's configuration as the course's `optim.py` names it in `config`, so that a fresh
/// config can be written out with every key explicit (the defaults stay written once, in the
/// rules' own initializers).
extension UpdateRule {
    /// Hyper-parameters: `learning_rate`, and `momentum`, `decay_rate`, `beta1`, `beta2`,
    /// `epsilon` where the rule has them.
    public var courseHyperparameters: [String: Double] {
        switch self {
        case let .sgd(c): ["learning_rate": c.learningRate]
        case let .sgdMomentum(c): ["learning_rate": c.learningRate, "momentum": c.momentum]
        case let .rmsprop(c): ["learning_rate": c.learningRate, "decay_rate": c.decayRate, "epsilon": c.epsilon]
        case let .adam(c): ["learning_rate": c.learningRate, "beta1": c.beta1, "beta2": c.beta2, "epsilon": c.epsilon]
        }
    }

    /// The state the rule keeps in `config`, which starts as zeros shaped like `w`: `velocity`,
    /// `cache`, or `m` and `v`.
    public var courseStateArrays: [String] {
        switch self {
        case .sgd: []
        case .sgdMomentum: ["velocity"]
        case .rmsprop: ["cache"]
        case .adam: ["m", "v"]
        }
    }

    /// The step counter in `config` and its initial value (Adam's `t`, 0 before the first step).
    public var courseStepCounter: (key: String, initial: Int)? {
        if case .adam = self { return ("t", Adam.State<Double>().t) }
        return nil
    }
}
