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
        points: 2, tolerance: "relative error <= 1e-7", requires: [.batchnormForward]
    ) { ctx in
        let c = try ctx.fixture("layers.batchnorm.train")
        let param: [String: Value] = ["mode": .string("train"), "momentum": .number(0.9), "eps": .number(1e-5),
                                      "running_mean": .array(try c.input("running_mean")), "running_var": .array(try c.input("running_var"))]
        let r = try bnForward(ctx, c.input("x"), c.input("gamma"), c.input("beta"), param)
        try Compare.arrays(r.array("out"), c.expected("out"), "out", c.tolerance, hint: "normalize with the batch mean and the biased variance (np.var, not ddof=1), then gamma * xhat + beta")
        let updated = Reply(.batchnormForward, try r.dict("bn_param"))
        try Compare.arrays(updated.array("running_mean"), c.expected("running_mean"), "bn_param['running_mean']", c.tolerance,
                           hint: "running_mean = momentum * running_mean + (1 - momentum) * sample_mean")
        try Compare.arrays(updated.array("running_var"), c.expected("running_var"), "bn_param['running_var']", c.tolerance,
                           hint: "running_var = momentum * running_var + (1 - momentum) * sample_var")
    }

    static let batchnormTest = Check(
        "layers.batchnorm.forward_test", title: "batchnorm_forward (test): normalize with the running statistics",
        points: 1, tolerance: "relative error <= 1e-7", requires: [.batchnormForward]
    ) { ctx in
        let c = try ctx.fixture("layers.batchnorm.test")
        let param: [String: Value] = ["mode": .string("test"), "eps": .number(1e-5),
                                      "running_mean": .array(try c.input("running_mean")), "running_var": .array(try c.input("running_var"))]
        let r = try bnForward(ctx, c.input("x"), c.input("gamma"), c.input("beta"), param)
        try Compare.arrays(r.array("out"), c.expected("out"), "out", c.tolerance, hint: "at test time use running_mean and running_var, not the batch statistics")
    }

    static func bnBackward(_ ctx: CheckContext, _ operation: Operation, _ name: String) throws {
        let c = try ctx.fixture("layers.batchnorm.backward")
        let (x, gamma, beta, dout) = (try c.input("x"), try c.input("gamma"), try c.input("beta"), try c.input("dout"))
        let param: [String: Value] = ["mode": .string("train")]
        let cache = try bnForward(ctx, x, gamma, beta, param).handle("cache")
        let g = try ctx.call(operation, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dgamma, dbeta) = (try g.array("dx"), try g.array("dgamma"), try g.array("dbeta"))
        try Compare.arrays(dx, c.expected("dx"), "dx", c.tolerance)
        try Compare.arrays(dgamma, c.expected("dgamma"), "dgamma", c.tolerance, hint: "dgamma = sum(dout * xhat, axis=0)")
        try Compare.arrays(dbeta, c.expected("dbeta"), "dbeta", c.tolerance, hint: "dbeta = sum(dout, axis=0)")
        func out(_ x: Tensor<Double>, _ gamma: Tensor<Double>, _ beta: Tensor<Double>) throws -> Tensor<Double> {
            try bnForward(ctx, x, gamma, beta, param).array("out")
        }
        let args: [String: Value] = ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "bn_param": .dict(param)]
        func batched(_ vary: String) -> (CheckContext, BatchedCall) { (ctx, BatchedCall(operation: .batchnormForward, arguments: args, vary: vary, output: "out")) }
        try OwnGradient.array("dx", of: "batchnorm_forward", at: x, upstream: dout, analytic: dx, batched: batched("x")) { try out($0, gamma, beta) }
        try OwnGradient.array("dgamma", of: "batchnorm_forward", at: gamma, upstream: dout, analytic: dgamma, batched: batched("gamma")) { try out(x, $0, beta) }
        _ = name
    }

    static let batchnormBackward = Check(
        "layers.batchnorm.backward", title: "batchnorm_backward: dx, dgamma, dbeta through the batch statistics",
        points: 3, tolerance: "relative error <= 1e-8 vs fixture (notebook: 1e-13 to 1e-8); own numerical gradient within 1e-6",
        requires: [.batchnormForward, .batchnormBackward]
    ) { ctx in try bnBackward(ctx, .batchnormBackward, "batchnorm_backward") }

    static let batchnormBackwardAlt = Check(
        "layers.batchnorm.backward_alt", title: "batchnorm_backward_alt: the simplified formula gives the same gradients",
        points: 1, tolerance: "relative error <= 1e-8 vs fixture; own numerical gradient within 1e-6",
        requires: [.batchnormForward, .batchnormBackwardAlt]
    ) { ctx in try bnBackward(ctx, .batchnormBackwardAlt, "batchnorm_backward_alt") }

    static func lnForward(_ ctx: CheckContext, _ x: Tensor<Double>, _ gamma: Tensor<Double>, _ beta: Tensor<Double>) throws -> Reply {
        try ctx.call(.layernormForward, ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "ln_param": .dict(["eps": .number(1e-5)])])
    }

    static let layernormForward = Check(
        "layers.layernorm.forward", title: "layernorm_forward: each example normalized over its own features",
        points: 1, tolerance: "relative error <= 1e-7", requires: [.layernormForward]
    ) { ctx in
        let c = try ctx.fixture("layers.layernorm")
        let out = try lnForward(ctx, c.input("x"), c.input("gamma"), c.input("beta")).array("out")
        try Compare.arrays(out, c.expected("out"), "out", c.tolerance, hint: "statistics over axis 1 (features), per example")
    }

    static let layernormBackward = Check(
        "layers.layernorm.backward", title: "layernorm_backward: dx, dgamma, dbeta",
        points: 2, tolerance: "relative error <= 1e-8 vs fixture; own numerical gradient within 1e-6",
        requires: [.layernormForward, .layernormBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.layernorm")
        let (x, gamma, beta, dout) = (try c.input("x"), try c.input("gamma"), try c.input("beta"), try c.input("dout"))
        let cache = try lnForward(ctx, x, gamma, beta).handle("cache")
        let g = try ctx.call(.layernormBackward, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dgamma) = (try g.array("dx"), try g.array("dgamma"))
        try Compare.arrays(dx, c.expected("dx"), "dx", c.tolerance)
        try Compare.arrays(dgamma, c.expected("dgamma"), "dgamma", c.tolerance)
        try Compare.arrays(g.array("dbeta"), c.expected("dbeta"), "dbeta", c.tolerance)
        try OwnGradient.array("dx", of: "layernorm_forward", at: x, upstream: dout, analytic: dx,
                              batched: (ctx, BatchedCall(operation: .layernormForward, arguments: ["x": .array(x), "gamma": .array(gamma), "beta": .array(beta), "ln_param": .dict(["eps": .number(1e-5)])], vary: "x", output: "out"))) {
            try lnForward(ctx, $0, gamma, beta).array("out")
        }
    }

    static func dropout(_ ctx: CheckContext, _ x: Tensor<Double>, keep: Double, mode: String, seed: Int?) throws -> Reply {
        var param: [String: Value] = ["p": .number(keep), "mode": .string(mode)]
        if let seed { param["seed"] = .integer(seed) }
        return try ctx.call(.dropoutForward, ["x": .array(x), "dropout_param": .dict(param)])
    }

    /// The notebook's dropout input: seed 231, x = randn(500, 500) + 10 (numpy's generator).
    static func statisticsInput() -> Tensor<Double> {
        var rng = RandomSource(seed: 231)
        var x = Tensor<Double>.randomNormal([500, 500], using: &rng)
        for i in 0..<x.count { x.scalars[i] += 10 }
        return x
    }

    static let dropoutTrain = Check(
        "layers.dropout.forward_train", title: "dropout_forward (train): keeps a fraction p of units, scaled by 1/p (inverted dropout)",
        points: 2, tolerance: "fraction kept within 0.01 of p; output mean within 2% of the input mean", requires: [.dropoutForward]
    ) { ctx in
        let x = statisticsInput()
        let inputMean = x.sum() / Double(x.count)
        for keep in [0.25, 0.4, 0.7] {
            let out = try dropout(ctx, x, keep: keep, mode: "train", seed: 123).array("out")
            guard out.shape == x.shape else { throw CheckFailure("out has shape \(Shape.describe(out.shape)), expected the input's \(Shape.describe(x.shape))") }
            let width = x.shape[1]
            let firstRow = (0..<width).map { out.scalars[$0] == 0 }, secondRow = (0..<width).map { out.scalars[width + $0] == 0 }
            if firstRow == secondRow {
                throw CheckFailure("p = \(keep): every example gets the same dropout mask (rows 0 and 1 drop exactly the same units). Draw the mask for the whole input, np.random.rand(*x.shape) < p, not for one row")
            }
            let kept = Double(out.scalars.filter { $0 != 0 }.count) / Double(out.count)
            let mean = out.sum() / Double(out.count)
            if abs(kept - keep) > 0.01 {
                throw CheckFailure("p = \(keep): \(String(format: "%.3f", kept)) of the units are kept, expected about \(keep). p is the probability of KEEPING a unit (2018+ convention): mask = np.random.rand(*x.shape) < p")
            }
            if abs(mean - inputMean) > 0.02 * abs(inputMean) {
                throw CheckFailure("p = \(keep): the output mean is \(String(format: "%.4f", mean)), the input mean \(String(format: "%.4f", inputMean)). Inverted dropout divides the kept units by p so that the mean is unchanged (mask = (rand < p) / p)")
            }
        }
    }

    static let dropoutTest = Check(
        "layers.dropout.forward_test", title: "dropout_forward (test): the identity",
        points: 1, tolerance: "exact", requires: [.dropoutForward]
    ) { ctx in
        let x = statisticsInput()
        let out = try dropout(ctx, x, keep: 0.4, mode: "test", seed: 123).array("out")
        try Compare.arrays(out, x, "out", .absolute(0), hint: "in test mode dropout returns x unchanged (inverted dropout needs no scaling at test time)")
    }

    static let dropoutBackward = Check(
        "layers.dropout.backward", title: "dropout_backward: dout * mask (the same mask as the forward pass)",
        points: 1, tolerance: "own numerical gradient within 1e-6 (notebook: around e-10)", requires: [.dropoutForward, .dropoutBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.dropout.backward")
        let (x, dout) = (try c.input("x"), try c.input("dout"))
        let cache = try dropout(ctx, x, keep: 0.2, mode: "train", seed: 123).handle("cache")
        let dx = try ctx.call(.dropoutBackward, ["dout": .array(dout), "cache": .handle(cache)]).array("dx")
        let dropoutArguments: [String: Value] = ["x": .array(x), "dropout_param": .dict(["p": .number(0.2), "mode": .string("train"), "seed": .integer(123)])]
        try OwnGradient.array("dx", of: "dropout_forward", at: x, upstream: dout, analytic: dx,
                              batched: (ctx, BatchedCall(operation: .dropoutForward, arguments: dropoutArguments, vary: "x", output: "out"))) {
            try dropout(ctx, $0, keep: 0.2, mode: "train", seed: 123).array("out")
        }
    }
}
