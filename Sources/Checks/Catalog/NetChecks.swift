import Implementation
import NumericCore

/// TwoLayerNet and FullyConnectedNet: initialization, scores, loss and gradients with fixed
/// parameters (fixtures), and gradients against the numerical gradient of the net's own loss.
enum NetChecks {
    static var all: [Check] {
        [twoLayerInit, twoLayerScores, twoLayerLoss, twoLayerGradients, fcInit, fcLoss, fcGradients,
         fcVariant("batchnorm"), fcVariant("layernorm"), fcVariant("dropout")]
    }

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

    /// Names, shapes, weight standard deviation within std/10, zero biases, unit gammas.
    static func checkInitialization(_ params: [String: Tensor<Double>], dims: [Int], std: Double, normalized: Bool) throws {
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
        guard Set(params.keys) == Set(expected.keys) else {
            throw CheckFailure("parameters are named \(params.keys.sorted()), expected \(expected.keys.sorted()) (W1..W\(layers), b1..b\(layers)\(normalized ? ", gamma1.., beta1.." : ""))")
        }
        for (name, shape) in expected.sorted(by: { $0.key < $1.key }) {
            let p = params[name]!
            guard p.shape == shape else { throw CheckFailure("\(name) has shape \(Shape.describe(p.shape)), expected \(Shape.describe(shape))") }
            if name.hasPrefix("W") {
                let mean = p.sum() / Double(p.count)
                let sd = (p.scalars.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(p.count)).squareRoot()
                if abs(sd - std) >= std / 10 {
                    throw CheckFailure("\(name) has standard deviation \(sd), expected \(std) (within \(std / 10)): weights are weight_scale * np.random.randn(in, out)")
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
        points: 1, tolerance: "|std(W) - weight_scale| < weight_scale / 10", requires: [.makeModel, .getParameters]
    ) { ctx in
        let spec = ModelSpec(kind: .twoLayer, hiddenDims: [50], inputDim: 100, numClasses: 10, weightScale: 1e-2, initSeed: 231)
        try checkInitialization(parameters(ctx, makeModel(ctx, spec)), dims: [100, 50, 10], std: 1e-2, normalized: false)
    }

    static func goldenTwoLayer(_ ctx: CheckContext) throws -> (Handle, FixtureView) {
        let c = try ctx.fixture("nets.two_layer.golden")
        let model = try makeModel(ctx, ModelSpec(kind: .twoLayer, hiddenDims: [50], inputDim: 5, numClasses: 7, weightScale: 1e-3, initSeed: 231))
        try setParameters(ctx, model, ["W1": c.input("W1"), "b1": c.input("b1"), "W2": c.input("W2"), "b2": c.input("b2")])
        return (model, c)
    }

    static let twoLayerScores = Check(
        "nets.two_layer.scores", title: "TwoLayerNet test-time scores (notebook's correct_scores)",
        points: 1, tolerance: "sum of absolute differences < 1e-6 (as the notebook asserts)", requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        let (model, c) = try goldenTwoLayer(ctx)
        let scores = try ctx.call(.modelLoss, ["model": .handle(model), "X": .array(c.input("X")), "y": .none]).array("scores")
        let expected = try c.expected("scores")
        guard scores.shape == expected.shape else { throw CheckFailure("scores have shape \(Shape.describe(scores.shape)), expected \(Shape.describe(expected.shape))") }
        let difference = zip(scores.scalars, expected.scalars).reduce(0) { $0 + abs($1.0 - $1.1) }
        if !(difference < 1e-6) {
            try Compare.arrays(scores, expected, "scores", .absolute(1e-7), hint: "scores = relu(X @ W1 + b1) @ W2 + b2, without softmax")
            throw CheckFailure("scores differ from the notebook's by \(difference) in total (allowed 1e-6)")
        }
    }

    static let twoLayerLoss = Check(
        "nets.two_layer.loss", title: "TwoLayerNet loss 3.4702243556 (reg 0) and 26.5948426952 (reg 1.0)",
        points: 2, tolerance: "absolute error < 1e-10 (as the notebook asserts)", requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        let (model, c) = try goldenTwoLayer(ctx)
        let (x, y) = (try c.input("X"), try c.labels("y"))
        try Compare.numbers(try loss(ctx, model, x, y, reg: 0).0, c.expectedNumber("loss_reg0"), "loss with reg = 0", .absolute(1e-10),
                            hint: "data loss: mean softmax cross-entropy")
        try Compare.numbers(try loss(ctx, model, x, y, reg: 1.0).0, c.expectedNumber("loss_reg1"), "loss with reg = 1.0", .absolute(1e-10),
                            hint: "regularization is 0.5 * reg * (sum(W1**2) + sum(W2**2)); biases are not regularized")
    }

    /// Each parameter's gradient against the fixture and the numerical gradient of the own loss.
    static func checkGradients(_ ctx: CheckContext, _ c: FixtureView, spec: ModelSpec, params: [String: Tensor<Double>], againstFixture: Bool) throws {
        let model = try makeModel(ctx, spec)
        try setParameters(ctx, model, params)
        let (x, y) = (try c.input("X"), try c.labels("y"))
        let (value, grads) = try loss(ctx, model, x, y)
        if againstFixture {
            try Compare.numbers(value, c.expectedNumber("loss"), "loss (\(c.label))", c.tolerance,
                                hint: "loss = mean softmax cross-entropy + 0.5 * reg * sum of every W**2")
            for name in params.keys.sorted() {
                guard let g = grads[name] else { throw CheckFailure("no gradient for \(name) (\(c.label))") }
                try Compare.arrays(g, c.expected("d\(name)"), "grads['\(name)'] (\(c.label))", c.tolerance)
            }
        }
        for name in params.keys.sorted() {
            guard let g = grads[name] else { throw CheckFailure("no gradient for \(name) (\(c.label))") }
            let call = BatchedCall(operation: .modelLoss, arguments: ["model": .handle(model), "X": .array(x), "y": Value(y)], vary: "params.\(name)", output: "loss")
            try OwnGradient.scalar("grads['\(name)'] (\(c.label))", of: "loss", at: params[name]!, analytic: g, settings: OwnGradient.netSettings, batched: (ctx, call),
                                   sample: (OwnGradient.netSampleSize, ctx.seed)) { w in
                var changed = params
                changed[name] = w
                try setParameters(ctx, model, changed)
                return try loss(ctx, model, x, y).0
            }
        }
    }

    static let twoLayerGradients = Check(
        "nets.two_layer.gradients", title: "TwoLayerNet gradients with reg 0 and 0.7",
        points: 2, tolerance: "relative error <= 1e-7 vs fixture; own numerical gradient within 1e-5 on up to 40 seeded entries per parameter", requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        for id in ["nets.two_layer.reg0", "nets.two_layer.reg0.7"] {
            let c = try ctx.fixture(id)
            try checkGradients(ctx, c, spec: c.modelSpec(), params: c.parameters(), againstFixture: true)
        }
    }

    static let fcInit = Check(
        "nets.fc.init", title: "FullyConnectedNet of depth 1, 2, 3, 5 (with and without batchnorm): names, shapes, weight std, zero biases",
        points: 2, tolerance: "|std(W) - weight_scale| < weight_scale / 10", requires: [.makeModel, .getParameters]
    ) { ctx in
        for (hidden, normalization) in [([Int](), nil), ([64], nil), ([64, 48], nil), ([64, 48, 32, 40], nil), ([64, 48], "batchnorm")] as [([Int], String?)] {
            let spec = ModelSpec(kind: .fullyConnected, hiddenDims: hidden, inputDim: 80, numClasses: 10, weightScale: 5e-2,
                                 normalization: normalization, initSeed: 231)
            try checkInitialization(parameters(ctx, makeModel(ctx, spec)), dims: [80] + hidden + [10], std: 5e-2, normalized: normalization != nil)
        }
    }

    static let fcLoss = Check(
        "nets.fc.loss", title: "FullyConnectedNet loss and gradients with fixed parameters, depths 1, 2, 3, 5, reg 0 and 3.14",
        points: 4, tolerance: "relative error <= 1e-7 vs fixture", requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        for depth in [1, 2, 3, 5] {
            for reg in ["0", "3.14"] {
                let c = try ctx.fixture("nets.fc.depth\(depth).reg\(reg)")
                let model = try makeModel(ctx, c.modelSpec())
                try setParameters(ctx, model, c.parameters())
                let (value, grads) = try loss(ctx, model, c.input("X"), c.labels("y"))
                try Compare.numbers(value, c.expectedNumber("loss"), "loss (\(c.label))", c.tolerance,
                                    hint: "loss = mean softmax cross-entropy + 0.5 * reg * sum of every W**2 (all L weight matrices)")
                for name in try c.parameters().keys.sorted() {
                    guard let g = grads[name] else { throw CheckFailure("no gradient for \(name) (\(c.label))") }
                    try Compare.arrays(g, c.expected("d\(name)"), "grads['\(name)'] (\(c.label))", c.tolerance,
                                       hint: name.hasPrefix("W") ? "dW includes reg * W" : nil)
                }
            }
        }
    }

    static let fcGradients = Check(
        "nets.fc.gradients", title: "FullyConnectedNet gradients match the numerical gradient of its own loss (depths 1, 2, 3, 5; reg 0 and 3.14)",
        points: 3, tolerance: "own numerical gradient within 1e-5 on up to 40 seeded entries per parameter (kinks set aside)", requires: [.makeModel, .setParameters, .modelLoss]
    ) { ctx in
        for depth in [1, 2, 3, 5] {
            for reg in ["0", "3.14"] {
                let c = try ctx.fixture("nets.fc.depth\(depth).reg\(reg)")
                try checkGradients(ctx, c, spec: c.modelSpec(), params: c.parameters(), againstFixture: false)
            }
        }
    }

    static func fcVariant(_ variant: String) -> Check {
        Check(
            "nets.fc.\(variant)", title: "FullyConnectedNet with \(variant): loss and gradients vs fixture and own numerical gradient",
            points: 2, tolerance: "relative error <= 1e-7 vs fixture; own numerical gradient within 1e-5 on up to 40 seeded entries per parameter", requires: [.makeModel, .setParameters, .modelLoss]
        ) { ctx in
            for reg in ["0", "3.14"] {
                let c = try ctx.fixture("nets.fc.\(variant).reg\(reg)")
                try checkGradients(ctx, c, spec: c.modelSpec(), params: c.parameters(), againstFixture: true)
            }
        }
    }
}
