import Implementation
import NumericCore

/// Mistakes in the update rules and the solver.
enum OptimizerMutations {
    static func rule(_ args: [String: Value]) -> String? {
        if case let .string(r)? = args["rule"] { return r }
        return nil
    }

    static let all: [Mutation] = [
        Mutation("sgd-ignores-learning-rate", "sgd always steps with 1e-3, ignoring config['learning_rate']") { op, args, ctx throws(ImplementationError) in
            guard op == .update, rule(args) == "sgd", case var .dict(config)? = args["config"] else { return nil }
            let given = config["learning_rate"]
            config["learning_rate"] = .number(1e-3)
            var changed = args
            changed["config"] = .dict(config)
            var reply = try ctx.call(op, changed)
            if case var .dict(out)? = reply["config"] { out["learning_rate"] = given; reply["config"] = .dict(out) }
            return reply
        },
        Mutation("momentum-sign-flipped", "sgd_momentum: v = momentum * v + learning_rate * dw") { op, args, ctx throws(ImplementationError) in
            guard op == .update, rule(args) == "sgd_momentum" else { return nil }
            return try ctx.call(op, args.mapping("dw") { $0.scaled(-1) })
        },
        Mutation("rmsprop-without-sqrt", "rmsprop divides by (cache + epsilon) without the square root") { op, args, ctx throws(ImplementationError) in
            guard op == .update, rule(args) == "rmsprop", let w = args.tensor("w"), let dw = args.tensor("dw") else { return nil }
            var reply = try ctx.call(op, args)
            guard case let .dict(config)? = reply["config"], let cache = config.tensor("cache") else { return reply }
            let lr = config.number("learning_rate") ?? 1e-2, eps = config.number("epsilon") ?? 1e-8
            var next = w
            for i in 0..<next.count { next.scalars[i] -= lr * dw.scalars[i] / (cache.scalars[i] + eps) }
            reply["next_w"] = .array(next)
            return reply
        },
        Mutation("adam-no-bias-correction", "adam uses m and v directly, without dividing by 1 - beta**t") { op, args, ctx throws(ImplementationError) in
            guard op == .update, rule(args) == "adam", let w = args.tensor("w") else { return nil }
            var reply = try ctx.call(op, args)
            guard case let .dict(config)? = reply["config"], let m = config.tensor("m"), let v = config.tensor("v") else { return reply }
            let lr = config.number("learning_rate") ?? 1e-3, eps = config.number("epsilon") ?? 1e-8
            var next = w
            for i in 0..<next.count { next.scalars[i] -= lr * m.scalars[i] / (v.scalars[i].squareRoot() + eps) }
            reply["next_w"] = .array(next)
            return reply
        },
        Mutation("adam-never-increments-t", "adam uses t without incrementing it (and never stores t + 1)") { op, args, ctx throws(ImplementationError) in
            guard op == .update, rule(args) == "adam", case var .dict(config)? = args["config"] else { return nil }
            let t = config.number("t") ?? 0
            // The reference increments t before use: hand it t - 1 so that it uses t, then keep t.
            config["t"] = .integer(Int(t) - 1)
            var changed = args
            changed["config"] = .dict(config)
            var reply = try ctx.call(op, changed)
            if case var .dict(out)? = reply["config"] { out["t"] = .integer(Int(t)); reply["config"] = .dict(out) }
            return reply
        },
        Mutation("adam-mutates-learning-rate", "adam decays config['learning_rate'] in place on every step") { op, args, ctx throws(ImplementationError) in
            guard op == .update, rule(args) == "adam" else { return nil }
            var reply = try ctx.call(op, args)
            if case var .dict(out)? = reply["config"], let lr = out.number("learning_rate") {
                out["learning_rate"] = .number(lr * 0.9)
                reply["config"] = .dict(out)
            }
            return reply
        },
        Mutation("solver-never-updates", "the Solver computes the loss but never applies the update rule") { op, args, ctx throws(ImplementationError) in
            guard op == .solverTrain, case var .dict(optim)? = args["optim_config"] else { return nil }
            optim["learning_rate"] = .number(0)
            var changed = args
            changed["optim_config"] = .dict(optim)
            return try ctx.call(op, changed)
        },
        Mutation("solver-history-misses-first-check", "the Solver records accuracies only after each epoch, not before training") { op, args, ctx throws(ImplementationError) in
            guard op == .solverTrain else { return nil }
            var reply = try ctx.call(op, args)
            for key in ["train_acc_history", "val_acc_history"] {
                if case let .list(items)? = reply[key] { reply[key] = .list(Array(items.dropFirst())) }
            }
            return reply
        },
    ]
}
