import Implementation
import NumericCore

/// Mistakes in the nets: initialization, regularization, scores.
enum NetMutations {
    /// The reference's `model_loss`, with `adjust(loss, grads, weights, reg)` applied when labels
    /// are given. Tracks each model's reg as the student's model object would.
    static func adjustingLoss(
        _ op: Operation, _ args: [String: Value], _ ctx: MutantContext,
        _ adjust: (inout Double, inout [String: Value], [String: Tensor<Double>], Double) -> Void
    ) throws(ImplementationError) -> [String: Value]? {
        switch op {
        case .makeModel:
            let reply = try ctx.call(op, args)
            if case let .handle(h)? = reply["model"] { ctx.regByModel[h] = args.number("reg") ?? 0 }
            return reply
        case .modelLoss:
            guard case let .handle(model)? = args["model"] else { return nil }
            if let reg = args.number("reg") { ctx.regByModel[model] = reg }
            var reply = try ctx.call(op, args)
            guard case let .number(loss)? = reply["loss"], case var .dict(grads)? = reply["grads"] else { return reply }
            guard case let .dict(params)? = try ctx.call(.getParameters, ["model": .handle(model)])["params"] else { return reply }
            var weights: [String: Tensor<Double>] = [:]
            for (name, value) in params where name.hasPrefix("W") { if case let .array(t) = value { weights[name] = t } }
            var adjusted = loss
            adjust(&adjusted, &grads, weights, ctx.regByModel[model] ?? 0)
            reply["loss"] = .number(adjusted)
            reply["grads"] = .dict(grads)
            return reply
        default:
            return nil
        }
    }

    static let all: [Mutation] = [
        Mutation("init-weights-unscaled", "weights drawn as np.random.randn(in, out), forgetting weight_scale") { op, args, ctx throws(ImplementationError) in
            guard op == .makeModel, let scale = args.number("weight_scale"), scale > 0 else { return nil }
            let reply = try ctx.call(op, args)
            guard let model = reply["model"], case let .dict(params)? = try ctx.call(.getParameters, ["model": model])["params"] else { return reply }
            var unscaled: [String: Value] = [:]
            for (name, value) in params where name.hasPrefix("W") { if case let .array(t) = value { unscaled[name] = .array(t.scaled(1 / scale)) } }
            _ = try ctx.call(.setParameters, ["model": model, "params": .dict(unscaled)])
            return reply
        },
        Mutation("reg-without-half", "regularization reg * sum(W**2) without the 0.5 (and dW += 2 * reg * W)") { op, args, ctx throws(ImplementationError) in
            try adjustingLoss(op, args, ctx) { loss, grads, weights, reg in
                for (name, w) in weights {
                    loss += 0.5 * reg * w.sumOfSquares()
                    if case let .array(g)? = grads[name] { grads[name] = .array(g + w.scaled(reg)) }
                }
            }
        },
        Mutation("reg-skips-last-layer", "the last weight matrix is left out of the regularization") { op, args, ctx throws(ImplementationError) in
            try adjustingLoss(op, args, ctx) { loss, grads, weights, reg in
                guard let last = weights.keys.max(by: { Int($0.dropFirst())! < Int($1.dropFirst())! }), let w = weights[last] else { return }
                loss -= 0.5 * reg * w.sumOfSquares()
                if case let .array(g)? = grads[last] { grads[last] = .array(g - w.scaled(reg)) }
            }
        },
        Mutation("reg-gradient-missing", "the loss is regularized but dW lacks reg * W") { op, args, ctx throws(ImplementationError) in
            try adjustingLoss(op, args, ctx) { _, grads, weights, reg in
                for (name, w) in weights { if case let .array(g)? = grads[name] { grads[name] = .array(g - w.scaled(reg)) } }
            }
        },
        Mutation("scores-are-probabilities", "model.loss(X) returns softmax probabilities instead of raw scores") { op, args, ctx throws(ImplementationError) in
            guard op == .modelLoss, args["y"] == nil || args["y"] == Value.none else { return nil }
            return try ctx.call(op, args).mapping("scores") { scores in
                var p = scores
                for i in 0..<p.shape[0] {
                    let row = (0..<p.shape[1]).map { scores[i, $0] }
                    let m = row.max()!
                    let sum = row.reduce(0) { $0 + exp($1 - m) }
                    for j in 0..<p.shape[1] { p[i, j] = exp(scores[i, j] - m) / sum }
                }
                return p
            }
        },
    ]
}

#if canImport(Glibc)
import Glibc
#endif
