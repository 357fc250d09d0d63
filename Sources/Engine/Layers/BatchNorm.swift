import NumericCore

/// Batch normalization over the batch dimension of x (N, D), with scale `gamma` (D,) and shift
/// `beta` (D,).
///
/// Train mode: `mu = mean(x, axis 0)`, `var = mean((x - mu)^2, axis 0)` (biased, as numpy's
/// `var`), `xhat = (x - mu) / sqrt(var + eps)`, `out = gamma * xhat + beta`; running statistics
/// become `momentum * running + (1 - momentum) * batch`. Test mode normalizes with the running
/// statistics instead. Defaults as in the course: `eps = 1e-5`, `momentum = 0.9`, running
/// statistics start at zero.
public enum BatchNorm {
    /// Train (batch statistics, updates the running ones) or test (running statistics).
    public enum Mode: String, Sendable, Codable { case train, test }

    /// Hyper-parameters.
    public struct Configuration: Sendable, Equatable, Codable {
        public var epsilon: Double = 1e-5
        public var momentum: Double = 0.9
        public init(epsilon: Double = 1e-5, momentum: Double = 0.9) {
            self.epsilon = epsilon
            self.momentum = momentum
        }
    }

    /// Running mean and variance per feature, each (D,).
    public struct RunningStatistics<Scalar: NetScalar>: Sendable, Equatable, Codable {
        public var mean: Tensor<Scalar>
        public var variance: Tensor<Scalar>

        /// Zeros for `features` features (the course's default).
        public init(features: Int) {
            mean = Tensor(zeros: [features])
            variance = Tensor(zeros: [features])
        }

        public init(mean: Tensor<Scalar>, variance: Tensor<Scalar>) {
            self.mean = mean
            self.variance = variance
        }
    }

    /// What the backward passes need.
    public struct Cache<Scalar: NetScalar>: Sendable {
        /// x - mu, (N, D).
        public let centered: Tensor<Scalar>
        /// The normalized input, (N, D).
        public let normalized: Tensor<Scalar>
        /// 1 / sqrt(var + eps), (D,).
        public let inverseStd: Tensor<Scalar>
        public let gamma: Tensor<Scalar>
        public let mode: Mode
    }

    /// The gradients of x, gamma and beta.
    public struct Gradients<Scalar: NetScalar>: Sendable {
        public var dx: Tensor<Scalar>
        public var dgamma: Tensor<Scalar>
        public var dbeta: Tensor<Scalar>
    }

    /// The forward pass. Returns the output, the cache and the updated running statistics (the
    /// caller's are not touched; in test mode they come back unchanged).
    public static func forward<S>(
        _ x: Tensor<S>, gamma: Tensor<S>, beta: Tensor<S>, mode: Mode,
        running: RunningStatistics<S>, configuration: Configuration = Configuration()
    ) throws(NumericError) -> (out: Tensor<S>, cache: Cache<S>, running: RunningStatistics<S>) {
        let op = "batchnorm_forward"
        try Check.matrix(x, "x", op)
        try Check.nonEmptyBatch(x, op)
        let (n, d) = (x.shape[0], x.shape[1])
        try Check.shape(gamma, is: [d], "gamma", op)
        try Check.shape(beta, is: [d], "beta", op)
        try Check.shape(running.mean, is: [d], "running mean", op)
        try Check.shape(running.variance, is: [d], "running variance", op)
        let eps = S(configuration.epsilon), momentum = S(configuration.momentum)

        var mean = Tensor<S>(zeros: [d]), variance = Tensor<S>(zeros: [d])
        var updated = running
        switch mode {
        case .train:
            x.columnSums(into: &mean)
            for j in 0..<d { mean.scalars[j] /= S(n) }
            for i in 0..<n {
                for j in 0..<d {
                    let c = x.scalars[i * d + j] - mean.scalars[j]
                    variance.scalars[j] += c * c
                }
            }
            for j in 0..<d { variance.scalars[j] /= S(n) }
            for j in 0..<d {
                updated.mean.scalars[j] = momentum * running.mean.scalars[j] + (1 - momentum) * mean.scalars[j]
                updated.variance.scalars[j] = momentum * running.variance.scalars[j] + (1 - momentum) * variance.scalars[j]
            }
        case .test:
            mean = running.mean
            variance = running.variance
        }
        var inverseStd = Tensor<S>(zeros: [d])
        for j in 0..<d { inverseStd.scalars[j] = 1 / S.sqrt(variance.scalars[j] + eps) }
        var centered = Tensor<S>(zeros: [n, d]), normalized = Tensor<S>(zeros: [n, d]), out = Tensor<S>(zeros: [n, d])
        for i in 0..<n {
            for j in 0..<d {
                let k = i * d + j
                let c = x.scalars[k] - mean.scalars[j]
                centered.scalars[k] = c
                normalized.scalars[k] = c * inverseStd.scalars[j]
                out.scalars[k] = gamma.scalars[j] * normalized.scalars[k] + beta.scalars[j]
            }
        }
        let cache = Cache(centered: centered, normalized: normalized, inverseStd: inverseStd, gamma: gamma, mode: mode)
        return (out, cache, updated)
    }

    /// The backward pass written as the computation graph, node by node (the course's
    /// `batchnorm_backward`): through `xhat`, `1/sqrt(var + eps)`, `var` and `mu`.
    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> Gradients<S> {
        let (n, d) = (cache.normalized.shape[0], cache.normalized.shape[1])
        try Check.shape(dout, is: [n, d], "dout", "batchnorm_backward")
        var dbeta = Tensor<S>(zeros: [d]), dgamma = Tensor<S>(zeros: [d])
        var dInverseStd = Tensor<S>(zeros: [d])   // sum over i of dxhat * centered
        var dxhat = Tensor<S>(zeros: [n, d])
        for i in 0..<n {
            for j in 0..<d {
                let k = i * d + j
                dbeta.scalars[j] += dout.scalars[k]
                dgamma.scalars[j] += dout.scalars[k] * cache.normalized.scalars[k]
                dxhat.scalars[k] = dout.scalars[k] * cache.gamma.scalars[j]
                dInverseStd.scalars[j] += dxhat.scalars[k] * cache.centered.scalars[k]
            }
        }
        var dx = Tensor<S>(zeros: [n, d])
        guard cache.mode == .train else {
            // Test mode: the statistics are constants, dx = dxhat / sqrt(var + eps).
            for k in 0..<(n * d) { dx.scalars[k] = dxhat.scalars[k] * cache.inverseStd.scalars[k % d] }
            return Gradients(dx: dx, dgamma: dgamma, dbeta: dbeta)
        }
        // inverseStd = 1 / std, std = sqrt(var + eps), var = mean(centered^2).
        var dVariance = Tensor<S>(zeros: [d])
        for j in 0..<d {
            let invStd = cache.inverseStd.scalars[j]
            let dStd = -invStd * invStd * dInverseStd.scalars[j]
            dVariance.scalars[j] = S(0.5) * invStd * dStd
        }
        var dMean = Tensor<S>(zeros: [d])
        for i in 0..<n {
            for j in 0..<d {
                let k = i * d + j
                let dCentered = dxhat.scalars[k] * cache.inverseStd.scalars[j]
                    + 2 * cache.centered.scalars[k] * dVariance.scalars[j] / S(n)
                dx.scalars[k] = dCentered
                dMean.scalars[j] -= dCentered
            }
        }
        for i in 0..<n {
            for j in 0..<d { dx.scalars[i * d + j] += dMean.scalars[j] / S(n) }
        }
        return Gradients(dx: dx, dgamma: dgamma, dbeta: dbeta)
    }

    /// The simplified backward pass (the course's `batchnorm_backward_alt`), derived on paper:
    /// `dx = gamma / (N * std) * (N * dout - sum(dout) - xhat * sum(dout * xhat))`.
    public static func backwardAlt<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> Gradients<S> {
        guard cache.mode == .train else { return try backward(dout, cache) }
        let (n, d) = (cache.normalized.shape[0], cache.normalized.shape[1])
        try Check.shape(dout, is: [n, d], "dout", "batchnorm_backward_alt")
        var dbeta = Tensor<S>(zeros: [d]), dgamma = Tensor<S>(zeros: [d])
        for i in 0..<n {
            for j in 0..<d {
                let k = i * d + j
                dbeta.scalars[j] += dout.scalars[k]
                dgamma.scalars[j] += dout.scalars[k] * cache.normalized.scalars[k]
            }
        }
        var dx = Tensor<S>(zeros: [n, d])
        let count = S(n)
        for i in 0..<n {
            for j in 0..<d {
                let k = i * d + j
                let scale = cache.gamma.scalars[j] * cache.inverseStd.scalars[j] / count
                dx.scalars[k] = scale * (count * dout.scalars[k] - dbeta.scalars[j] - cache.normalized.scalars[k] * dgamma.scalars[j])
            }
        }
        return Gradients(dx: dx, dgamma: dgamma, dbeta: dbeta)
    }
}
