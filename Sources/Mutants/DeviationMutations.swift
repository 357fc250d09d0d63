import Foundation
import Implementation
import NumericCore

/// Deviations from the reference that the course accepts (each seen in real submissions): every
/// one must pass every check, with a warning on the checks that can see it.
enum DeviationMutations {
    static let all: [Mutation] = [
        Mutation(
            "relu-gradient-at-zero", "relu_backward uses x >= 0: the gradient passes at exactly 0 (a subgradient too)",
            kind: .deviation, sourcePattern: #"x\s*>=\s*0|x\s*<\s*0\b"#
        ) { op, args, ctx throws(ImplementationError) in
            switch op {
            case .reluForward:
                return try ctx.forwardRemembering(op, args)
            case .reluBackward:
                guard let x = ctx.remembered(args)?.tensor("x"), let dout = args.tensor("dout") else { return nil }
                var dx = dout
                for i in 0..<dx.count where x.scalars[i] < 0 { dx.scalars[i] = 0 }
                return ["dx": .array(dx)]
            default:
                return nil
            }
        },
        Mutation(
            "batchnorm-eps-outside-sqrt", "batchnorm_forward divides by np.sqrt(var) + eps instead of np.sqrt(var + eps)",
            kind: .deviation, sourcePattern: #"sqrt\([^()]*\)\s*\+\s*\w*eps"#
        ) { op, args, ctx throws(ImplementationError) in
            guard op == .batchnormForward, case let .dict(param)? = args["bn_param"], let x = args.tensor("x"),
                  let gamma = args.tensor("gamma"), let beta = args.tensor("beta") else { return nil }
            var reply = try ctx.call(op, args)
            let (n, d) = (x.shape[0], x.shape[1])
            let eps = param.number("eps") ?? 1e-5
            var out = x
            let train = param["mode"] == .string("train")
            for j in 0..<d {
                var mean = 0.0, variance = 0.0
                if train {
                    for i in 0..<n { mean += x[i, j] }
                    mean /= Double(n)
                    for i in 0..<n { variance += (x[i, j] - mean) * (x[i, j] - mean) }
                    variance /= Double(n)
                } else {
                    mean = param.tensor("running_mean")?.scalars[j] ?? 0
                    variance = param.tensor("running_var")?.scalars[j] ?? 0
                }
                for i in 0..<n { out[i, j] = gamma.scalars[j] * (x[i, j] - mean) / (variance.squareRoot() + eps) + beta.scalars[j] }
            }
            reply["out"] = .array(out)
            return reply
        },
        Mutation(
            "adam-epsilon-hard-coded", "adam adds a hard-coded 1e-7 instead of config['epsilon'] (1e-8)",
            kind: .deviation, sourcePattern: #"1e-0?7"#
        ) { op, args, ctx throws(ImplementationError) in
            guard op == .update, OptimizerMutations.rule(args) == "adam", case var .dict(config)? = args["config"] else { return nil }
            let given = config["epsilon"]
            config["epsilon"] = .number(1e-7)
            var changed = args
            changed["config"] = .dict(config)
            var reply = try ctx.call(op, changed)
            if case var .dict(out)? = reply["config"] { out["epsilon"] = given; reply["config"] = .dict(out) }
            return reply
        },
        Mutation(
            "adam-efficient-form", "adam in the paper's efficient form: w -= lr * sqrt(1 - beta2**t) / (1 - beta1**t) * m / (sqrt(v) + eps)",
            kind: .deviation, sourcePattern: #"sqrt\(\s*1\s*-\s*\w*beta2"#
        ) { op, args, ctx throws(ImplementationError) in
            guard op == .update, OptimizerMutations.rule(args) == "adam", let w = args.tensor("w") else { return nil }
            var reply = try ctx.call(op, args)
            guard case let .dict(config)? = reply["config"], let m = config.tensor("m"), let v = config.tensor("v"),
                  let t = config.number("t") else { return reply }
            let lr = config.number("learning_rate") ?? 1e-3, eps = config.number("epsilon") ?? 1e-8
            let b1 = config.number("beta1") ?? 0.9, b2 = config.number("beta2") ?? 0.999
            let alpha = lr * (1 - pow(b2, t)).squareRoot() / (1 - pow(b1, t))
            var next = w
            for i in 0..<next.count { next.scalars[i] -= alpha * m.scalars[i] / (v.scalars[i].squareRoot() + eps) }
            reply["next_w"] = .array(next)
            return reply
        },
        Mutation(
            "keepdims-row-shapes", "db, dgamma, dbeta and the running statistics come out shaped (1, D) (keepdims=True)",
            kind: .deviation, sourcePattern: #"keepdims\s*=\s*True"#
        ) { op, args, ctx throws(ImplementationError) in
            func row(_ v: Value?) -> Value? {
                guard case let .array(t)? = v, t.rank == 1 else { return v }
                return .array(Tensor(uncheckedShape: [1, t.count], scalars: t.scalars))
            }
            switch op {
            case .affineBackward:
                var reply = try ctx.call(op, args)
                reply["db"] = row(reply["db"])
                return reply
            case .batchnormBackward, .batchnormBackwardAlt:
                var reply = try ctx.call(op, args)
                reply["dgamma"] = row(reply["dgamma"])
                reply["dbeta"] = row(reply["dbeta"])
                return reply
            case .batchnormForward:
                var reply = try ctx.call(op, args)
                if case var .dict(param)? = reply["bn_param"] {
                    param["running_mean"] = row(param["running_mean"])
                    param["running_var"] = row(param["running_var"])
                    reply["bn_param"] = .dict(param)
                }
                return reply
            default:
                return nil
            }
        },
    ]
}
