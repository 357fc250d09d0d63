import Engine
import Fixtures
import NumericCore

/// Layer cases: the notebooks' affine/relu goldens and recorded cases for every layer.
enum LayerCases {
    static func all(_ golden: GoldenSource) throws -> [FixtureCase] {
        var cases: [FixtureCase] = []
        // affine_forward golden: the notebook's linspace construction.
        let x = try Tensor<Double>.linspace(-0.1, 0.5, count: 240, shape: [2, 4, 5, 6])
        let w = try Tensor<Double>.linspace(-0.2, 0.3, count: 360, shape: [120, 3])
        let b = try Tensor<Double>.linspace(-0.3, 0.1, count: 3)
        cases.append(Recorder.make(
            "layers.affine.forward.golden", "affine_forward on the notebook's linspace inputs (x of shape (2, 4, 5, 6))",
            inputs: ["x": .t(x), "w": .t(w), "b": .t(b)], expected: ["out": .t(try golden.expected("affine_forward", "correct_out"))],
            tolerance: .relative(1e-9, note: "notebook: 'around e-9 or less' (correct_out is printed to 8 decimals)"),
            provenance: try golden.provenance("affine_forward")))
        for (id, shape, m, seed) in [("layers.affine.forward.4d", [3, 2, 4, 5], 6, UInt32(1)), ("layers.affine.forward.n1", [1, 7], 4, UInt32(2))] {
            var rng = RandomSource(seed: seed)
            let x = Tensor<Double>.randomNormal(shape, using: &rng)
            let d = shape.dropFirst().reduce(1, *)
            let w = Tensor<Double>.randomNormal([d, m], using: &rng), b = Tensor<Double>.randomNormal([m], using: &rng)
            cases.append(Recorder.make(
                id, "affine_forward on random inputs of shape \(Shape.describe(shape))",
                inputs: ["x": .t(x), "w": .t(w), "b": .t(b)], expected: ["out": .t(try Affine.forward(x, w, b).out)],
                tolerance: .relative(1e-9, note: "float64 round-off"), provenance: Recorder.recorded(seed: seed)))
        }
        // affine_backward: the notebook's construction (seed 231).
        do {
            var rng = RandomSource(seed: 231)
            let x = Tensor<Double>.randomNormal([10, 2, 3], using: &rng), w = Tensor<Double>.randomNormal([6, 5], using: &rng)
            let b = Tensor<Double>.randomNormal([5], using: &rng), dout = Tensor<Double>.randomNormal([10, 5], using: &rng)
            let g = try Affine.backward(dout, Affine.forward(x, w, b).cache)
            cases.append(Recorder.make(
                "layers.affine.backward", "affine_backward on the notebook's seed-231 inputs",
                inputs: ["x": .t(x), "w": .t(w), "b": .t(b), "dout": .t(dout)], expected: ["dx": .t(g.dx), "dw": .t(g.dw), "db": .t(g.db)],
                tolerance: .relative(1e-8, note: "notebook: 'around e-10' against numerical gradients; float64 round-off against this fixture"),
                provenance: Recorder.recorded(seed: 231)))
        }
        cases.append(Recorder.make(
            "layers.relu.forward.golden", "relu_forward on the notebook's linspace(-0.5, 0.5, 12)",
            inputs: ["x": .t(try Tensor<Double>.linspace(-0.5, 0.5, count: 12, shape: [3, 4]))],
            expected: ["out": .t(try golden.expected("relu_forward", "correct_out"))],
            tolerance: .relative(5e-8, note: "notebook: 'on the order of e-8' (correct_out printed to 8 decimals)"),
            provenance: try golden.provenance("relu_forward")))
        do {
            var rng = RandomSource(seed: 3)
            var x = Tensor<Double>.randomNormal([6, 7], using: &rng)
            for i in stride(from: 0, to: x.count, by: 5) { x.scalars[i] = 0 }   // exact zeros at the kink
            let dout = Tensor<Double>.randomNormal([6, 7], using: &rng)
            let (out, cache) = ReLU.forward(x)
            cases.append(Recorder.make(
                "layers.relu.kink", "relu forward/backward with exact zeros (every 5th entry): out 0 and dx 0 there",
                inputs: ["x": .t(x), "dout": .t(dout)], expected: ["out": .t(out), "dx": .t(try ReLU.backward(dout, cache))],
                tolerance: .relative(1e-12, note: "exact up to round-off"), provenance: Recorder.recorded(seed: 3)))
        }
        do {
            var rng = RandomSource(seed: 231)
            let x = Tensor<Double>.randomNormal([2, 3, 4], using: &rng), w = Tensor<Double>.randomNormal([12, 10], using: &rng)
            let b = Tensor<Double>.randomNormal([10], using: &rng), dout = Tensor<Double>.randomNormal([2, 10], using: &rng)
            let (out, cache) = try AffineReLU.forward(x, w, b)
            let g = try AffineReLU.backward(dout, cache)
            cases.append(Recorder.make(
                "layers.affine_relu", "affine_relu forward and backward on the notebook's seed-231 inputs",
                inputs: ["x": .t(x), "w": .t(w), "b": .t(b), "dout": .t(dout)],
                expected: ["out": .t(out), "dx": .t(g.dx), "dw": .t(g.dw), "db": .t(g.db)],
                tolerance: .relative(1e-9, note: "float64 round-off"), provenance: Recorder.recorded(seed: 231)))
        }
        cases += try normalization()
        do {
            var rng = RandomSource(seed: 231)
            var x = Tensor<Double>.randomNormal([10, 10], using: &rng)
            for i in 0..<x.count { x.scalars[i] += 10 }
            let dout = Tensor<Double>.randomNormal([10, 10], using: &rng)
            cases.append(Recorder.make(
                "layers.dropout.backward", "dropout backward inputs (the notebook's x = randn(10, 10) + 10, keep p = 0.2, seed 123)",
                inputs: ["x": .t(x), "dout": .t(dout)], expected: [:],
                tolerance: .relative(1e-6, note: "checked against the numerical gradient of the implementation's own forward"),
                provenance: Recorder.recorded(seed: 231)))
        }
        return cases
    }

    static func normalization() throws -> [FixtureCase] {
        var cases: [FixtureCase] = []
        func inputs(_ n: Int, _ d: Int, seed: UInt32) -> (Tensor<Double>, Tensor<Double>, Tensor<Double>, Tensor<Double>) {
            var rng = RandomSource(seed: seed)
            var x = Tensor<Double>.randomNormal([n, d], scale: 5, using: &rng)
            for i in 0..<x.count { x.scalars[i] += 12 }
            return (x, .randomNormal([d], using: &rng), .randomNormal([d], using: &rng), .randomNormal([n, d], using: &rng))
        }
        do {
            let (x, gamma, beta, _) = inputs(16, 6, seed: 11)
            var rng = RandomSource(seed: 12)
            var running = BatchNorm.RunningStatistics<Double>(mean: .randomNormal([6], using: &rng), variance: .randomNormal([6], using: &rng))
            for j in 0..<6 { running.variance.scalars[j] = abs(running.variance.scalars[j]) + 1 }
            let train = try BatchNorm.forward(x, gamma: gamma, beta: beta, mode: .train, running: running)
            cases.append(Recorder.make(
                "layers.batchnorm.train", "batchnorm_forward in train mode (momentum 0.9, eps 1e-5) with given running statistics",
                inputs: ["x": .t(x), "gamma": .t(gamma), "beta": .t(beta), "running_mean": .t(running.mean), "running_var": .t(running.variance)],
                expected: ["out": .t(train.out), "running_mean": .t(train.running.mean), "running_var": .t(train.running.variance)],
                tolerance: .relative(1e-7, note: "float64 round-off"), provenance: Recorder.recorded(seed: 11)))
            let test = try BatchNorm.forward(x, gamma: gamma, beta: beta, mode: .test, running: running)
            cases.append(Recorder.make(
                "layers.batchnorm.test", "batchnorm_forward in test mode: normalized with the running statistics",
                inputs: ["x": .t(x), "gamma": .t(gamma), "beta": .t(beta), "running_mean": .t(running.mean), "running_var": .t(running.variance)],
                expected: ["out": .t(test.out)],
                tolerance: .relative(1e-7, note: "float64 round-off"), provenance: Recorder.recorded(seed: 11)))
        }
        do {
            let (x, gamma, beta, dout) = inputs(4, 5, seed: 231)
            let g = try BatchNorm.backward(dout, BatchNorm.forward(x, gamma: gamma, beta: beta, mode: .train, running: .init(features: 5)).cache)
            cases.append(Recorder.make(
                "layers.batchnorm.backward", "batchnorm backward on the notebook's construction (N, D = 4, 5; x = 5 randn + 12)",
                inputs: ["x": .t(x), "gamma": .t(gamma), "beta": .t(beta), "dout": .t(dout)],
                expected: ["dx": .t(g.dx), "dgamma": .t(g.dgamma), "dbeta": .t(g.dbeta)],
                tolerance: .relative(1e-8, note: "notebook: 'between 1e-13 and 1e-8'"), provenance: Recorder.recorded(seed: 231)))
            let (out, cache) = try LayerNorm.forward(x, gamma: gamma, beta: beta)
            let lg = try LayerNorm.backward(dout, cache)
            cases.append(Recorder.make(
                "layers.layernorm", "layernorm forward and backward (N, D = 4, 5; eps 1e-5)",
                inputs: ["x": .t(x), "gamma": .t(gamma), "beta": .t(beta), "dout": .t(dout)],
                expected: ["out": .t(out), "dx": .t(lg.dx), "dgamma": .t(lg.dgamma), "dbeta": .t(lg.dbeta)],
                tolerance: .relative(1e-8, note: "notebook: 'between 1e-12 and 1e-8'"), provenance: Recorder.recorded(seed: 231)))
        }
        return cases
    }
}
