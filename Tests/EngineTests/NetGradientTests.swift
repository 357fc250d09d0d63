import Engine
import GradientCheck
import NumericCore
import Testing

/// Net gradients against central differences of the net's own loss, on the notebook's
/// construction (seed 231; D, C = 15, 10; weight scale 5e-2), for depths 1, 2, 3 and 5. The
/// notebook uses N = 2; with batch normalization that makes every normalized value exactly +-1
/// and the loss so curved that central differences are only good to 1e-4 (the notebook accepts
/// "1e-4 ~ 1e-10 for W"), so normalized variants use N = 10, where 1e-6 can be asked.
@Suite("Net gradients")
struct NetGradientTests {
    /// The notebooks accept "around 1e-7 or less ... W2 on the order of e-5 with reg 0" (kinks);
    /// kink entries are set aside here, so 1e-6 is asked of every parameter.
    static let tolerance = GradientCheckSettings.float64

    struct Variant: CustomTestStringConvertible, Sendable {
        var depth: Int
        var reg: Double
        var normalization: Normalization?
        var keep: Double = 1
        var testDescription: String {
            "depth \(depth), reg \(reg)" + (normalization.map { ", \($0.rawValue)" } ?? "") + (keep < 1 ? ", keep \(keep)" : "")
        }
    }

    static let hiddenByDepth: [Int: [Int]] = [1: [], 2: [20], 3: [20, 30], 5: [20, 30, 20, 30]]

    static let variants: [Variant] =
        [1, 2, 3, 5].flatMap { depth in [0, 3.14].map { Variant(depth: depth, reg: $0) } }
        + [2, 3, 5].flatMap { depth in
            [Variant(depth: depth, reg: 0, normalization: .batchnorm), Variant(depth: depth, reg: 3.14, normalization: .batchnorm),
             Variant(depth: depth, reg: 0, normalization: .layernorm), Variant(depth: depth, reg: 3.14, normalization: .layernorm),
             Variant(depth: depth, reg: 0, keep: 0.75), Variant(depth: depth, reg: 0, keep: 0.5),
             Variant(depth: depth, reg: 3.14, normalization: .batchnorm, keep: 0.5)]
        }

    static func checkEveryParameter(_ model: FullyConnectedNet<Double>, _ x: Tensor<Double>, _ y: [Int]) throws -> [(String, GradientCheckResult)] {
        let analytic = try model.loss(x, y).gradients
        #expect(analytic.names == model.parameters.names)
        return try model.parameters.entries.map { name, value in
            defer { try? model.setParameter(name, value) }
            let result = try GradientChecker.check({ (w: Tensor<Double>) throws -> Double in
                try model.setParameter(name, w)
                return try model.loss(x, y).loss
            }, at: value, analytic: try #require(analytic[name]), settings: tolerance)
            return (name, result)
        }
    }

    @Test("FullyConnectedNet gradients", arguments: variants)
    func fullyConnected(_ variant: Variant) throws {
        var rng = courseRandom()
        let n = variant.normalization == nil ? 2 : 10
        let x = Tensor<Double>.randomNormal([n, 15], using: &rng)
        let y = rng.integers(below: 10, count: n)
        let configuration = FullyConnectedNetConfiguration(
            hiddenDims: Self.hiddenByDepth[variant.depth]!, inputDim: 15, numClasses: 10,
            dropoutKeepProbability: variant.keep, normalization: variant.normalization, reg: variant.reg, weightScale: 5e-2,
            dropoutSeed: 123)
        let model = try FullyConnectedNet<Double>(configuration, rng: &rng)
        let expectedNames = (1...variant.depth).flatMap { l in
            ["W\(l)", "b\(l)"] + (variant.normalization != nil && l < variant.depth ? ["gamma\(l)", "beta\(l)"] : [])
        }
        #expect(model.parameters.names == expectedNames)
        for (name, result) in try Self.checkEveryParameter(model, x, y) {
            #expect(result.passed, "\(name): \(result.summary)")
        }
    }

    @Test("TwoLayerNet gradients, reg 0 and 0.7 (errors around 1e-7 or less)", arguments: [0, 0.7])
    func twoLayer(reg: Double) throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([3, 5], using: &rng)
        let y = rng.integers(below: 7, count: 3)
        let model = try TwoLayerNet.make(inputDim: 5, hiddenDim: 50, numClasses: 7, weightScale: 1e-3, reg: reg, rng: &rng, as: Double.self)
        #expect(model.parameters.names == ["W1", "b1", "W2", "b2"])
        for (name, result) in try Self.checkEveryParameter(model, x, y) {
            #expect(result.passed, "\(name): \(result.summary)")
        }
    }

    /// float32 central differences of a ReLU net are either noisy (small h) or cross kinks (large
    /// h), so the float32 gradients are compared with the float64 net's analytic gradients for the
    /// same parameters (float32 round-off: 1e-4 of the gradient's scale asked).
    @Test("float32 net gradients agree with the float64 net's")
    func float32Net() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([4, 15], using: &rng)
        let y = rng.integers(below: 10, count: 4)
        let configuration = FullyConnectedNetConfiguration(hiddenDims: [20, 30], inputDim: 15, numClasses: 10, reg: 0.5, weightScale: 5e-2)
        var rng64 = courseRandom(9), rng32 = courseRandom(9)
        let double = try FullyConnectedNet<Double>(configuration, rng: &rng64)
        let float = try FullyConnectedNet<Float>(configuration, rng: &rng32)
        let g64 = try double.loss(x, y).gradients, g32 = try float.loss(x.converted(), y).gradients
        for name in g64.names {
            let a = try #require(g64[name]), b = try #require(g32[name])
            let scale = a.maxAbs()
            let worst = zip(a.scalars, b.scalars).map { abs($0 - Double($1)) }.max() ?? 0
            #expect(worst <= 1e-4 * scale, "\(name): float32 differs from float64 by \(worst) (scale \(scale))")
        }
    }

    /// The first layer of a CIFAR-sized net has 307,200 weights: too many for 2 evaluations per
    /// entry, so it is checked along 10 random directions (2 evaluations each).
    @Test("directional check of a 3072-100-10 net's W1")
    func directionalLargeLayer() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([20, 3072], using: &rng)
        let y = rng.integers(below: 10, count: 20)
        let model = try FullyConnectedNet<Double>(
            FullyConnectedNetConfiguration(hiddenDims: [100], inputDim: 3072, numClasses: 10, reg: 0.1, weightScale: 1e-2), rng: &rng)
        let w1 = try #require(model.parameters["W1"])
        let analytic = try #require(try model.loss(x, y).gradients["W1"])
        let settings = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
        let result = try GradientChecker.checkDirectional({ (w: Tensor<Double>) throws -> Double in
            try model.setParameter("W1", w)
            defer { try? model.setParameter("W1", w1) }
            return try model.loss(x, y).loss
        }, at: w1, analytic: analytic, count: 10, seed: 3, settings: settings)
        #expect(result.passed, "\(result.summary)")
        // A gradient missing the regularization term fails the same check.
        var wrong = analytic
        for i in 0..<wrong.count { wrong.scalars[i] -= 0.1 * w1.scalars[i] }
        let failing = try GradientChecker.checkDirectional({ (w: Tensor<Double>) throws -> Double in
            try model.setParameter("W1", w)
            defer { try? model.setParameter("W1", w1) }
            return try model.loss(x, y).loss
        }, at: w1, analytic: wrong, count: 10, seed: 3, settings: settings)
        #expect(!failing.passed)
    }

    @Test("float32 and float64 nets agree on the loss")
    func precisionsAgree() throws {
        var rng64 = courseRandom(), rng32 = courseRandom()
        let configuration = FullyConnectedNetConfiguration(hiddenDims: [20, 30], inputDim: 15, numClasses: 10, reg: 0.1, weightScale: 5e-2)
        let double = try FullyConnectedNet<Double>(configuration, rng: &rng64)
        let float = try FullyConnectedNet<Float>(configuration, rng: &rng32)
        var rng = courseRandom(5)
        let x = Tensor<Double>.randomNormal([8, 15], using: &rng)
        let y = rng.integers(below: 10, count: 8)
        let a = try double.loss(x, y).loss, b = try float.loss(x.converted(), y).loss
        #expect(abs(a - b) / abs(a) < 1e-5, "float64 \(a) vs float32 \(b)")
    }
}
