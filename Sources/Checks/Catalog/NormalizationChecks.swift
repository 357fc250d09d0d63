import Implementation
import NumericCore

/// Batch normalization, layer normalization and dropout.
enum NormalizationChecks {
    static var all: [Check] {
        [batchnormTrain, batchnormTest, batchnormBackward, batchnormBackwardAlt, layernormForward, layernormBackward,
         dropoutTrain, dropoutTest, dropoutBackward]
    }

    static func bnForward(_ ctx: CheckContext, _ x: Tensor<Double>, _ gamma: Tensor<Double>, _ beta: Tensor<Double>, _ param: [String: Value]) throws -> Reply {
        try ctx.call(.batchnormForward, ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "bn_param": .dict(param)])
    }

    static let batchnormTrain = Check(
        "layers.batchnorm.forward_train", title: "batchnorm_forward (train): batch mean and biased variance, running averages with momentum",
        points: 2, grades: [.batchnormForward], criteria: [Criteria.normalization], requires: [.batchnormForward]
    ) { ctx in
        let c = try ctx.fixture("layers.batchnorm.train")
        let (x, gamma, beta) = (try c.input("x"), try c.input("gamma"), try c.input("beta"))
        let param: [String: Value] = ["mode": .string("train"), "momentum": .number(0.9), "eps": .number(1e-5),
                                      "running_mean": .array(try c.input("running_mean")), "running_var": .array(try c.input("running_var"))]
        let r = try bnForward(ctx, x, gamma, beta, param)
        try ctx.expect(r.array("out"), c.expected("out", shape: x.shape), "out",
                       hint: "normalize with the batch mean and the biased variance (np.var, not ddof=1), then gamma * xhat + beta")
        let updated = Reply(.batchnormForward, try r.dict("bn_param"))
        try ctx.expect(updated.array("running_mean"), c.expected("running_mean", shape: gamma.shape), "bn_param['running_mean']",
                       hint: "running_mean = momentum * running_mean + (1 - momentum) * sample_mean, stored back in bn_param")
        try ctx.expect(updated.array("running_var"), c.expected("running_var", shape: gamma.shape), "bn_param['running_var']",
                       hint: "running_var = momentum * running_var + (1 - momentum) * sample_var, stored back in bn_param")
    }

    static let batchnormTest = Check(
        "layers.batchnorm.forward_test", title: "batchnorm_forward (test): normalize with the running statistics, then gamma and beta",
        points: 1, grades: [.batchnormForward], criteria: [Criteria.normalization], requires: [.batchnormForward]
    ) { ctx in
        let c = try ctx.fixture("layers.batchnorm.test")
        let x = try c.input("x")
        let param: [String: Value] = ["mode": .string("test"), "eps": .number(1e-5),
                                      "running_mean": .array(try c.input("running_mean")), "running_var": .array(try c.input("running_var"))]
        let r = try bnForward(ctx, x, c.input("gamma"), c.input("beta"), param)
        try ctx.expect(r.array("out"), c.expected("out", shape: x.shape), "out",
                       hint: "at test time use running_mean and running_var (not the batch statistics), then scale by gamma and shift by beta")
    }

    static func bnBackward(_ ctx: CheckContext, _ operation: Operation) throws {
        let c = try ctx.fixture("layers.batchnorm.backward")
        let (x, gamma, beta, dout) = (try c.input("x"), try c.input("gamma"), try c.input("beta"), try c.input("dout"))
        let param: [String: Value] = ["mode": .string("train")]
        let cache = try bnForward(ctx, x, gamma, beta, param).handle("cache")
        let g = try ctx.call(operation, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dgamma, dbeta) = (try g.array("dx"), try g.array("dgamma"), try g.array("dbeta"))
        try ctx.expect(dx, c.expected("dx", shape: x.shape), "dx")
        try ctx.expect(dgamma, c.expected("dgamma", shape: gamma.shape), "dgamma", hint: "dgamma = sum(dout * xhat, axis=0)")
        try ctx.expect(dbeta, c.expected("dbeta", shape: beta.shape), "dbeta", hint: "dbeta = sum(dout, axis=0)")
        let args: [String: Value] = ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "bn_param": .dict(param)]
        func call(_ vary: String) -> BatchedCall { BatchedCall(operation: .batchnormForward, arguments: args, vary: vary, output: "out") }
        func out(_ x: Tensor<Double>, _ gamma: Tensor<Double>) throws -> Tensor<Double> { try bnForward(ctx, x, gamma, beta, param).array("out") }
        try OwnGradient.array(ctx, "dx", of: "batchnorm_forward", at: x, upstream: dout, analytic: dx, call: call("x")) { try out($0, gamma) }
        try OwnGradient.array(ctx, "dgamma", of: "batchnorm_forward", at: gamma, upstream: dout, analytic: dgamma, call: call("gamma")) { try out(x, $0) }
    }

    static let batchnormBackward = Check(
        "layers.batchnorm.backward", title: "batchnorm_backward: dx, dgamma, dbeta through the batch statistics",
        points: 3, grades: [.batchnormBackward], criteria: [Criteria.normalization], ownGradient: OwnGradient.normalization,
        requires: [.batchnormForward, .batchnormBackward]
    ) { ctx in try bnBackward(ctx, .batchnormBackward) }

    static let batchnormBackwardAlt = Check(
        "layers.batchnorm.backward_alt", title: "batchnorm_backward_alt: the simplified formula gives the same gradients",
        points: 1, grades: [.batchnormBackwardAlt], criteria: [Criteria.normalization], ownGradient: OwnGradient.normalization,
        requires: [.batchnormForward, .batchnormBackwardAlt]
    ) { ctx in try bnBackward(ctx, .batchnormBackwardAlt) }

    static let lnParam: [String: Value] = ["eps": .number(1e-5)]

    static func lnForward(_ ctx: CheckContext, _ x: Tensor<Double>, _ gamma: Tensor<Double>, _ beta: Tensor<Double>) throws -> Reply {
        try ctx.call(.layernormForward, ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "ln_param": .dict(lnParam)])
    }

    static let layernormForward = Check(
        "layers.layernorm.forward", title: "layernorm_forward: each example normalized over its own features",
        points: 1, grades: [.layernormForward], criteria: [Criteria.normalization], requires: [.layernormForward]
    ) { ctx in
        let c = try ctx.fixture("layers.layernorm")
        let x = try c.input("x")
        let out = try lnForward(ctx, x, c.input("gamma"), c.input("beta")).array("out")
        try ctx.expect(out, c.expected("out", shape: x.shape), "out", hint: "statistics over axis 1 (features), per example")
    }

    static let layernormBackward = Check(
        "layers.layernorm.backward", title: "layernorm_backward: dx, dgamma, dbeta",
        points: 2, grades: [.layernormBackward], criteria: [Criteria.normalization], ownGradient: OwnGradient.normalization,
        requires: [.layernormForward, .layernormBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.layernorm")
        let (x, gamma, beta, dout) = (try c.input("x"), try c.input("gamma"), try c.input("beta"), try c.input("dout"))
        let cache = try lnForward(ctx, x, gamma, beta).handle("cache")
        let g = try ctx.call(.layernormBackward, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dgamma) = (try g.array("dx"), try g.array("dgamma"))
        try ctx.expect(dx, c.expected("dx", shape: x.shape), "dx")
        try ctx.expect(dgamma, c.expected("dgamma", shape: gamma.shape), "dgamma")
        try ctx.expect(g.array("dbeta"), c.expected("dbeta", shape: beta.shape), "dbeta")
        let args: [String: Value] = ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "ln_param": .dict(lnParam)]
        try OwnGradient.array(ctx, "dx", of: "layernorm_forward", at: x, upstream: dout, analytic: dx,
                              call: BatchedCall(operation: .layernormForward, arguments: args, vary: "x", output: "out")) {
            try lnForward(ctx, $0, gamma, beta).array("out")
        }
    }

    /// Dropout with keep probability `keep` (the harness's convention; an adapter converts it to
    /// the submission's `p`).
    static func dropout(_ ctx: CheckContext, _ x: Tensor<Double>, keep: Double, mode: String, seed: Int?) throws -> Reply {
        var param: [String: Value] = ["p": .number(keep), "mode": .string(mode)]
        if let seed { param["seed"] = .integer(seed) }
        return try ctx.call(.dropoutForward, ["x": .array(x), "dropout_param": .dict(param)])
    }

    /// The notebook's dropout input: seed 231, x = randn(500, 500) + 10 (numpy's generator);
    /// drawn once per process (both dropout statistics checks of every submission use it).
    static let statisticsInput: Tensor<Double> = {
        var rng = RandomSource(seed: 231)
        var x = Tensor<Double>.randomNormal([500, 500], using: &rng)
        for i in 0..<x.count { x.scalars[i] += 10 }
        return x
    }()

    static let dropoutTrain = Check(
        "layers.dropout.forward_train", title: "dropout_forward (train): keeps a unit with probability 1 - drop, scaled so the mean is unchanged (inverted dropout)",
        points: 2, grades: [.dropoutForward],
        criteria: [
            Criterion("kept", course: .statistic("|fraction kept - keep probability|", 0.01), basis: "the notebook prints the fraction of zeros", reference: nil),
            Criterion("mean", course: .statistic("|output mean - input mean| / input mean", 0.02), basis: "the notebook prints the means", reference: nil),
        ],
        requires: [.dropoutForward], cost: 12
    ) { ctx in
        let x = statisticsInput
        let inputMean = x.sum() / Double(x.count)
        let keptBound = try ctx.currentCheck().criterion("kept").course!.value
        let meanBound = try ctx.currentCheck().criterion("mean").course!.value
        let conventions = ctx.profile.conventions
        for keep in [0.25, 0.4, 0.7] {
            let p = ctx.dropoutP == .keep ? keep : 1 - keep
            let out = try dropout(ctx, x, keep: keep, mode: "train", seed: 123).array("out")
            guard out.shape == x.shape else { throw CheckFailure("out has shape \(Shape.describe(out.shape)), expected the input's \(Shape.describe(x.shape))") }
            let width = x.shape[1]
            let firstRow = (0..<width).map { out.scalars[$0] == 0 }, secondRow = (0..<width).map { out.scalars[width + $0] == 0 }
            if firstRow == secondRow {
                throw CheckFailure("p = \(p): every example gets the same dropout mask (rows 0 and 1 drop exactly the same units). Draw the mask for the whole input, np.random.rand(*x.shape), not for one row")
            }
            let kept = Double(out.scalars.filter { $0 != 0 }.count) / Double(out.count)
            let mean = out.sum() / Double(out.count)
            let telling = abs(kept - keep) > keptBound || abs(mean - inputMean) > meanBound * abs(inputMean)
            if telling { ctx.observe("fraction kept and mean at keep \(keep)", Tensor([kept, mean])) }
            let said = "p = \(p) (dropout_param['p'], \(ctx.dropoutP.phrase) in the \(ctx.profile) docstring: '\(conventions.dropoutDocstring)')"
            if abs(kept - keep) > keptBound {
                guard abs(kept - (1 - keep)) <= keptBound else {
                    throw CheckFailure("\(said): \(String(format: "%.3f", kept)) of the units are kept, expected about \(keep)")
                }
                let other = "your dropout_forward treats p as \(ctx.dropoutP.other.phrase)"
                guard conventions.otherDropoutPAccepted else {
                    throw CheckFailure("\(said): \(String(format: "%.3f", kept)) of the units are kept, expected about \(keep): \(other), but in the \(ctx.profile) p is \(ctx.dropoutP.phrase)")
                }
                ctx.warn("\(other); the \(ctx.profile) docstring says '\(conventions.dropoutDocstring)' (\(ctx.dropoutP.phrase)). The lectures used the other meaning, so the course accepts both")
            }
            if abs(mean - inputMean) > meanBound * abs(inputMean) {
                throw CheckFailure("\(said): the output mean is \(String(format: "%.4f", mean)), the input mean \(String(format: "%.4f", inputMean)). Inverted dropout divides the kept units by the keep probability so that the mean is unchanged")
            }
        }
    }

    /// The first 20 rows of the statistics input: the identity at test time holds for any
    /// input, and 10,000 entries travel to the submission and back in a tenth of the time.
    static let identityInput: Tensor<Double> = {
        let rows = 20, width = statisticsInput.shape[1]
        return Tensor(uncheckedShape: [rows, width], scalars: Array(statisticsInput.scalars[0..<(rows * width)]))
    }()

    static let dropoutTest = Check(
        "layers.dropout.forward_test", title: "dropout_forward (test): the identity",
        points: 1, grades: [.dropoutForward],
        criteria: [Criterion(course: .absolute(0), basis: "inverted dropout does nothing at test time", reference: nil)],
        requires: [.dropoutForward]
    ) { ctx in
        let x = identityInput
        let out = try dropout(ctx, x, keep: 0.4, mode: "test", seed: 123).array("out")
        try ctx.expect(out, x, "out", hint: "in test mode dropout returns x unchanged (inverted dropout needs no scaling at test time)")
    }

    static let dropoutBackward = Check(
        "layers.dropout.backward", title: "dropout_backward: dout * mask (the same mask as the forward pass)",
        points: 1, grades: [.dropoutBackward],
        criteria: [Criterion(course: nil, basis: "the notebook's own gradient check (around e-10)", reference: nil)],
        ownGradient: OwnGradient.layers, requires: [.dropoutForward, .dropoutBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.dropout.backward")
        let (x, dout) = (try c.input("x"), try c.input("dout"))
        let cache = try dropout(ctx, x, keep: 0.2, mode: "train", seed: 123).handle("cache")
        let dx = try ctx.call(.dropoutBackward, ["dout": .array(dout), "cache": .handle(cache)]).array("dx")
        let dropoutArguments: [String: Value] = ["x": .array(x), "dropout_param": .dict(["p": .number(0.2), "mode": .string("train"), "seed": .integer(123)])]
        try OwnGradient.array(ctx, "dx", of: "dropout_forward", at: x, upstream: dout, analytic: dx,
                              call: BatchedCall(operation: .dropoutForward, arguments: dropoutArguments, vary: "x", output: "out")) {
            try dropout(ctx, $0, keep: 0.2, mode: "train", seed: 123).array("out")
        }
    }
}
