import Implementation
import NumericCore

/// Mistakes in batch normalization, layer normalization and dropout.
enum NormalizationMutations {
    static let all: [Mutation] = [
        Mutation("batchnorm-unbiased-variance", "batchnorm_forward uses the unbiased variance (ddof=1) in train mode") { op, args, ctx throws(ImplementationError) in
            guard op == .batchnormForward, case let .dict(param)? = args["bn_param"], param["mode"] == .string("train"),
                  let x = args.tensor("x"), let gamma = args.tensor("gamma"), let beta = args.tensor("beta") else { return nil }
            var reply = try ctx.call(op, args)
            let (n, d) = (x.shape[0], x.shape[1])
            let eps = param.number("eps") ?? 1e-5, momentum = param.number("momentum") ?? 0.9
            var out = x
            var runningVar = param.tensor("running_var") ?? Tensor(zeros: [d])
            for j in 0..<d {
                var mean = 0.0, variance = 0.0
                for i in 0..<n { mean += x[i, j] }
                mean /= Double(n)
                for i in 0..<n { variance += (x[i, j] - mean) * (x[i, j] - mean) }
                variance /= Double(n - 1)
                for i in 0..<n { out[i, j] = gamma.scalars[j] * (x[i, j] - mean) / (variance + eps).squareRoot() + beta.scalars[j] }
                runningVar.scalars[j] = momentum * runningVar.scalars[j] + (1 - momentum) * variance
            }
            reply["out"] = .array(out)
            if case var .dict(updated)? = reply["bn_param"] {
                updated["running_var"] = .array(runningVar)
                reply["bn_param"] = .dict(updated)
            }
            return reply
        },
        Mutation("batchnorm-test-uses-batch-statistics", "batchnorm_forward in test mode normalizes with the batch's own statistics") { op, args, ctx throws(ImplementationError) in
            guard op == .batchnormForward, case var .dict(param)? = args["bn_param"], param["mode"] == .string("test") else { return nil }
            param["mode"] = .string("train")
            var changed = args
            changed["bn_param"] = .dict(param)
            return try ctx.call(op, changed)
        },
        Mutation("batchnorm-running-not-updated", "batchnorm_forward never stores the running mean and variance back in bn_param") { op, args, ctx throws(ImplementationError) in
            guard op == .batchnormForward, let param = args["bn_param"] else { return nil }
            var reply = try ctx.call(op, args)
            reply["bn_param"] = param
            return reply
        },
        Mutation("batchnorm-alt-swaps-dgamma-dbeta", "batchnorm_backward_alt returns (dx, dbeta, dgamma)") { op, args, ctx throws(ImplementationError) in
            guard op == .batchnormBackwardAlt else { return nil }
            var reply = try ctx.call(op, args)
            (reply["dgamma"], reply["dbeta"]) = (reply["dbeta"], reply["dgamma"])
            return reply
        },
        Mutation("layernorm-over-batch-axis", "layernorm computes the statistics over axis 0 (batch normalization)") { op, args, ctx throws(ImplementationError) in
            switch op {
            case .layernormForward:
                var changed = args
                changed["bn_param"] = .dict(["mode": .string("train")])
                return try ctx.call(.batchnormForward, changed)
            case .layernormBackward:
                return try ctx.call(.batchnormBackward, args)
            default:
                return nil
            }
        },
        Mutation("layernorm-dgamma-wrong", "layernorm_backward returns dgamma = sum(dout, axis=0) (forgets xhat)") { op, args, ctx throws(ImplementationError) in
            guard op == .layernormBackward else { return nil }
            var reply = try ctx.call(op, args)
            reply["dgamma"] = reply["dbeta"]
            return reply
        },
        Mutation("dropout-not-inverted", "dropout_forward returns x * mask without dividing by p") { op, args, ctx throws(ImplementationError) in
            guard op == .dropoutForward, case let .dict(param)? = args["dropout_param"], param["mode"] == .string("train"), let p = param.number("p") else { return nil }
            return try ctx.call(op, args).mapping("out") { $0.scaled(p) }
        },
        Mutation("dropout-p-is-drop-probability", "dropout_forward drops with probability p (the 2016-17 convention) instead of keeping") { op, args, ctx throws(ImplementationError) in
            guard op == .dropoutForward, case var .dict(param)? = args["dropout_param"], let p = param.number("p") else { return nil }
            param["p"] = .number(1 - p)
            var changed = args
            changed["dropout_param"] = .dict(param)
            return try ctx.call(op, changed)
        },
        Mutation("dropout-at-test-time", "dropout_forward also drops units in test mode") { op, args, ctx throws(ImplementationError) in
            guard op == .dropoutForward, case var .dict(param)? = args["dropout_param"], param["mode"] == .string("test") else { return nil }
            param["mode"] = .string("train")
            var changed = args
            changed["dropout_param"] = .dict(param)
            return try ctx.call(op, changed)
        },
        Mutation("dropout-backward-ignores-mask", "dropout_backward returns dout unchanged in train mode") { op, args, _ throws(ImplementationError) in
            guard op == .dropoutBackward, let dout = args["dout"] else { return nil }
            return ["dx": dout]
        },
    ]
}
