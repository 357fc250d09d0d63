import Implementation
import NumericCore

/// Update rules: the notebook's single step, and a 10-step trajectory from a fresh config with
/// every key given (which catches `t` never incremented, a learning rate changed in place, state
/// not carried from one step to the next, without depending on a starter's own defaults).
enum OptimizerChecks {
    static let rules = ["sgd", "sgd_momentum", "rmsprop", "adam"]
    static var all: [Check] { rules.map(step) + rules.map(trajectory) }

    static let functions: [String: CourseFunction] = ["sgd": .sgd, "sgd_momentum": .sgdMomentum, "rmsprop": .rmsprop, "adam": .adam]
    static let stateKeys = ["sgd": [String](), "sgd_momentum": ["velocity"], "rmsprop": ["cache"], "adam": ["m", "v"]]

    static let hints = [
        "sgd": "w -= learning_rate * dw",
        "sgd_momentum": "v = momentum * v - learning_rate * dw; next_w = w + v",
        "rmsprop": "cache = decay_rate * cache + (1 - decay_rate) * dw**2; next_w = w - learning_rate * dw / (np.sqrt(cache) + epsilon)",
        "adam": "t += 1 first; m = beta1*m + (1-beta1)*dw; mt = m / (1-beta1**t); v = beta2*v + (1-beta2)*dw**2; vt = v / (1-beta2**t); next_w = w - learning_rate * mt / (np.sqrt(vt) + epsilon)",
    ]

    /// What the notebook says each step's error should be.
    static let notebook = [
        "sgd": "sgd ships with the starter",
        "sgd_momentum": "errors should be around e-8 or less",
        "rmsprop": "errors should be around e-7 or less",
        "adam": "errors should be around e-7 or less",
    ]

    static func update(_ ctx: CheckContext, _ rule: String, _ w: Tensor<Double>, _ dw: Tensor<Double>, _ config: [String: Value]) throws -> (Tensor<Double>, [String: Value]) {
        let r = try ctx.call(.update, ["rule": .string(rule), "w": .array(w), "dw": .array(dw), "config": .dict(config)])
        return (try r.array("next_w"), try r.dict("config"))
    }

    static func step(_ rule: String) -> Check {
        Check(
            "optim.\(rule).step", title: "\(rule): one step from the notebook's w, dw and config",
            points: 2, grades: [functions[rule]!], criteria: [Criteria.golden(notebook[rule]!)], requires: [.update]
        ) { ctx in
            let c = try ctx.fixture("optim.\(rule).step")
            let w = try c.input("w")
            let (next, config) = try update(ctx, rule, w, c.input("dw"), c.config())
            try ctx.expect(next, c.expected("next_w", shape: w.shape), "next_w", hint: hints[rule])
            for key in stateKeys[rule]! {
                guard case let .array(value)? = config[key] else { throw CheckFailure("config['\(key)'] is missing after the step or is not an array") }
                try ctx.expect(value, c.expected("config.\(key)", shape: w.shape), "config['\(key)']", hint: hints[rule])
            }
        }
    }

    static func trajectory(_ rule: String) -> Check {
        Check(
            "optim.\(rule).trajectory", title: "\(rule): 10 steps from a fresh config (every key given), state carried between steps",
            points: 2, grades: [functions[rule]!], criteria: [Criteria.trajectory], requires: [.update]
        ) { ctx in
            let c = try ctx.fixture("optim.\(rule).trajectory")
            let gradients = try c.input("dws")
            var w = try c.input("w")
            let expected = try c.expected("ws", shape: [gradients.rowCount] + w.shape)
            var config = try c.config()
            let learningRate = config["learning_rate"]
            for step in 0..<gradients.rowCount {
                let dw = try gradients.rows(step..<(step + 1)).reshaped(w.shape)
                (w, config) = try update(ctx, rule, w, dw, config)
                let want = try expected.rows(step..<(step + 1)).reshaped(w.shape)
                var hint = hints[rule]!
                if step > 0, let lr = learningRate, config["learning_rate"] != lr {
                    hint = "config['learning_rate'] changed from \(lr) to \(config["learning_rate"].map { "\($0)" } ?? "nothing"): the update rule must not modify it. " + hint
                }
                if rule == "adam", step == 0 { hint = "the config starts with t = 0; increment t before the bias correction. " + hint }
                try ctx.expect(w, want, "w after step \(step + 1) of 10", hint: hint)
            }
        }
    }
}
