import GradientCheck
import Implementation
import NumericCore

/// One operation call whose output the numerical gradient differentiates: `output` of
/// `operation(arguments)` as a function of the argument `vary` (or `params.NAME` of a model).
struct BatchedCall {
    var operation: Operation
    var arguments: [String: Value]
    var vary: String
    var output: String
}

/// Backward passes checked against central differences of the implementation's OWN forward
/// pass, so that a forward/backward pair that is consistently wrong is caught by the fixture
/// comparison, and a backward that disagrees with its forward is caught here.
enum OwnGradient {
    /// Layers: float64, h = 1e-5 (the course's step), relative error 1e-5 or absolute 1e-9 (the
    /// round-off floor); entries whose step crosses a kink are set aside. The notebooks expect
    /// e-8 to e-12 from a right answer; a backward pass that does not differentiate its forward
    /// is off by 1e-2 and more.
    static let layers = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-5, absoluteTolerance: 1e-9)

    /// Normalization layers: as `layers` with relative 1e-4, because a forward pass that adds
    /// `eps` outside the square root (which the course accepts) next to a textbook backward pass
    /// disagrees by about 1e-5; a missing term is off by 1e-2 and more.
    static let normalization = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-4, absoluteTolerance: 1e-9)

    /// Whole nets: the notebooks accept "W2 on the order of e-5" and, with batch norm, "1e-4 to
    /// 1e-10 for W"; central differences of a deep net's loss carry truncation error near 1e-6.
    static let nets = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-4, absoluteTolerance: 1e-9)

    /// Entries per net parameter compared with the numerical gradient (seeded with the run's
    /// seed): every entry of each gradient is already compared with the fixture, and a backward
    /// that does not differentiate its forward is wrong on many entries.
    static let netSampleSize = 40

    /// The current check's settings.
    static func settings(_ ctx: CheckContext) throws -> GradientCheckSettings {
        guard let settings = try ctx.currentCheck().ownGradient else {
            throw CheckDefinitionError("\(ctx.check?.id ?? "a check") compares with its own numerical gradient but declares no settings")
        }
        return settings
    }

    /// `analytic` against the numerical gradient of `sum(f(x) * dout)`. An implementation that
    /// supports `evaluate_batch` computes all the differences of `call` in one round trip; `f`
    /// is the fallback.
    static func array(
        _ ctx: CheckContext, _ name: String, of operation: String, at x: Tensor<Double>, upstream dout: Tensor<Double>,
        analytic: Tensor<Double>, call: BatchedCall, _ f: (Tensor<Double>) throws -> Tensor<Double>
    ) throws {
        let settings = try settings(ctx)
        let analytic = try matchingShape(ctx, name, analytic, x)
        if let result = try batch(ctx, call, weights: dout, at: x, analytic: analytic, settings: settings) {
            return try verdict(ctx, result, name, operation, analytic)
        }
        let result = try GradientChecker.checkArray(f, at: x, upstream: dout, analytic: analytic, settings: settings)
        try verdict(ctx, result, name, operation, analytic)
    }

    /// A gradient must have the shape of what it is the gradient of; a shape numpy treats alike
    /// (`(1, D)` for `(D,)`) is accepted with a warning.
    static func matchingShape(_ ctx: CheckContext, _ name: String, _ analytic: Tensor<Double>, _ x: Tensor<Double>) throws -> Tensor<Double> {
        if analytic.shape == x.shape { return analytic }
        if Compare.equivalentShapes(analytic.shape, x.shape) {
            ctx.warn("\(name) has shape \(Shape.describe(analytic.shape)) where the course's docstring says \(Shape.describe(x.shape)); numpy broadcasts the two alike, so the course accepts it")
            return try analytic.reshaped(x.shape)
        }
        throw CheckFailure("\(name) has shape \(Shape.describe(analytic.shape)); it must have the shape \(Shape.describe(x.shape)) of what it is the gradient of")
    }

    /// The differences through `evaluate_batch`, or nil when the implementation lacks it.
    static func batch(
        _ ctx: CheckContext, _ call: BatchedCall, weights: Tensor<Double>?, at x: Tensor<Double>,
        analytic: Tensor<Double>, settings: GradientCheckSettings, indices: [Int]? = nil
    ) throws -> GradientCheckResult? {
        guard let batching = ctx.implementation as? BatchEvaluating, batching.supportsBatchEvaluation else { return nil }
        func differences(_ indices: [Int], step: Double) throws -> NumericalGradient.Differences {
            let reply = Reply(.modelLoss, try batching.evaluateBatch([
                "call": .dict(["operation": .string(call.operation.rawValue), "arguments": .dict(call.arguments)]),
                "vary": .string(call.vary), "output": .string(call.output),
                "weights": weights.map { .array($0) } ?? .none,
                "indices": .list(indices.map { .integer($0) }), "h": .number(step), "step": .number(step),
            ]))
            let central = try reply.numbers("central"), forward = try reply.numbers("forward"), backward = try reply.numbers("backward")
            guard central.count == indices.count, forward.count == indices.count, backward.count == indices.count else {
                throw ImplementationError.malformedReply(operation: "evaluate_batch", detail: "\(central.count) values for \(indices.count) indices")
            }
            var d = NumericalGradient.Differences(indices: indices)
            d.values = central.map { $0 / (2 * step) }
            d.forwardSlopes = forward.map { $0 / step }
            d.backwardSlopes = backward.map { $0 / step }
            d.noiseFloor = 16 * Double.ulpOfOne * abs(try reply.number("base")) / step
            return d
        }
        let all = try differences(indices ?? Array(0..<x.count), step: settings.step)
        let mode: GradientCheckResult.Mode = indices.map { .sampled(count: $0.count, seed: ctx.seed) } ?? .full
        return try GradientChecker.compare(all, analytic: analytic, shape: x.shape, mode: mode, settings: settings) { index, step in
            try differences([index], step: step)
        }
    }

    /// `analytic` against the numerical gradient of a scalar function (a loss), on `sample`
    /// seeded entries when given.
    static func scalar(
        _ ctx: CheckContext, _ name: String, of operation: String, at x: Tensor<Double>, analytic: Tensor<Double>,
        call: BatchedCall, sample: Int? = nil, _ f: (Tensor<Double>) throws -> Double
    ) throws {
        let settings = try settings(ctx)
        let analytic = try matchingShape(ctx, name, analytic, x)
        var indices: [Int]?
        if let sample, x.count > sample {
            // The course's grad_check_sparse idea, seeded and without repeats.
            var rng = RandomSource(seed: ctx.seed)
            indices = Array(rng.permutation(x.count).prefix(sample)).sorted()
        }
        if let result = try batch(ctx, call, weights: nil, at: x, analytic: analytic, settings: settings, indices: indices) {
            return try verdict(ctx, result, name, operation, analytic)
        }
        if let indices {
            let differences = try NumericalGradient.entries(f, at: x, indices: indices, step: settings.step)
            let result = try GradientChecker.compare(differences, analytic: analytic, shape: x.shape, mode: .sampled(count: indices.count, seed: ctx.seed), settings: settings) { i, h in
                try NumericalGradient.entries(f, at: x, indices: [i], step: h)
            }
            return try verdict(ctx, result, name, operation, analytic)
        }
        let result = try GradientChecker.check(f, at: x, analytic: analytic, settings: settings)
        try verdict(ctx, result, name, operation, analytic)
    }

    static func verdict(_ ctx: CheckContext, _ result: GradientCheckResult, _ name: String, _ operation: String, _ analytic: Tensor<Double>) throws {
        guard !result.passed else { return }
        ctx.observe(name + " (own gradient)", analytic)
        let worst = result.failures.max { $0.relativeError < $1.relativeError } ?? result.worst!
        throw CheckFailure(
            "\(name) disagrees with the numerical gradient of your own \(operation): relative error \(Compare.format(worst.relativeError)) at index \(Shape.describe(worst.index)) (numerical \(worst.numeric), yours \(worst.analytic)); \(result.failures.count) of \(result.checkedCount) entries outside \(result.settings.relativeTolerance) (kinks set aside: \(result.kinks.count)). The backward pass does not differentiate the forward pass.")
    }
}
