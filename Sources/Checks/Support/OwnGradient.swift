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
///
/// The points are asked in a seeded random order, with repeats and decoys (`ProbePlan`): a
/// forward pass that recognises the perturbations and answers them from its own gradient gives
/// answers that do not fit together, and the check fails saying so. Every check that uses its
/// own numerical gradient also compares with a fixture where one exists.
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
    /// that does not differentiate its forward is wrong on many entries (one wrong on a
    /// fraction f of a parameter's entries goes unseen with probability (1 - f)^20: 0.3 % at
    /// f = 1/4). 20 rather than 40 halves the net checks' evaluations of the student's loss,
    /// most of a submission's grading time.
    static let netSampleSize = 20

    /// The current check's settings.
    static func settings(_ ctx: CheckContext) throws -> GradientCheckSettings {
        guard let settings = try ctx.currentCheck().ownGradient else {
            throw CheckDefinitionError("\(ctx.check?.id ?? "a check") compares with its own numerical gradient but declares no settings")
        }
        return settings
    }

    /// `analytic` against the numerical gradient of `sum(f(x) * dout)`. An implementation that
    /// supports `evaluate_batch` answers every point of the plan in one round trip; `f` is the
    /// fallback, one call per point.
    static func array(
        _ ctx: CheckContext, _ name: String, of operation: String, at x: Tensor<Double>, upstream dout: Tensor<Double>,
        analytic: Tensor<Double>, call: BatchedCall, _ f: (Tensor<Double>) throws -> Tensor<Double>
    ) throws {
        try check(ctx, name, operation, at: x, weights: dout, analytic: analytic, call: call, indices: nil) { moved in
            let out = try f(moved)
            guard out.shape == dout.shape else {
                throw CheckFailure("\(operation) returned an output of shape \(Shape.describe(out.shape)) for a perturbed input, where the upstream gradient has shape \(Shape.describe(dout.shape))")
            }
            return out.scalars
        }
    }

    /// `analytic` against the numerical gradient of a scalar function (a loss), on `sample`
    /// seeded entries when given.
    static func scalar(
        _ ctx: CheckContext, _ name: String, of operation: String, at x: Tensor<Double>, analytic: Tensor<Double>,
        call: BatchedCall, sample: Int? = nil, _ f: (Tensor<Double>) throws -> Double
    ) throws {
        if x.count >= GradientScreen.minimumEntries, try screenPasses(ctx, name, at: x, analytic: analytic, call: call, { [try f($0)] }) {
            return
        }
        var indices: [Int]?
        if let sample, x.count > sample {
            // The course's grad_check_sparse idea, seeded and without repeats.
            var rng = RandomSource(seed: ctx.seed)
            indices = Array(rng.permutation(x.count).prefix(sample)).sorted()
        }
        try check(ctx, name, operation, at: x, weights: nil, analytic: analytic, call: call, indices: indices) { [try f($0)] }
    }

    /// Whether `analytic` passes the quick screen (`GradientScreen`, seeded from the gradient's
    /// plan seed); false sends it to the full plan. A gradient whose shape is not `x`'s goes to
    /// the full plan, which says so.
    static func screenPasses(
        _ ctx: CheckContext, _ name: String, at x: Tensor<Double>, analytic: Tensor<Double>, call: BatchedCall,
        _ evaluate: (Tensor<Double>) throws -> [Double]
    ) throws -> Bool {
        guard analytic.shape == x.shape else { return false }
        let settings = try settings(ctx)
        let screen = GradientScreen(entries: x.count, step: settings.step, seed: planSeed(ctx, name) ^ 0x5C4E_E17A)
        let answers = try answer(ctx, points: screen.points, order: screen.order, step: settings.step, call, weights: nil, at: x, evaluate)
        return screen.passes(answers, analytic: analytic, at: x, settings: settings)
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

    /// The seed of one gradient's probe plan: the run's seed (`--seed`, in every report) mixed
    /// with the check and the gradient's name (FNV-1a), so that every plan of a run has its own
    /// order and decoys and a run with the same seed repeats them all.
    static func planSeed(_ ctx: CheckContext, _ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261 ^ ctx.seed
        for byte in "\(ctx.check?.id ?? "")/\(name)".utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }

    /// The numerical gradient at `indices` (every entry when nil) from a shuffled plan with
    /// decoys: answers that do not fit together fail the check before any comparison; otherwise
    /// `analytic` is compared with the estimates, kinks set aside.
    static func check(
        _ ctx: CheckContext, _ name: String, _ operation: String, at x: Tensor<Double>, weights: Tensor<Double>?,
        analytic: Tensor<Double>, call: BatchedCall, indices: [Int]?, _ evaluate: (Tensor<Double>) throws -> [Double]
    ) throws {
        let settings = try settings(ctx)
        let analytic = try matchingShape(ctx, name, analytic, x)
        let seed = planSeed(ctx, name)
        let plan = ProbePlan(entries: indices ?? Array(0..<x.count), step: settings.step, seed: seed)
        let answers = try answer(ctx, points: plan.points, order: plan.order, step: plan.step, call, weights: weights, at: x, evaluate)
        let differences = plan.differences(answers, at: x)
        let describe = { (i: Int) in Shape.describe(Compare.multiIndex(i, x.shape)) }
        if let (detail, failed, tests) = plan.inconsistency(answers, differences, at: x, settings: settings, describe: describe) {
            throw CheckFailure(
                "\(name): your \(operation) answers perturbed inputs inconsistently: \(detail) (\(failed) of \(tests) consistency tests failed; the points were asked in a random order seeded from --seed \(ctx.seed), with repeats and decoys). A function of its input gives one value per input and smooth values around it; one that recognises the gradient check's perturbations and answers them from its own gradient does not, so its own numerical gradient proves nothing.")
        }
        let mode: GradientCheckResult.Mode = indices.map { .sampled(count: $0.count, seed: ctx.seed) } ?? .full
        let result = try GradientChecker.compare(differences, analytic: analytic, shape: x.shape, mode: mode, settings: settings) { index, step in
            let smaller = ProbePlan(entries: [index], step: step, seed: seed &+ UInt32(truncatingIfNeeded: index), decoys: false)
            let answers = try answer(ctx, points: smaller.points, order: smaller.order, step: step, call, weights: weights, at: x, evaluate)
            return smaller.differences(answers, at: x)
        }
        try verdict(ctx, result, name, operation, analytic)
    }

    /// The answers at `points` asked in `order` (positions into `points`; a point may be asked
    /// more than once): through `evaluate_batch` (one round trip) when the implementation has
    /// it, otherwise one call of `evaluate` per point, in the same order.
    static func answer(
        _ ctx: CheckContext, points planPoints: [ProbePlan.Point], order: [Int], step: Double, _ call: BatchedCall,
        weights: Tensor<Double>?, at x: Tensor<Double>, _ evaluate: (Tensor<Double>) throws -> [Double]
    ) throws -> ProbeAnswers {
        if let batching = ctx.implementation as? BatchEvaluating, batching.supportsBatchEvaluation {
            let dense = batching.supportsDensePoints
            let points: [Value] = order.map { p in
                let point = planPoints[p]
                if dense && point.indices.count == x.count {
                    // Every entry moves (a screen direction): one binary array, in flat order.
                    var delta = Tensor<Double>(zeros: x.shape)
                    for (i, d) in zip(point.indices, point.deltas) { delta.scalars[i] = d }
                    return .dict(["delta": .array(delta)])
                }
                return .dict(["indices": .list(point.indices.map { .integer($0) }), "deltas": .list(point.deltas.map { .number($0) })])
            }
            let reply = Reply(.modelLoss, try batching.evaluateBatch([
                "call": .dict(["operation": .string(call.operation.rawValue), "arguments": .dict(call.arguments)]),
                "vary": .string(call.vary), "output": .string(call.output),
                "weights": weights.map { .array($0) } ?? .none, "points": .list(points),
                // For an adapter of the earlier form (indices and h only): it answers without
                // `values`, and the points are then asked one call at a time.
                "indices": .list([]), "h": .number(step), "step": .number(step),
            ]))
            if reply.values["values"] != nil {
                let values = try reply.numbers("values"), base = try reply.number("base")
                guard values.count == order.count else {
                    throw ImplementationError.malformedReply(operation: "evaluate_batch", detail: "\(values.count) values for \(order.count) points")
                }
                let scale = reply.values["scale"] == nil ? abs(base) : try reply.number("scale")
                return ProbeAnswers(base: base, scale: scale, values: values)
            }
        }
        let w = weights?.scalars ?? [1]
        var first: [Double] = []
        var answers = ProbeAnswers(base: 0, scale: 0, values: [])
        for p in order {
            let out = try evaluate(ProbePlan.apply(planPoints[p], to: x))
            guard out.count == w.count else {
                throw CheckFailure("\(call.operation.rawValue) returned \(out.count) values for a perturbed input where \(w.count) were expected")
            }
            if first.isEmpty {
                first = out
                answers.base = zip(out, w).reduce(0) { $0 + $1.0 * $1.1 }
                answers.scale = zip(out, w).reduce(0) { $0 + abs($1.0 * $1.1) }
            }
            var sum = 0.0
            for j in 0..<w.count { sum += (out[j] - first[j]) * w[j] }
            answers.values.append(sum)
        }
        return answers
    }

    static func verdict(_ ctx: CheckContext, _ result: GradientCheckResult, _ name: String, _ operation: String, _ analytic: Tensor<Double>) throws {
        guard !result.passed else { return }
        ctx.observe(name + " (own gradient)", analytic)
        let worst = result.failures.max { $0.relativeError < $1.relativeError } ?? result.worst!
        throw CheckFailure(
            "\(name) disagrees with the numerical gradient of your own \(operation): relative error \(Compare.format(worst.relativeError)) at index \(Shape.describe(worst.index)) (numerical \(worst.numeric), yours \(worst.analytic)); \(result.failures.count) of \(result.checkedCount) entries outside \(result.settings.relativeTolerance) (kinks set aside: \(result.kinks.count)). The backward pass does not differentiate the forward pass.")
    }
}
