import Engine
import NumericCore
import Testing

/// Every golden of the course notebooks that the engine can produce, within the error the
/// notebook states (`fixtures/goldens/cs231n-goldens.md` sections 2 and 7).
@Suite("Course goldens")
struct GoldenTests {
    @Test("affine_forward: correct_out, error around 1e-9")
    func affineForward() throws {
        let x = linspace(-0.1, 0.5, 240, [2, 4, 5, 6])
        let w = linspace(-0.2, 0.3, 360, [120, 3])
        let b = linspace(-0.3, 0.1, 3, [3])
        let (out, _) = try Affine.forward(x, w, b)
        // An exact float64 implementation gives 9.77e-10: correct_out is printed to 8 decimals.
        expectClose(out, Goldens.expected("affine_forward", "correct_out"), relativeTolerance: 1e-9, "affine_forward")
    }

    @Test("relu_forward: correct_out, error on the order of 1e-8")
    func reluForward() {
        let (out, _) = ReLU.forward(linspace(-0.5, 0.5, 12, [3, 4]))
        expectClose(out, Goldens.expected("relu_forward", "correct_out"), relativeTolerance: 5e-8, "relu_forward")
    }

    /// The notebook's TwoLayerNet construction: seed 231, N, D, H, C = 3, 5, 50, 7, std 1e-3.
    func twoLayerNet() throws -> FullyConnectedNet<Double> {
        var rng = courseRandom()
        _ = Tensor<Double>.randomNormal([3, 5], using: &rng)
        _ = rng.integers(below: 7, count: 3)
        let model = try TwoLayerNet.make(inputDim: 5, hiddenDim: 50, numClasses: 7, weightScale: 1e-3, rng: &rng, as: Double.self)
        try model.setParameter("W1", linspace(-0.7, 0.3, 250, [5, 50]))
        try model.setParameter("b1", linspace(-0.1, 0.9, 50, [50]))
        try model.setParameter("W2", linspace(-0.3, 0.4, 350, [50, 7]))
        try model.setParameter("b2", linspace(-0.9, 0.1, 7, [7]))
        return model
    }

    var twoLayerX: Tensor<Double> {
        // np.linspace(-5.5, 4.5, num=N*D).reshape(D, N).T
        let t = linspace(-5.5, 4.5, 15, [5, 3])
        var x = Tensor<Double>(zeros: [3, 5])
        for i in 0..<3 { for j in 0..<5 { x[i, j] = t[j, i] } }
        return x
    }

    @Test("TwoLayerNet initialization: std within std/10, zero biases")
    func twoLayerInitialization() throws {
        var rng = courseRandom()
        let model = try TwoLayerNet.make(inputDim: 5, hiddenDim: 50, numClasses: 7, weightScale: 1e-3, rng: &rng, as: Double.self)
        for name in ["W1", "W2"] {
            let w = try #require(model.parameters[name])
            let mean = w.sum() / Double(w.count)
            let std = (w.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count)).squareRoot()
            #expect(abs(std - 1e-3) < 1e-4, "\(name) std \(std)")
        }
        #expect(model.parameters["b1"]!.scalars.allSatisfy { $0 == 0 })
        #expect(model.parameters["b2"]!.scalars.allSatisfy { $0 == 0 })
    }

    @Test("TwoLayerNet scores: sum of absolute differences < 1e-6")
    func twoLayerScores() throws {
        let scores = try twoLayerNet().scores(twoLayerX)
        let expected = Goldens.expected("TwoLayerNet", "correct_scores")
        #expect(scores.shape == expected.shape)
        let difference = zip(scores.scalars, expected.scalars).reduce(0) { $0 + abs($1.0 - $1.1) }
        #expect(difference < 1e-6)
    }

    @Test("TwoLayerNet loss: 3.4702243556 (reg 0) and 26.5948426952 (reg 1.0), error < 1e-10")
    func twoLayerLoss() throws {
        let model = try twoLayerNet()
        let y = [0, 5, 1]
        #expect(abs(try model.loss(twoLayerX, y).loss - 3.4702243556) < 1e-10)
        model.reg = 1.0
        #expect(abs(try model.loss(twoLayerX, y).loss - 26.5948426952) < 1e-10)
    }

    let w = linspace(-0.4, 0.6, 20, [4, 5])
    let dw = linspace(-0.6, 0.4, 20, [4, 5])

    @Test("sgd_momentum: next_w and velocity, errors below 1e-8")
    func sgdMomentum() throws {
        var next = w
        var state = SGDMomentum.State(velocity: linspace(0.6, 0.9, 20, [4, 5]))
        try SGDMomentum(learningRate: 1e-3).step(&next, dw, state: &state)
        expectClose(next, Goldens.expected("sgd_momentum", "expected_next_w"), relativeTolerance: 1e-8, "next_w")
        expectClose(try #require(state.velocity), Goldens.expected("sgd_momentum", "expected_velocity"), relativeTolerance: 1e-8, "velocity")
    }

    @Test("rmsprop: next_w and cache, errors around 1e-7 or less")
    func rmsprop() throws {
        var next = w
        var state = RMSProp.State(cache: linspace(0.6, 0.9, 20, [4, 5]))
        try RMSProp(learningRate: 1e-2).step(&next, dw, state: &state)
        expectClose(next, Goldens.expected("rmsprop", "expected_next_w"), relativeTolerance: 1e-7, "next_w")
        expectClose(try #require(state.cache), Goldens.expected("rmsprop", "expected_cache"), relativeTolerance: 1e-7, "cache")
    }

    @Test("adam: next_w, v and m from t = 5, errors around 1e-7")
    func adam() throws {
        var next = w
        var state = Adam.State(m: linspace(0.6, 0.9, 20, [4, 5]), v: linspace(0.7, 0.5, 20, [4, 5]), t: 5)
        try Adam(learningRate: 1e-2).step(&next, dw, state: &state)
        // The exact computation gives 1.14e-7 for next_w (8-decimal printing); "around e-7".
        expectClose(next, Goldens.expected("adam", "expected_next_w"), relativeTolerance: 2e-7, "next_w")
        expectClose(try #require(state.v), Goldens.expected("adam", "expected_v"), relativeTolerance: 1e-7, "v")
        expectClose(try #require(state.m), Goldens.expected("adam", "expected_m"), relativeTolerance: 1e-7, "m")
        #expect(state.t == 6)
    }

    /// seed 231; x = 0.001 * randn(50, 10); y = randint(10, size=50).
    func lossInputs() -> (Tensor<Double>, [Int]) {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([50, 10], scale: 0.001, using: &rng)
        return (x, rng.integers(below: 10, count: 50))
    }

    @Test("svm_loss on the seed-231 inputs: 8.999602749096233 (section 7)")
    func svmLoss() throws {
        let (x, y) = lossInputs()
        let loss = try SVMLoss.evaluate(x, y).loss
        #expect(abs(loss - Goldens.computed("svm_loss_seed231")) < 1e-12)
    }

    @Test("softmax_loss on the seed-231 inputs: 2.302545844500738 (section 7)")
    func softmaxLoss() throws {
        let (x, y) = lossInputs()
        let loss = try SoftmaxLoss.evaluate(x, y).loss
        #expect(abs(loss - Goldens.computed("softmax_loss_seed231")) < 1e-12)
    }

    @Test("FullyConnectedNet initial losses, reg 0 and 3.14 (section 7)")
    func fullyConnectedInitialLoss() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([2, 15], using: &rng)
        let y = rng.integers(below: 10, count: 2)
        var losses: [Double] = []
        for reg in [0, 3.14] {
            let model = try FullyConnectedNet<Double>(
                FullyConnectedNetConfiguration(hiddenDims: [20, 30], inputDim: 15, numClasses: 10, reg: reg, weightScale: 5e-2),
                rng: &rng)
            losses.append(try model.loss(x, y).loss)
        }
        #expect(abs(losses[0] - Goldens.computed("fcn_initial_loss_seed231_reg0")) < 1e-12)
        #expect(abs(losses[1] - Goldens.computed("fcn_initial_loss_seed231_reg3.14")) < 1e-12)
    }
}
