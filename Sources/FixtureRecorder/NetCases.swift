import Engine
import Fixtures
import NumericCore

/// Net cases: the notebook's TwoLayerNet goldens, and recorded loss/gradients of nets with
/// fixed parameters (depths 1, 2, 3, 5; reg 0 and 3.14; batchnorm, layernorm, dropout).
enum NetCases {
    static func all(_ golden: GoldenSource) throws -> [FixtureCase] {
        var cases: [FixtureCase] = [try twoLayerGolden(golden)]
        for reg in [0, 0.7] {
            cases.append(try recorded(
                "nets.two_layer.reg\(label(reg))", kind: .twoLayer, hidden: [50], inputDim: 5, classes: 7, n: 3, reg: reg,
                normalization: nil, keep: 1, seed: 231, scale: 0.3))
        }
        let hiddenByDepth: [Int: [Int]] = [1: [], 2: [20], 3: [20, 30], 5: [20, 30, 20, 30]]
        for depth in [1, 2, 3, 5] {
            for reg in [0, 3.14] {
                cases.append(try recorded(
                    "nets.fc.depth\(depth).reg\(label(reg))", kind: .fullyConnected, hidden: hiddenByDepth[depth]!, inputDim: 15, classes: 10,
                    n: 3, reg: reg, normalization: nil, keep: 1, seed: 231, scale: 0.3))
            }
        }
        for (variant, normalization, keep) in [("batchnorm", Normalization.batchnorm, 1.0), ("layernorm", .layernorm, 1), ("dropout", nil, 0.75)] as [(String, Normalization?, Double)] {
            for reg in [0, 3.14] {
                cases.append(try recorded(
                    "nets.fc.\(variant).reg\(label(reg))", kind: .fullyConnected, hidden: [20, 30], inputDim: 15, classes: 10,
                    n: 10, reg: reg, normalization: normalization, keep: keep, seed: 231, scale: 0.3))
            }
        }
        return cases
    }

    static func label(_ reg: Double) -> String { reg == 0 ? "0" : "\(reg)" }

    static func twoLayerGolden(_ golden: GoldenSource) throws -> FixtureCase {
        let t = try Tensor<Double>.linspace(-5.5, 4.5, count: 15, shape: [5, 3])
        var x = Tensor<Double>(zeros: [3, 5])
        for i in 0..<3 { for j in 0..<5 { x[i, j] = t[j, i] } }   // .reshape(D, N).T
        return Recorder.make(
            "nets.two_layer.golden", "TwoLayerNet with the notebook's linspace parameters: scores and loss at reg 0 and 1.0",
            inputs: [
                "W1": .t(try .linspace(-0.7, 0.3, count: 250, shape: [5, 50])), "b1": .t(try .linspace(-0.1, 0.9, count: 50)),
                "W2": .t(try .linspace(-0.3, 0.4, count: 350, shape: [50, 7])), "b2": .t(try .linspace(-0.9, 0.1, count: 7)),
                "X": .t(x), "y": .integers([0, 5, 1]),
            ],
            expected: [
                "scores": .t(try golden.expected("TwoLayerNet", "correct_scores")),
                "loss_reg0": .number(3.4702243556), "loss_reg1": .number(26.5948426952),
            ],
            tolerance: .absolute(1e-10, note: "notebook: abs(loss - correct_loss) < 1e-10; sum |scores - correct| < 1e-6"),
            provenance: try golden.provenance("TwoLayerNet"))
    }

    /// Parameters drawn with `scale` (large enough that gradients are not tiny), inputs and labels
    /// from the same seeded source, loss and gradients from the engine.
    static func recorded(
        _ id: String, kind: ModelKind, hidden: [Int], inputDim: Int, classes: Int, n: Int, reg: Double,
        normalization: Normalization?, keep: Double, seed: UInt32, scale: Double
    ) throws -> FixtureCase {
        var rng = RandomSource(seed: seed)
        let x = Tensor<Double>.randomNormal([n, inputDim], using: &rng)
        let y = rng.integers(below: classes, count: n)
        let configuration = FullyConnectedNetConfiguration(
            hiddenDims: hidden, inputDim: inputDim, numClasses: classes, dropoutKeepProbability: keep,
            normalization: normalization, reg: reg, weightScale: scale, dropoutSeed: keep < 1 ? 123 : nil)
        let net = try FullyConnectedNet<Double>(configuration, rng: &rng)
        for (name, value) in net.parameters.entries where name.hasPrefix("b") || name.hasPrefix("gamma") {
            var perturbed = value
            for i in 0..<perturbed.count { perturbed.scalars[i] += 0.1 * rng.standardNormal() }   // not all zeros / ones
            try net.setParameter(name, perturbed)
        }
        let result = try net.loss(x, y)
        var inputs: [String: FixtureValue] = [
            "X": .t(x), "y": .integers(y), "model.kind": .string(kind.rawValue), "model.hidden_dims": .integers(hidden),
            "model.input_dim": .integer(inputDim), "model.num_classes": .integer(classes), "model.weight_scale": .number(scale),
            "model.reg": .number(reg), "model.dropout_keep": .number(keep), "model.init_seed": .integer(Int(seed)),
        ]
        if let normalization { inputs["model.normalization"] = .string(normalization.rawValue) }
        if keep < 1 { inputs["model.dropout_seed"] = .integer(123) }
        var expected: [String: FixtureValue] = ["loss": .number(result.loss)]
        for (name, value) in net.parameters.entries {
            inputs["param.\(name)"] = .t(value)
            expected["d\(name)"] = .t(result.gradients[name]!)
        }
        let what = [normalization?.rawValue, keep < 1 ? "dropout keep \(keep) (seed 123)" : nil].compactMap { $0 }.joined(separator: ", ")
        return Recorder.make(
            id, "\(kind == .twoLayer ? "TwoLayerNet" : "FullyConnectedNet") \(([inputDim] + hidden + [classes]).map(String.init).joined(separator: "-")), N = \(n), reg \(reg)\(what.isEmpty ? "" : ", " + what), fixed parameters: loss and every gradient",
            inputs: inputs, expected: expected,
            tolerance: .relative(1e-7, note: "notebook: 'around 1e-7 or less' for net gradients; float64 round-off against this fixture"),
            provenance: Recorder.recorded(seed: seed))
    }

    enum ModelKind: String { case twoLayer = "two_layer", fullyConnected = "fully_connected" }
}
