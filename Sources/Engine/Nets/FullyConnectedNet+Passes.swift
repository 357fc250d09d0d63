import NumericCore

extension FullyConnectedNet {
    /// Buffers reused from one call to the next (same batch size: no allocation).
    final class Workspace {
        var affineOut: [Tensor<Scalar>] = []
        var reluOut: [Tensor<Scalar>] = []
        var reluGrad: [Tensor<Scalar>] = []
        var affineGrads: [Affine.Gradients<Scalar>] = []
        var dscores = Tensor<Scalar>(zeros: [0])

        func prepare(layers: Int) {
            guard affineOut.count != layers else { return }
            affineOut = Array(repeating: Tensor(zeros: [0]), count: layers)
            reluOut = Array(repeating: Tensor(zeros: [0]), count: layers)
            reluGrad = Array(repeating: Tensor(zeros: [0]), count: layers)
            affineGrads = Array(repeating: Affine.Gradients(), count: layers)
        }
    }

    /// The caches of one hidden layer.
    struct HiddenCaches {
        var affine: Affine.Cache<Scalar>
        var batchNorm: BatchNorm.Cache<Scalar>?
        var layerNorm: LayerNorm.Cache<Scalar>?
        var relu: ReLU.Cache<Scalar>
        var dropout: Dropout.Cache<Scalar>?
    }

    /// A forward pass's scores and caches.
    struct ForwardPass {
        var scores: Tensor<Scalar>
        var hidden: [HiddenCaches]
        var output: Affine.Cache<Scalar>
    }

    func forward(_ x: Tensor<Scalar>, training: Bool) throws(NumericError) -> ForwardPass {
        let layers = configuration.layerCount
        workspace.prepare(layers: layers)
        let params = parameters.tensors
        var h = x
        var hidden: [HiddenCaches] = []
        hidden.reserveCapacity(layers - 1)
        for i in 0..<(layers - 1) {
            let affine = try Affine.forward(h, params[layout.weight[i]], params[layout.bias[i]], into: &workspace.affineOut[i])
            var z = workspace.affineOut[i]
            var batchNormCache: BatchNorm.Cache<Scalar>?, layerNormCache: LayerNorm.Cache<Scalar>?
            switch configuration.normalization {
            case .batchnorm:
                let result = try BatchNorm.forward(
                    z, gamma: params[layout.gamma[i]], beta: params[layout.beta[i]], mode: training ? .train : .test,
                    running: runningStatistics[i], configuration: configuration.batchNorm)
                z = result.out
                batchNormCache = result.cache
                runningStatistics[i] = result.running
            case .layernorm:
                let result = try LayerNorm.forward(
                    z, gamma: params[layout.gamma[i]], beta: params[layout.beta[i]], epsilon: configuration.layerNormEpsilon)
                z = result.out
                layerNormCache = result.cache
            case nil:
                break
            }
            let relu = ReLU.forward(z, into: &workspace.reluOut[i])
            h = workspace.reluOut[i]
            var dropoutCache: Dropout.Cache<Scalar>?
            if configuration.usesDropout {
                var seeded = configuration.dropoutSeed.map { RandomSource(seed: $0) }
                let result: (out: Tensor<Scalar>, cache: Dropout.Cache<Scalar>)
                if seeded != nil {
                    result = try Dropout.forward(h, keepProbability: configuration.dropoutKeepProbability, mode: training ? .train : .test, rng: &seeded!)
                } else {
                    result = try Dropout.forward(h, keepProbability: configuration.dropoutKeepProbability, mode: training ? .train : .test, rng: &dropoutRandomSource)
                }
                h = result.out
                dropoutCache = result.cache
            }
            hidden.append(HiddenCaches(affine: affine, batchNorm: batchNormCache, layerNorm: layerNormCache, relu: relu, dropout: dropoutCache))
        }
        let last = layers - 1
        let output = try Affine.forward(h, params[layout.weight[last]], params[layout.bias[last]], into: &workspace.affineOut[last])
        return ForwardPass(scores: workspace.affineOut[last], hidden: hidden, output: output)
    }

    /// Back-propagates `workspace.dscores` (already holding dLoss/dscores) through the pass.
    /// Returns the gradients and `sum(W^2)` over every weight matrix (0 when `reg` is 0).
    func backward(_ pass: ForwardPass, computeInputGradient: Bool) throws(NumericError) -> (ParameterSet<Scalar>, Double) {
        let layers = configuration.layerCount
        var grads = parameters   // same names and order; every tensor is overwritten below
        var sumOfSquares = 0.0
        /// dW starts as reg * W (and sum(W^2) is taken in the same pass) when reg is on.
        func affineBackward(_ dout: Tensor<Scalar>, _ cache: Affine.Cache<Scalar>, layer l: Int) throws(NumericError) {
            if reg != 0 {
                workspace.affineGrads[l].dw.resize(to: cache.w.shape)
                cache.w.scalars.withUnsafeBufferPointer { w in
                    workspace.affineGrads[l].dw.scalars.withUnsafeMutableBufferPointer { dw in
                        guard let base = w.baseAddress else { return }
                        sumOfSquares += Scalar.scaledCopySumOfSquares(count: w.count, w: base, out: dw.baseAddress!, scale: Scalar(reg))
                    }
                }
            }
            try Affine.backward(
                dout, cache, into: &workspace.affineGrads[l], computeDx: l > 0 || computeInputGradient, accumulateDw: reg != 0)
            grads.tensors[layout.weight[l]] = workspace.affineGrads[l].dw
            grads.tensors[layout.bias[l]] = workspace.affineGrads[l].db
        }
        let last = layers - 1
        try affineBackward(workspace.dscores, pass.output, layer: last)
        var dh = workspace.affineGrads[last].dx
        for i in stride(from: layers - 2, through: 0, by: -1) {
            let caches = pass.hidden[i]
            if let dropout = caches.dropout { dh = try Dropout.backward(dh, dropout) }
            try ReLU.backward(dh, caches.relu, into: &workspace.reluGrad[i])
            var dz = workspace.reluGrad[i]
            if let bn = caches.batchNorm {
                let g = try BatchNorm.backward(dz, bn)
                dz = g.dx
                grads.tensors[layout.gamma[i]] = g.dgamma
                grads.tensors[layout.beta[i]] = g.dbeta
            } else if let ln = caches.layerNorm {
                let g = try LayerNorm.backward(dz, ln)
                dz = g.dx
                grads.tensors[layout.gamma[i]] = g.dgamma
                grads.tensors[layout.beta[i]] = g.dbeta
            }
            try affineBackward(dz, caches.affine, layer: i)
            dh = workspace.affineGrads[i].dx
        }
        return (grads, sumOfSquares)
    }
}
