import Engine
import Fixtures
import NumericCore

/// Update-rule cases: the notebook's single steps (goldens; sgd recorded) and 10-step
/// trajectories from a fresh config.
enum OptimizerCases {
    static let learningRates = ["sgd": 1e-2, "sgd_momentum": 1e-2, "rmsprop": 1e-2, "adam": 1e-3]

    static func all(_ golden: GoldenSource) throws -> [FixtureCase] {
        let w = try Tensor<Double>.linspace(-0.4, 0.6, count: 20, shape: [4, 5])
        let dw = try Tensor<Double>.linspace(-0.6, 0.4, count: 20, shape: [4, 5])
        let s1 = try Tensor<Double>.linspace(0.6, 0.9, count: 20, shape: [4, 5])
        var cases: [FixtureCase] = []
        var sgdNext = w
        try SGD(learningRate: 1e-2).step(&sgdNext, dw)
        cases.append(Recorder.make(
            "optim.sgd.step", "sgd: one step on the notebook's w and dw (learning_rate 1e-2)",
            inputs: ["w": .t(w), "dw": .t(dw), "config.learning_rate": .number(1e-2)], expected: ["next_w": .t(sgdNext)],
            tolerance: .relative(1e-8, note: "float64 round-off"), provenance: Recorder.recorded(seed: 0)))
        cases.append(Recorder.make(
            "optim.sgd_momentum.step", "sgd_momentum: the notebook's step (learning_rate 1e-3, velocity linspace(0.6, 0.9))",
            inputs: ["w": .t(w), "dw": .t(dw), "config.learning_rate": .number(1e-3), "config.velocity": .t(s1)],
            expected: ["next_w": .t(try golden.expected("sgd_momentum", "expected_next_w")),
                       "config.velocity": .t(try golden.expected("sgd_momentum", "expected_velocity"))],
            tolerance: .relative(1e-8, note: "notebook: 'errors less than e-8'"), provenance: try golden.provenance("sgd_momentum")))
        cases.append(Recorder.make(
            "optim.rmsprop.step", "rmsprop: the notebook's step (learning_rate 1e-2, cache linspace(0.6, 0.9))",
            inputs: ["w": .t(w), "dw": .t(dw), "config.learning_rate": .number(1e-2), "config.cache": .t(s1)],
            expected: ["next_w": .t(try golden.expected("rmsprop", "expected_next_w")),
                       "config.cache": .t(try golden.expected("rmsprop", "expected_cache"))],
            tolerance: .relative(1e-7, note: "notebook: 'around e-7 or less'"), provenance: try golden.provenance("rmsprop")))
        cases.append(Recorder.make(
            "optim.adam.step", "adam: the notebook's step (learning_rate 1e-2, m, v linspace, t = 5 before the step)",
            inputs: ["w": .t(w), "dw": .t(dw), "config.learning_rate": .number(1e-2), "config.m": .t(s1),
                     "config.v": .t(try .linspace(0.7, 0.5, count: 20, shape: [4, 5])), "config.t": .integer(5)],
            expected: ["next_w": .t(try golden.expected("adam", "expected_next_w")),
                       "config.m": .t(try golden.expected("adam", "expected_m")), "config.v": .t(try golden.expected("adam", "expected_v"))],
            tolerance: .relative(2e-7, note: "notebook: 'around e-7 or less' (an exact implementation gives 1.14e-7 on next_w)"),
            provenance: try golden.provenance("adam")))
        for rule in UpdateRule.names {
            cases.append(try trajectory(rule))
        }
        return cases
    }

    /// 10 steps of `rule` from a fresh config with every key given (the rule's defaults and the
    /// learning rate, zero state, `t` = 0), with seeded gradients. Every key is explicit so that
    /// a starter's own defaults (2017's `adam` starts `t` at 1) never change the answer.
    static func trajectory(_ rule: String) throws -> FixtureCase {
        var rng = RandomSource(seed: 42)
        var w = Tensor<Double>.randomNormal([4, 5], using: &rng)
        let start = w
        let dws = Tensor<Double>.randomNormal([10, 4, 5], using: &rng)
        var ws = Tensor<Double>(zeros: [10, 4, 5])
        let updateRule = UpdateRule(name: rule, learningRate: learningRates[rule])!
        var config: [String: FixtureValue] = [:]
        for (key, value) in updateRule.courseHyperparameters { config["config." + key] = .number(value) }
        for key in updateRule.courseStateArrays { config["config." + key] = .t(Tensor(zeros: w.shape)) }
        if let (key, initial) = updateRule.courseStepCounter { config["config." + key] = .integer(initial) }
        var state = OptimizerState<Double>.initial
        for step in 0..<10 {
            try updateRule.step(&w, try dws.rows(step..<(step + 1)).reshaped([4, 5]), state: &state)
            for i in 0..<20 { ws.scalars[step * 20 + i] = w.scalars[i] }
        }
        return Recorder.make(
            "optim.\(rule).trajectory", "\(rule): 10 steps from a fresh config with every key given (learning_rate \(learningRates[rule]!)), seeded gradients",
            inputs: config.merging(["w": .t(start), "dws": .t(dws)]) { a, _ in a }, expected: ["ws": .t(ws)],
            tolerance: .relative(1e-9, note: "float64 round-off over 10 steps"), provenance: Recorder.recorded(seed: 42))
    }
}
