import Engine
import GradientCheck
import NumericCore
import Testing

/// Every layer's backward pass against central differences of its own forward pass, on the
/// notebooks' constructions (seed 231), with the notebooks' thresholds (labelled per test).
@Suite("Layer gradients")
struct LayerGradientTests {
    func settings(_ tolerance: Double) -> GradientCheckSettings {
        GradientCheckSettings(step: 1e-5, relativeTolerance: tolerance)
    }

    func expectPass(_ result: GradientCheckResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.passed, "\(what): \(result.summary)", sourceLocation: sourceLocation)
    }

    @Test("affine_backward: dx, dw, db around 1e-10")
    func affine() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([10, 2, 3], using: &rng)
        let w = Tensor<Double>.randomNormal([6, 5], using: &rng)
        let b = Tensor<Double>.randomNormal([5], using: &rng)
        let dout = Tensor<Double>.randomNormal([10, 5], using: &rng)
        let (_, cache) = try Affine.forward(x, w, b)
        let grads = try Affine.backward(dout, cache)
        #expect(grads.dx.shape == [10, 2, 3])
        expectPass(try GradientChecker.checkArray({ try Affine.forward($0, w, b).out }, at: x, upstream: dout, analytic: grads.dx, settings: settings(1e-9)), "dx")
        expectPass(try GradientChecker.checkArray({ try Affine.forward(x, $0, b).out }, at: w, upstream: dout, analytic: grads.dw, settings: settings(1e-9)), "dw")
        expectPass(try GradientChecker.checkArray({ try Affine.forward(x, w, $0).out }, at: b, upstream: dout, analytic: grads.db, settings: settings(1e-9)), "db")
    }

    @Test("relu_backward: around 1e-12, gradient 0 at exactly 0")
    func relu() throws {
        var rng = courseRandom()
        var x = Tensor<Double>.randomNormal([10, 10], using: &rng)
        let dout = Tensor<Double>.randomNormal([10, 10], using: &rng)
        x.scalars[7] = 0
        let dx = try ReLU.backward(dout, ReLU.forward(x).cache)
        #expect(dx.scalars[7] == 0)
        let result = try GradientChecker.checkArray({ ReLU.forward($0).out }, at: x, upstream: dout, analytic: dx, settings: settings(1e-10))
        expectPass(result, "dx")
        #expect(result.kinks.map(\.flatIndex) == [7], "the entry at 0 is a kink, set aside")
    }

    @Test("affine_relu sandwich: around 1e-10")
    func sandwich() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([2, 3, 4], using: &rng)
        let w = Tensor<Double>.randomNormal([12, 10], using: &rng)
        let b = Tensor<Double>.randomNormal([10], using: &rng)
        let dout = Tensor<Double>.randomNormal([2, 10], using: &rng)
        let grads = try AffineReLU.backward(dout, AffineReLU.forward(x, w, b).cache)
        expectPass(try GradientChecker.checkArray({ try AffineReLU.forward($0, w, b).out }, at: x, upstream: dout, analytic: grads.dx, settings: settings(1e-9)), "dx")
        expectPass(try GradientChecker.checkArray({ try AffineReLU.forward(x, $0, b).out }, at: w, upstream: dout, analytic: grads.dw, settings: settings(1e-9)), "dw")
        expectPass(try GradientChecker.checkArray({ try AffineReLU.forward(x, w, $0).out }, at: b, upstream: dout, analytic: grads.db, settings: settings(1e-9)), "db")
    }

    @Test("softmax_loss: loss close to 2.3, dx around 1e-8")
    func softmax() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([50, 10], scale: 0.001, using: &rng)
        let y = rng.integers(below: 10, count: 50)
        let (loss, dx) = try SoftmaxLoss.evaluate(x, y)
        #expect(abs(loss - 2.3) < 0.01)
        expectPass(try GradientChecker.check({ try SoftmaxLoss.evaluate($0, y).loss }, at: x, analytic: dx, settings: settings(1e-7)), "dx")
    }

    @Test("svm_loss: loss around 9, dx around 1e-9")
    func svm() throws {
        var rng = courseRandom()
        let x = Tensor<Double>.randomNormal([50, 10], scale: 0.001, using: &rng)
        let y = rng.integers(below: 10, count: 50)
        let (loss, dx) = try SVMLoss.evaluate(x, y)
        #expect(abs(loss - 9) < 0.01)
        expectPass(try GradientChecker.check({ try SVMLoss.evaluate($0, y).loss }, at: x, analytic: dx, settings: settings(1e-8)), "dx")
    }

    /// x = 5 * randn(N, D) + 12 as in the notebook.
    func batchNormInputs(_ n: Int, _ d: Int) -> (Tensor<Double>, Tensor<Double>, Tensor<Double>, Tensor<Double>) {
        var rng = courseRandom()
        var x = Tensor<Double>.randomNormal([n, d], scale: 5, using: &rng)
        for i in 0..<x.count { x.scalars[i] += 12 }
        let gamma = Tensor<Double>.randomNormal([d], using: &rng)
        let beta = Tensor<Double>.randomNormal([d], using: &rng)
        let dout = Tensor<Double>.randomNormal([n, d], using: &rng)
        return (x, gamma, beta, dout)
    }

    @Test("batchnorm_backward and batchnorm_backward_alt: between 1e-13 and 1e-8", arguments: [false, true])
    func batchNorm(alt: Bool) throws {
        let (x, gamma, beta, dout) = batchNormInputs(4, 5)
        let running = BatchNorm.RunningStatistics<Double>(features: 5)
        func out(_ x: Tensor<Double>, _ g: Tensor<Double>, _ b: Tensor<Double>) throws -> Tensor<Double> {
            try BatchNorm.forward(x, gamma: g, beta: b, mode: .train, running: running).out
        }
        let cache = try BatchNorm.forward(x, gamma: gamma, beta: beta, mode: .train, running: running).cache
        let grads = alt ? try BatchNorm.backwardAlt(dout, cache) : try BatchNorm.backward(dout, cache)
        expectPass(try GradientChecker.checkArray({ try out($0, gamma, beta) }, at: x, upstream: dout, analytic: grads.dx, settings: settings(1e-7)), "dx")
        expectPass(try GradientChecker.checkArray({ try out(x, $0, beta) }, at: gamma, upstream: dout, analytic: grads.dgamma, settings: settings(1e-8)), "dgamma")
        expectPass(try GradientChecker.checkArray({ try out(x, gamma, $0) }, at: beta, upstream: dout, analytic: grads.dbeta, settings: settings(1e-8)), "dbeta")
    }

    @Test("batchnorm_backward_alt equals batchnorm_backward (N, D = 100, 500)")
    func batchNormAltMatches() throws {
        let (x, gamma, beta, dout) = batchNormInputs(100, 500)
        let cache = try BatchNorm.forward(x, gamma: gamma, beta: beta, mode: .train, running: .init(features: 500)).cache
        let a = try BatchNorm.backward(dout, cache), b = try BatchNorm.backwardAlt(dout, cache)
        expectClose(a.dx, b.dx, relativeTolerance: 1e-10, "dx")
        expectClose(a.dgamma, b.dgamma, relativeTolerance: 1e-12, "dgamma")
    }

    @Test("batchnorm test mode: gradient through the running statistics")
    func batchNormTestMode() throws {
        let (x, gamma, beta, dout) = batchNormInputs(4, 5)
        var rng = courseRandom(7)
        let running = BatchNorm.RunningStatistics<Double>(mean: .randomNormal([5], using: &rng), variance: Tensor(zeros: [5], value: 2))
        let cache = try BatchNorm.forward(x, gamma: gamma, beta: beta, mode: .test, running: running).cache
        let grads = try BatchNorm.backward(dout, cache)
        expectPass(try GradientChecker.checkArray({ try BatchNorm.forward($0, gamma: gamma, beta: beta, mode: .test, running: running).out }, at: x, upstream: dout, analytic: grads.dx, settings: settings(1e-8)), "dx")
    }

    @Test("layernorm_backward: between 1e-12 and 1e-8")
    func layerNorm() throws {
        let (x, gamma, beta, dout) = batchNormInputs(4, 5)
        let grads = try LayerNorm.backward(dout, LayerNorm.forward(x, gamma: gamma, beta: beta).cache)
        expectPass(try GradientChecker.checkArray({ try LayerNorm.forward($0, gamma: gamma, beta: beta).out }, at: x, upstream: dout, analytic: grads.dx, settings: settings(1e-7)), "dx")
        expectPass(try GradientChecker.checkArray({ try LayerNorm.forward(x, gamma: $0, beta: beta).out }, at: gamma, upstream: dout, analytic: grads.dgamma, settings: settings(1e-8)), "dgamma")
        expectPass(try GradientChecker.checkArray({ try LayerNorm.forward(x, gamma: gamma, beta: $0).out }, at: beta, upstream: dout, analytic: grads.dbeta, settings: settings(1e-8)), "dbeta")
    }

    @Test("dropout_backward with a seeded mask (p = 0.2 keep): around 1e-10")
    func dropout() throws {
        var rng = courseRandom()
        var x = Tensor<Double>.randomNormal([10, 10], using: &rng)
        for i in 0..<x.count { x.scalars[i] += 10 }
        let dout = Tensor<Double>.randomNormal([10, 10], using: &rng)
        func out(_ x: Tensor<Double>) throws -> Tensor<Double> {
            var seeded = RandomSource(seed: 123)
            return try Dropout.forward(x, keepProbability: 0.2, mode: .train, rng: &seeded).out
        }
        var seeded = RandomSource(seed: 123)
        let cache = try Dropout.forward(x, keepProbability: 0.2, mode: .train, rng: &seeded).cache
        let dx = try Dropout.backward(dout, cache)
        expectPass(try GradientChecker.checkArray(out, at: x, upstream: dout, analytic: dx, settings: settings(1e-9)), "dx")
    }
}
