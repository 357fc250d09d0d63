import Engine
import Implementation
import NumericCore

extension ReferenceImplementation {
    func dispatch(_ operation: Operation, _ a: Arguments) throws -> [String: Value] {
        switch operation {
        case .affineForward:
            let (out, cache) = try Affine.forward(a.array("x"), a.array("w"), a.array("b"))
            return ["out": .array(out), "cache": store(cache)]
        case .affineBackward:
            let g = try Affine.backward(a.array("dout"), fetch(a, "cache", as: Affine.Cache<Double>.self))
            return ["dx": .array(g.dx), "dw": .array(g.dw), "db": .array(g.db)]
        case .reluForward:
            let (out, cache) = ReLU.forward(try a.array("x"))
            return ["out": .array(out), "cache": store(cache)]
        case .reluBackward:
            return ["dx": .array(try ReLU.backward(a.array("dout"), fetch(a, "cache", as: ReLU.Cache<Double>.self)))]
        case .affineReluForward:
            let (out, cache) = try AffineReLU.forward(a.array("x"), a.array("w"), a.array("b"))
            return ["out": .array(out), "cache": store(cache)]
        case .affineReluBackward:
            let g = try AffineReLU.backward(a.array("dout"), fetch(a, "cache", as: AffineReLU.Cache<Double>.self))
            return ["dx": .array(g.dx), "dw": .array(g.dw), "db": .array(g.db)]
        case .batchnormForward:
            return try batchnormForward(a)
        case .batchnormBackward, .batchnormBackwardAlt:
            let cache = try fetch(a, "cache", as: BatchNorm.Cache<Double>.self)
            let g = operation == .batchnormBackward ? try BatchNorm.backward(a.array("dout"), cache) : try BatchNorm.backwardAlt(a.array("dout"), cache)
            return ["dx": .array(g.dx), "dgamma": .array(g.dgamma), "dbeta": .array(g.dbeta)]
        case .layernormForward:
            let param = try a.dict("ln_param")
            let eps = Arguments(operation, param).values["eps"] == nil ? 1e-5 : try Arguments(operation, param).number("eps")
            let (out, cache) = try LayerNorm.forward(a.array("x"), gamma: a.array("gamma"), beta: a.array("beta"), epsilon: eps)
            return ["out": .array(out), "cache": store(cache)]
        case .layernormBackward:
            let g = try LayerNorm.backward(a.array("dout"), fetch(a, "cache", as: LayerNorm.Cache<Double>.self))
            return ["dx": .array(g.dx), "dgamma": .array(g.dgamma), "dbeta": .array(g.dbeta)]
        case .dropoutForward:
            let param = Arguments(operation, try a.dict("dropout_param"))
            let mode: Dropout.Mode = try param.string("mode") == "train" ? .train : .test
            let p = try param.number("p")
            let result: (out: Tensor<Double>, cache: Dropout.Cache<Double>)
            if let seed = try param.optionalNumber("seed") {
                var rng = RandomSource(seed: UInt32(truncatingIfNeeded: Int(seed)))
                result = try Dropout.forward(a.array("x"), keepProbability: p, mode: mode, rng: &rng)
            } else {
                result = try Dropout.forward(a.array("x"), keepProbability: p, mode: mode, rng: &dropoutRandomSource)
            }
            return ["out": .array(result.out), "cache": store(result.cache)]
        case .dropoutBackward:
            return ["dx": .array(try Dropout.backward(a.array("dout"), fetch(a, "cache", as: Dropout.Cache<Double>.self)))]
        case .softmaxLoss, .svmLoss:
            let (x, y) = (try a.array("x"), try a.labels("y"))
            let (loss, dx) = operation == .softmaxLoss ? try SoftmaxLoss.evaluate(x, y) : try SVMLoss.evaluate(x, y)
            var reply: [String: Value] = ["loss": .number(loss), "dx": .array(dx)]
            // The engine never mutates its arguments: what it was given is what it reports.
            if a.values["report_inputs"] == .bool(true) { reply["inputs_after"] = .dict(["x": .array(x), "y": Value(y)]) }
            return reply
        case .makeModel, .getParameters, .setParameters, .modelLoss:
            return try modelOperation(operation, a)
        case .update:
            return try update(a)
        case .solverTrain:
            return try solverTrain(a)
        }
    }

    private func batchnormForward(_ a: Arguments) throws -> [String: Value] {
        let x = try a.array("x")
        let param = Arguments(.batchnormForward, try a.dict("bn_param"))
        let d = x.rowWidth
        let mode: BatchNorm.Mode
        switch try param.string("mode") {
        case "train": mode = .train
        case "test": mode = .test
        case let other: throw ImplementationError.raised(type: "ValueError", message: "Invalid forward batchnorm mode \"\(other)\"", location: nil)
        }
        let running = BatchNorm.RunningStatistics<Double>(
            mean: param.values["running_mean"] == nil ? Tensor(zeros: [d]) : try param.array("running_mean"),
            variance: param.values["running_var"] == nil ? Tensor(zeros: [d]) : try param.array("running_var"))
        let configuration = BatchNorm.Configuration(
            epsilon: try param.optionalNumber("eps") ?? 1e-5, momentum: try param.optionalNumber("momentum") ?? 0.9)
        let result = try BatchNorm.forward(
            x, gamma: a.array("gamma"), beta: a.array("beta"), mode: mode, running: running, configuration: configuration)
        var updated = param.values
        updated["running_mean"] = .array(result.running.mean)
        updated["running_var"] = .array(result.running.variance)
        return ["out": .array(result.out), "cache": store(result.cache), "bn_param": .dict(updated)]
    }
}
