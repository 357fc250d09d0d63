import NumericCore

/// RMSProp: `cache = decay * cache + (1 - decay) * dw^2`,
/// `w -= learning_rate * dw / (sqrt(cache) + epsilon)`.
/// Defaults: learning rate 1e-2, decay rate 0.99, epsilon 1e-8; the cache starts at zero.
public struct RMSProp: Sendable, Equatable, Codable {
    public var learningRate: Double = 1e-2
    public var decayRate: Double = 0.99
    public var epsilon: Double = 1e-8

    public init(learningRate: Double = 1e-2, decayRate: Double = 0.99, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.decayRate = decayRate
        self.epsilon = epsilon
    }

    /// Per-parameter state: the moving average of squared gradients.
    public struct State<Scalar: NetScalar>: Sendable, Equatable, Codable {
        public var cache: Tensor<Scalar>?
        public init(cache: Tensor<Scalar>? = nil) { self.cache = cache }
    }

    public func step<S>(_ w: inout Tensor<S>, _ dw: Tensor<S>, state: inout State<S>) throws(NumericError) {
        try Check.shape(dw, is: w.shape, "dw", "rmsprop")
        var cache = state.cache ?? Tensor(zeros: w.shape)
        try Check.shape(cache, is: w.shape, "cache", "rmsprop")
        state.cache = nil
        let (lr, decay, eps) = (S(learningRate), S(decayRate), S(epsilon))
        dw.scalars.withUnsafeBufferPointer { g in
            cache.scalars.withUnsafeMutableBufferPointer { c in
                w.scalars.withUnsafeMutableBufferPointer { p in
                    guard let pw = p.baseAddress else { return }
                    S.rmspropKernel(
                        count: p.count, w: pw, cache: c.baseAddress!, g: g.baseAddress!,
                        learningRate: lr, decayRate: decay, epsilon: eps)
                }
            }
        }
        state.cache = cache
    }
}
