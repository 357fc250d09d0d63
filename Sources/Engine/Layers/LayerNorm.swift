import NumericCore

/// Layer normalization: each example of x (N, D) is normalized over its own D features, then
/// scaled by `gamma` (D,) and shifted by `beta` (D,). The same at train and test time.
///
/// `mu_i = mean(x_i)`, `var_i = mean((x_i - mu_i)^2)`, `xhat = (x - mu) / sqrt(var + eps)`,
/// `out = gamma * xhat + beta`; `eps` defaults to 1e-5 (the course's `ln_param`).
public enum LayerNorm {
    public struct Cache<Scalar: NetScalar>: Sendable {
        /// The normalized input, (N, D).
        public let normalized: Tensor<Scalar>
        /// 1 / sqrt(var_i + eps) per example, (N,).
        public let inverseStd: Tensor<Scalar>
        public let gamma: Tensor<Scalar>
    }

    public static func forward<S>(
        _ x: Tensor<S>, gamma: Tensor<S>, beta: Tensor<S>, epsilon: Double = 1e-5
    ) throws(NumericError) -> (out: Tensor<S>, cache: Cache<S>) {
        let op = "layernorm_forward"
        try Check.matrix(x, "x", op)
        try Check.nonEmptyBatch(x, op)
        let (n, d) = (x.shape[0], x.shape[1])
        try Check.shape(gamma, is: [d], "gamma", op)
        try Check.shape(beta, is: [d], "beta", op)
        guard d > 0 else { throw .invalidArgument(operation: op, message: "no features to normalize over (D = 0)") }
        var normalized = Tensor<S>(zeros: [n, d]), out = Tensor<S>(zeros: [n, d]), inverseStd = Tensor<S>(zeros: [n])
        for i in 0..<n {
            var mean: S = 0
            for j in 0..<d { mean += x.scalars[i * d + j] }
            mean /= S(d)
            var variance: S = 0
            for j in 0..<d {
                let c = x.scalars[i * d + j] - mean
                variance += c * c
            }
            variance /= S(d)
            let invStd = 1 / S.sqrt(variance + S(epsilon))
            inverseStd.scalars[i] = invStd
            for j in 0..<d {
                let k = i * d + j
                normalized.scalars[k] = (x.scalars[k] - mean) * invStd
                out.scalars[k] = gamma.scalars[j] * normalized.scalars[k] + beta.scalars[j]
            }
        }
        return (out, Cache(normalized: normalized, inverseStd: inverseStd, gamma: gamma))
    }

    /// `dx_i = invStd_i / D * (D * dxhat_i - sum(dxhat_i) - xhat_i * sum(dxhat_i * xhat_i))` with
    /// `dxhat = dout * gamma`; `dgamma = sum_i(dout * xhat)`, `dbeta = sum_i(dout)`.
    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> BatchNorm.Gradients<S> {
        let (n, d) = (cache.normalized.shape[0], cache.normalized.shape[1])
        try Check.shape(dout, is: [n, d], "dout", "layernorm_backward")
        var dbeta = Tensor<S>(zeros: [d]), dgamma = Tensor<S>(zeros: [d]), dx = Tensor<S>(zeros: [n, d])
        for i in 0..<n {
            var sumDxhat: S = 0, sumDxhatXhat: S = 0
            for j in 0..<d {
                let k = i * d + j
                dbeta.scalars[j] += dout.scalars[k]
                dgamma.scalars[j] += dout.scalars[k] * cache.normalized.scalars[k]
                let dxhat = dout.scalars[k] * cache.gamma.scalars[j]
                sumDxhat += dxhat
                sumDxhatXhat += dxhat * cache.normalized.scalars[k]
            }
            let scale = cache.inverseStd.scalars[i] / S(d)
            for j in 0..<d {
                let k = i * d + j
                let dxhat = dout.scalars[k] * cache.gamma.scalars[j]
                dx.scalars[k] = scale * (S(d) * dxhat - sumDxhat - cache.normalized.scalars[k] * sumDxhatXhat)
            }
        }
        return BatchNorm.Gradients(dx: dx, dgamma: dgamma, dbeta: dbeta)
    }
}
