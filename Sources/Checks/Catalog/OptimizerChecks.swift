import Implementation
import NumericCore

/// Update rules: the notebook's single step, and a 10-step trajectory from a fresh config (which
/// catches `t` never incremented, a learning rate changed in place, wrong defaults, state not
/// carried from one step to the next).
enum OptimizerChecks {
    static let rules = ["sgd", "sgd_momentum", "rmsprop", "adam"]
    static var all: [Check] { rules.map(step) + rules.map(trajectory) }

    static let stateKeys = ["sgd": [String](), "sgd_momentum": ["velocity"], "rmsprop": ["cache"], "adam": ["m", "v"]]

    static let hints = [
        "sgd": "w -= learning_rate * dw",
        "sgd_momentum": "v = momentum * v - learning_rate * dw; next_w = w + v",
        "rmsprop": "cache = decay_rate * cache + (1 - decay_rate) * dw**2; next_w = w - learning_rate * dw / (np.sqrt(cache) + epsilon)",
        "adam": "t += 1 first; m = beta1*m + (1-beta1)*dw; mt = m / (1-beta1**t); v = beta2*v + (1-beta2)*dw**2; vt = v / (1-beta2**t); next_w = w - learning_rate * mt / (np.sqrt(vt) + epsilon)",
    ]

    static func update(_ ctx: CheckContext, _ rule: String, _ w: Tensor<Double>, _ dw: Tensor<Double>, _ config: [String: Value]) throws -> (Tensor<Double>, [String: Value]) {
        let r = try ctx.call(.update, ["rule": .string(rule), "w": .array(w), "dw": .array(dw), "config": .dict(config)])
        return (try r.array("next_w"), try r.dict("config"))
    }

    static func step(_ rule: String) -> Check {
        Check(
            "optim.\(rule).step", title: "\(rule): one step from the notebook's w, dw and config",
            points: 2, tolerance: rule == "adam" ? "relative error <= 2e-7 (notebook: around e-7)" : rule == "rmsprop" ? "relative error <= 1e-7" : "relative error <= 1e-8",
            requires: [.update]
        ) { ctx in
            let c = try ctx.fixture("optim.\(rule).step")
            let (next, config) = try update(ctx, rule, c.input("w"), c.input("dw"), c.config())
            try Compare.arrays(next, c.expected("next_w"), "next_w", c.tolerance, hint: hints[rule])
            for key in stateKeys[rule]! {
                guard case let .array(value)? = config[key] else { throw CheckFailure("config['\(key)'] is missing after the step or is not an array") }
                try Compare.arrays(value, c.expected("config.\(key)"), "config['\(key)']", c.tolerance, hint: hints[rule])
            }
        }
    }

    static func trajectory(_ rule: String) -> Check {
        Check(
            "optim.\(rule).trajectory", title: "\(rule): 10 steps from a fresh config (only learning_rate given), state carried between steps",
            points: 2, tolerance: "relative error <= 1e-9 at every step", requires: [.update]
        ) { ctx in
            let c = try ctx.fixture("optim.\(rule).trajectory")
            let gradients = try c.input("dws"), expected = try c.expected("ws")
            var w = try c.input("w")
            var config = try c.config()
            let learningRate = config["learning_rate"]
            let per = w.count
            for step in 0..<gradients.rowCount {
                let dw = try gradients.rows(step..<(step + 1)).reshaped(w.shape)
                (w, config) = try update(ctx, rule, w, dw, config)
                let want = try expected.rows(step..<(step + 1)).reshaped(w.shape)
                var hint = hints[rule]!
                if step > 0, let lr = learningRate, config["learning_rate"] != lr {
                    hint = "config['learning_rate'] changed from \(lr) to \(config["learning_rate"].map { "\($0)" } ?? "nothing"): the update rule must not modify it. " + hint
                }
                if rule == "adam", step == 0 { hint = "with a fresh config t starts at 0 and is incremented before the bias correction. " + hint }
                try Compare.arrays(w, want, "w after step \(step + 1) of 10", c.tolerance, hint: hint)
                _ = per
            }
        }
    }
}
