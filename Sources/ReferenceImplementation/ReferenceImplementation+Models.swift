import Engine
import Implementation
import NumericCore

extension ReferenceImplementation {
    func modelOperation(_ operation: Operation, _ a: Arguments) throws -> [String: Value] {
        switch operation {
        case .makeModel:
            let spec = try ModelSpec(arguments: a.values)
            var rng = RandomSource(seed: UInt32(truncatingIfNeeded: spec.initSeed))
            let normalization = try spec.normalization.map { name throws -> Normalization in
                guard let n = Normalization(rawValue: name) else {
                    throw ImplementationError.raised(type: "ValueError", message: "unknown normalization \(name)", location: nil)
                }
                return n
            }
            let net = try FullyConnectedNet<Double>(
                FullyConnectedNetConfiguration(
                    hiddenDims: spec.hiddenDims, inputDim: spec.inputDim, numClasses: spec.numClasses,
                    dropoutKeepProbability: spec.dropoutKeep, normalization: normalization, reg: spec.reg,
                    weightScale: spec.weightScale, dropoutSeed: spec.dropoutSeed.map { UInt32(truncatingIfNeeded: $0) }),
                rng: &rng)
            return ["model": store(net)]
        case .getParameters:
            let net = try fetch(a, "model", as: FullyConnectedNet<Double>.self)
            return ["params": .dict(Dictionary(uniqueKeysWithValues: net.parameters.entries.map { ($0.name, Value.array($0.tensor)) }))]
        case .setParameters:
            let net = try fetch(a, "model", as: FullyConnectedNet<Double>.self)
            for (name, value) in try a.dict("params") {
                guard case let .array(t) = value else { throw ImplementationError.malformedReply(operation: "set_params", detail: "\(name) is not an array") }
                try net.setParameter(name, t)
            }
            return [:]
        case .modelLoss:
            let net = try fetch(a, "model", as: FullyConnectedNet<Double>.self)
            if let reg = try a.optionalNumber("reg") { net.reg = reg }
            let x = try a.array("X")
            guard let y = try a.optionalLabels("y") else { return ["scores": .array(try net.scores(x))] }
            let result = try net.loss(x, y)
            return [
                "loss": .number(result.loss),
                "grads": .dict(Dictionary(uniqueKeysWithValues: result.gradients.entries.map { ($0.name, Value.array($0.tensor)) })),
            ]
        default:
            throw ImplementationError.notImplemented(operation: operation.rawValue, detail: "not a model operation")
        }
    }

    /// `next_w, config = rule(w, dw, config)` with the course's config keys: learning_rate,
    /// momentum, decay_rate, beta1, beta2, epsilon (hyper-parameters) and velocity, cache, m, v,
    /// t (state). Keys absent from the config get the course's defaults.
    func update(_ a: Arguments) throws -> [String: Value] {
        let rule = try a.string("rule")
        var w = try a.array("w")
        let dw = try a.array("dw")
        let config = Arguments(.update, try a.dict("config"))
        var out = config.values
        func optionalArray(_ key: String) throws -> Tensor<Double>? {
            config.values[key] == nil || config.values[key] == Value.none ? nil : try config.array(key)
        }
        switch rule {
        case "sgd":
            let c = SGD(learningRate: try config.optionalNumber("learning_rate") ?? 1e-2)
            try c.step(&w, dw)
            out["learning_rate"] = .number(c.learningRate)
        case "sgd_momentum":
            let c = SGDMomentum(learningRate: try config.optionalNumber("learning_rate") ?? 1e-2, momentum: try config.optionalNumber("momentum") ?? 0.9)
            var state = SGDMomentum.State(velocity: try optionalArray("velocity"))
            try c.step(&w, dw, state: &state)
            out["learning_rate"] = .number(c.learningRate)
            out["momentum"] = .number(c.momentum)
            out["velocity"] = .array(state.velocity!)
        case "rmsprop":
            let c = RMSProp(
                learningRate: try config.optionalNumber("learning_rate") ?? 1e-2, decayRate: try config.optionalNumber("decay_rate") ?? 0.99,
                epsilon: try config.optionalNumber("epsilon") ?? 1e-8)
            var state = RMSProp.State(cache: try optionalArray("cache"))
            try c.step(&w, dw, state: &state)
            out["learning_rate"] = .number(c.learningRate)
            out["decay_rate"] = .number(c.decayRate)
            out["epsilon"] = .number(c.epsilon)
            out["cache"] = .array(state.cache!)
        case "adam":
            let c = Adam(
                learningRate: try config.optionalNumber("learning_rate") ?? 1e-3, beta1: try config.optionalNumber("beta1") ?? 0.9,
                beta2: try config.optionalNumber("beta2") ?? 0.999, epsilon: try config.optionalNumber("epsilon") ?? 1e-8)
            var state = Adam.State(m: try optionalArray("m"), v: try optionalArray("v"), t: Int(try config.optionalNumber("t") ?? 0))
            try c.step(&w, dw, state: &state)
            out["learning_rate"] = .number(c.learningRate)
            out["beta1"] = .number(c.beta1)
            out["beta2"] = .number(c.beta2)
            out["epsilon"] = .number(c.epsilon)
            out["m"] = .array(state.m!)
            out["v"] = .array(state.v!)
            out["t"] = .integer(state.t)
        default:
            throw ImplementationError.raised(type: "ValueError", message: "Invalid update_rule \"\(rule)\"", location: nil)
        }
        return ["next_w": .array(w), "config": .dict(out)]
    }

    func solverTrain(_ a: Arguments) throws -> [String: Value] {
        let net = try fetch(a, "model", as: FullyConnectedNet<Double>.self)
        let train = try LabeledData(x: a.array("X_train"), y: a.labels("y_train"))
        let validation = try LabeledData(x: a.array("X_val"), y: a.labels("y_val"))
        let optim = Arguments(.solverTrain, try a.dict("optim_config"))
        guard let rule = UpdateRule(name: try a.string("update_rule"), learningRate: try optim.optionalNumber("learning_rate")) else {
            throw ImplementationError.raised(type: "ValueError", message: "Invalid update_rule", location: nil)
        }
        let solver = try Solver(
            model: net, train: train, validation: validation,
            configuration: SolverConfiguration(
                updateRule: rule, learningRateDecay: try a.optionalNumber("lr_decay") ?? 1,
                batchSize: try a.integer("batch_size"), epochs: try a.integer("num_epochs"),
                seed: UInt32(truncatingIfNeeded: try a.integer("seed"))))
        let history = try solver.train()
        return [
            "loss_history": .list(history.loss.map { .number($0) }),
            "train_acc_history": .list(history.trainAccuracy.map { .number($0) }),
            "val_acc_history": .list(history.validationAccuracy.map { .number($0) }),
            "best_val_acc": .number(history.bestValidationAccuracy),
        ]
    }
}
