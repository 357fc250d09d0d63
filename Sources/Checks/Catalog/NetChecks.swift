import Implementation
import NumericCore

/// TwoLayerNet and FullyConnectedNet: initialization, scores, loss and gradients with fixed
/// parameters (fixtures), and gradients against the numerical gradient of the net's own loss.
/// Each depth the course builds (one to four hidden layers) is graded; a net without hidden
/// layers, which the course never builds, is an extra.
enum NetChecks {
    static var all: [Check] {
        [twoLayerInit, twoLayerScores, twoLayerLoss, twoLayerGradients, fcInit, fcLoss, fcGradients, fcNoHiddenLayers,
         fcVariant("batchnorm"), fcVariant("layernorm"), fcVariant("dropout")]
    }

    /// The depths (number of affine layers) of the graded FullyConnectedNet fixtures.
    static let depths = [2, 3, 5]

    static func makeModel(_ ctx: CheckContext, _ spec: ModelSpec) throws -> Handle {
        try ctx.call(.makeModel, spec.arguments).handle("model")
    }

    static func parameters(_ ctx: CheckContext, _ model: Handle) throws -> [String: Tensor<Double>] {
        try ctx.call(.getParameters, ["model": .handle(model)]).arrays("params")
    }

    static func setParameters(_ ctx: CheckContext, _ model: Handle, _ params: [String: Tensor<Double>]) throws {
        _ = try ctx.call(.setParameters, ["model": .handle(model), "params": .dict(params.mapValues { .array($0) })])
    }

    static func loss(_ ctx: CheckContext, _ model: Handle, _ x: Tensor<Double>, _ y: [Int], reg: Double? = nil) throws -> (Double, [String: Tensor<Double>]) {
        var arguments: [String: Value] = ["model": .handle(model), "X": .array(x), "y": Value(y)]
        if let reg { arguments["reg"] = .number(reg) }
        let r = try ctx.call(.modelLoss, arguments)
        return (try r.number("loss"), try r.arrays("grads"))
    }

    static let initCriterion = Criterion(
        "init", course: .statistic("|std(W) - weight_scale| / weight_scale", 0.1),
        basis: "the notebook asserts abs(W.std() - std) < std / 10 and zero biases", reference: nil)

    /// Names, shapes, weight standard deviation within the criterion, zero biases, unit gammas.
    /// A missing parameter fails; an extra one (gamma/beta created without normalization) and a
    /// shape numpy treats alike only warn.
    static func checkInitialization(_ ctx: CheckContext, _ params: [String: Tensor<Double>], dims: [Int], std: Double, normalized: Bool) throws {
        let layers = dims.count - 1
        var expected: [String: [Int]] = [:]
        for l in 1...layers {
            expected["W\(l)"] = [dims[l - 1], dims[l]]
            expected["b\(l)"] = [dims[l]]
            if normalized && l < layers {
                expected["gamma\(l)"] = [dims[l]]
                expected["beta\(l)"] = [dims[l]]
            }
        }
        let missing = Set(expected.keys).subtracting(params.keys)
        guard missing.isEmpty else {
            throw CheckFailure("parameters are named \(params.keys.sorted()); missing \(missing.sorted()) (expected W1..W\(layers), b1..b\(layers)\(normalized ? ", gamma1.., beta1.." : ""))")
        }
        let extra = Set(params.keys).subtracting(expected.keys)
        if !extra.isEmpty {
            ctx.warn("the net also holds \(extra.sorted()) (dims \(dims)\(normalized ? "" : ", no normalization")); the course's checks ignore them")
        }
        let bound = try ctx.currentCheck().criterion("init").course!.value
        for (name, shape) in expected.sorted(by: { $0.key < $1.key }) {
            var p = params[name]!
            if p.shape != shape {
                guard Compare.equivalentShapes(p.shape, shape) else {
                    throw CheckFailure("\(name) has shape \(Shape.describe(p.shape)), expected \(Shape.describe(shape))")
                }
                ctx.warn("\(name) has shape \(Shape.describe(p.shape)) where the course says \(Shape.describe(shape)); numpy broadcasts the two alike, so the course accepts it")
                p = try p.reshaped(shape)
            }
            if name.hasPrefix("W") {
                let mean = p.sum() / Double(p.count)
                let sd = (p.scalars.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(p.count)).squareRoot()
                if !(abs(sd - std) < bound * std) {
                    throw CheckFailure("\(name) has standard deviation \(sd), expected \(std) (within \(bound * std)): weights are weight_scale * np.random.randn(in, out)")
                }
            } else if name.hasPrefix("b") || name.hasPrefix("beta") {
                if p.scalars.contains(where: { $0 != 0 }) { throw CheckFailure("\(name) must start at zero") }
            } else if name.hasPrefix("gamma") {
                if p.scalars.contains(where: { $0 != 1 }) { throw CheckFailure("\(name) must start at one") }
            }
        }
    }

    static let twoLayerInit = Check(
        "nets.two_layer.init", title: "TwoLayerNet: W1, b1, W2, b2 with weight_scale * randn weights and zero biases",
        points: 1, grades: [.twoLayerNet], criteria: [initCriterion], requires: [.makeModel, .getParameters]
    ) { ctx in
        let spec = ModelSpec(kind: .twoLayer, hiddenDims: [50], inputDim: 100, numClasses: 10, weightScale: 1e-2, initSeed: 231)
        try checkInitialization(ctx, parameters(ctx, makeModel(ctx, spec)), dims: [100, 50, 10], std: 1e-2, normalized: false)
    }

    static func goldenTwoLayer(_ ctx: CheckContext) throws -> (Handle, FixtureView) {
        let c = try ctx.fixture("nets.two_layer.golden")
        let model = try makeModel(ctx, ModelSpec(kind: .twoLayer, hiddenDims: [50], inputDim: 5, numClasses: 7, weightScale: 1e-3, initSeed: 231))
        try setParameters(ctx, model, ["W1": c.input("W1"), "b1": c.input("b1"), "W2": c.input("W2"), "b2": c.input("b2")])
        return (model, c)
    }

    static let twoLayerScores = Check(
        "nets.two_layer.scores", title: "TwoLayerNet test-time scores (notebook's correct_scores)",
        points: 1, grades: [.twoLayerNet],
        criteria: [Criterion(course: .sumOfAbsolute(1e-6), basis: "the notebook asserts np.abs(scores - correct_scores).sum() < 1e-6", reference: nil)],
        requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        let (model, c) = try goldenTwoLayer(ctx)
        let x = try c.input("X")
        let scores = try ctx.call(.modelLoss, ["model": .handle(model), "X": .array(x), "y": .none]).array("scores")
        try ctx.expect(scores, c.expected("scores", shape: [x.shape[0], 7]), "scores", hint: "scores = relu(X @ W1 + b1) @ W2 + b2, without softmax")
    }

    static let twoLayerLoss = Check(
        "nets.two_layer.loss", title: "TwoLayerNet loss 3.4702243556 (reg 0) and 26.5948426952 (reg 1.0)",
        points: 2, grades: [.twoLayerNet],
        criteria: [Criterion(course: .absolute(1e-10), basis: "the notebook asserts abs(loss - correct_loss) < 1e-10", reference: nil)],
        requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        let (model, c) = try goldenTwoLayer(ctx)
        let (x, y) = (try c.input("X"), try c.labels("y"))
        try ctx.expect(try loss(ctx, model, x, y, reg: 0).0, c.expectedNumber("loss_reg0"), "loss with reg = 0",
                       hint: "data loss: mean softmax cross-entropy")
        try ctx.expect(try loss(ctx, model, x, y, reg: 1.0).0, c.expectedNumber("loss_reg1"), "loss with reg = 1.0",
                       hint: "regularization is 0.5 * reg * (sum(W1**2) + sum(W2**2)); biases are not regularized")
    }

    /// What `checkGradients` compares with the fixture besides the own numerical gradient.
    enum FixtureComparison {
        /// The loss and every gradient.
        case lossAndGradients
        /// The gradients only (the loss is graded by another check).
        case gradients
        /// Nothing: the check also runs `fcLossCase`, which compares both.
        case none
    }

    /// Each parameter's gradient against the fixture (as `againstFixture` says) and the
    /// numerical gradient of the own loss on seeded entries. The own gradient alone could be
    /// talked round by a loss that recognises perturbations; the fixture cannot.
    static func checkGradients(_ ctx: CheckContext, _ c: FixtureView, againstFixture: FixtureComparison) throws {
        let params = try c.parameters()
        let model = try makeModel(ctx, c.modelSpec())
        try setParameters(ctx, model, params)
        let (x, y) = (try c.input("X"), try c.labels("y"))
        let (value, grads) = try loss(ctx, model, x, y)
        if againstFixture == .lossAndGradients {
            try ctx.expect(value, c.expectedNumber("loss"), "loss (\(c.label))",
                           hint: "loss = mean softmax cross-entropy + 0.5 * reg * sum of every W**2 (all L weight matrices)")
        }
        if againstFixture != .none {
            for name in params.keys.sorted() {
                guard let g = grads[name] else { throw CheckFailure("no gradient for \(name) (\(c.label))") }
                try ctx.expect(g, c.expected("d\(name)", shape: params[name]!.shape), "grads['\(name)'] (\(c.label))",
                               hint: name.hasPrefix("W") ? "dW includes reg * W" : nil)
            }
        }
        for name in params.keys.sorted() {
            guard let g = grads[name] else { throw CheckFailure("no gradient for \(name) (\(c.label))") }
            let call = BatchedCall(operation: .modelLoss, arguments: ["model": .handle(model), "X": .array(x), "y": Value(y)], vary: "params.\(name)", output: "loss")
            try OwnGradient.scalar(ctx, "grads['\(name)'] (\(c.label))", of: "loss", at: params[name]!, analytic: g, call: call,
                                   sample: OwnGradient.netSampleSize) { w in
                var changed = params
                changed[name] = w
                try setParameters(ctx, model, changed)
                return try loss(ctx, model, x, y).0
            }
        }
    }

    static let twoLayerGradients = Check(
        "nets.two_layer.gradients", title: "TwoLayerNet gradients with reg 0 and 0.7",
        points: 2, grades: [.twoLayerNet], criteria: [Criteria.nets], ownGradient: OwnGradient.nets,
        requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        for id in ["nets.two_layer.reg0", "nets.two_layer.reg0.7"] {
            try checkGradients(ctx, try ctx.fixture(id), againstFixture: .lossAndGradients)
        }
    }

    static func fcInitialization(_ ctx: CheckContext, hidden: [Int], normalization: String? = nil) throws {
        let spec = ModelSpec(kind: .fullyConnected, hiddenDims: hidden, inputDim: 80, numClasses: 10, weightScale: 5e-2,
                             normalization: normalization, initSeed: 231)
        try checkInitialization(ctx, parameters(ctx, makeModel(ctx, spec)), dims: [80] + hidden + [10], std: 5e-2, normalized: normalization != nil)
    }

    static let fcInit = Check(
        "nets.fc.init", title: "FullyConnectedNet with 1, 2 and 4 hidden layers: names, shapes, weight std, zero biases",
        points: 2, grades: [.fullyConnectedNet], criteria: [initCriterion], requires: [.makeModel, .getParameters]
    ) { ctx in
        for hidden in [[64], [64, 48], [64, 48, 32, 40]] { try fcInitialization(ctx, hidden: hidden) }
    }

    static func fcLossCase(_ ctx: CheckContext, _ c: FixtureView) throws {
        let params = try c.parameters()
        let model = try makeModel(ctx, c.modelSpec())
        try setParameters(ctx, model, params)
        let (value, grads) = try loss(ctx, model, c.input("X"), c.labels("y"))
        try ctx.expect(value, c.expectedNumber("loss"), "loss (\(c.label))",
                       hint: "loss = mean softmax cross-entropy + 0.5 * reg * sum of every W**2 (all L weight matrices)")
        for name in params.keys.sorted() {
            guard let g = grads[name] else { throw CheckFailure("no gradient for \(name) (\(c.label))") }
            try ctx.expect(g, c.expected("d\(name)", shape: params[name]!.shape), "grads['\(name)'] (\(c.label))",
                           hint: name.hasPrefix("W") ? "dW includes reg * W" : nil)
        }
    }

    static let fcLoss = Check(
        "nets.fc.loss", title: "FullyConnectedNet loss and gradients with fixed parameters, 1, 2 and 4 hidden layers, reg 0 and 3.14",
        points: 4, grades: [.fullyConnectedNet], criteria: [Criteria.nets], requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        for depth in depths {
            for reg in ["0", "3.14"] { try fcLossCase(ctx, try ctx.fixture("nets.fc.depth\(depth).reg\(reg)")) }
        }
    }

    static let fcGradients = Check(
        "nets.fc.gradients", title: "FullyConnectedNet gradients match the fixture and the numerical gradient of its own loss (1, 2, 4 hidden layers; reg 0 and 3.14)",
        points: 3, grades: [.fullyConnectedNet], criteria: [Criteria.nets], ownGradient: OwnGradient.nets,
        requires: [.makeModel, .setParameters, .modelLoss], cost: 4
    ) { ctx in
        for depth in depths {
            for reg in ["0", "3.14"] { try checkGradients(ctx, try ctx.fixture("nets.fc.depth\(depth).reg\(reg)"), againstFixture: .gradients) }
        }
    }

    static let fcNoHiddenLayers = Check(
        "nets.fc.no_hidden_layers", title: "FullyConnectedNet(hidden_dims=[]): one affine layer and softmax (an extra: the course never builds it)",
        points: 0, grades: [.fullyConnectedNet], criteria: [initCriterion, Criteria.nets], ownGradient: OwnGradient.nets,
        requires: [.makeModel, .getParameters, .setParameters, .modelLoss], extra: true
    ) { ctx in
        try fcInitialization(ctx, hidden: [])
        for reg in ["0", "3.14"] {
            let c = try ctx.fixture("nets.fc.depth1.reg\(reg)")
            try fcLossCase(ctx, c)
            try checkGradients(ctx, c, againstFixture: .none)
        }
    }

    static func fcVariant(_ variant: String) -> Check {
        let (criterion, grades): (Criterion, [CourseFunction]) = switch variant {
        case "batchnorm": (Criteria.normalizedNets, [.fullyConnectedNetNormalization, .batchnormForward, .batchnormBackward])
        case "layernorm": (Criteria.normalizedNets, [.fullyConnectedNetNormalization, .layernormForward, .layernormBackward])
        default: (Criteria.dropoutNets, [.fullyConnectedNetDropout, .dropoutForward, .dropoutBackward])
        }
        return Check(
            "nets.fc.\(variant)", title: "FullyConnectedNet with \(variant): loss and gradients vs fixture and own numerical gradient",
            points: 2, grades: grades, criteria: variant == "batchnorm" ? [criterion, initCriterion] : [criterion],
            ownGradient: OwnGradient.nets, requires: [.makeModel, .setParameters, .modelLoss] + (variant == "batchnorm" ? [.getParameters] : []),
            cost: variant == "dropout" ? 2 : 3
        ) { ctx in
            if variant == "batchnorm" { try fcInitialization(ctx, hidden: [64, 48], normalization: "batchnorm") }
            for reg in ["0", "3.14"] {
                try checkGradients(ctx, try ctx.fixture("nets.fc.\(variant).reg\(reg)"), againstFixture: .lossAndGradients)
            }
        }
    }
}
