import NumericCore

/// Adam (Kingma & Ba 2015) as the course writes it, with `t` incremented *before* the bias
/// correction:
///
///     t += 1
///     m = beta1 * m + (1 - beta1) * dw;      mt = m / (1 - beta1^t)
///     v = beta2 * v + (1 - beta2) * dw^2;    vt = v / (1 - beta2^t)
///     w -= learning_rate * mt / (sqrt(vt) + epsilon)
///
/// Defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8; m, v start at zero and
/// t at 0. One fused pass over the parameter.
public struct Adam: Sendable, Equatable, Codable {
    public var learningRate: Double = 1e-3
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    public var epsilon: Double = 1e-8

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Per-parameter state: first and second moments and the step count.
    public struct State<Scalar: NetScalar>: Sendable, Equatable, Codable {
        public var m: Tensor<Scalar>?
        public var v: Tensor<Scalar>?
        public var t: Int
        public init(m: Tensor<Scalar>? = nil, v: Tensor<Scalar>? = nil, t: Int = 0) {
            self.m = m
            self.v = v
            self.t = t
        }
    }

    public func step<S>(_ w: inout Tensor<S>, _ dw: Tensor<S>, state: inout State<S>) throws(NumericError) {
        try Check.shape(dw, is: w.shape, "dw", "adam")
        var m = state.m ?? Tensor(zeros: w.shape), v = state.v ?? Tensor(zeros: w.shape)
        try Check.shape(m, is: w.shape, "m", "adam")
        try Check.shape(v, is: w.shape, "v", "adam")
        state.m = nil
        state.v = nil
        state.t += 1
        let t = Double(state.t)
        let (b1, b2) = (S(beta1), S(beta2))
        let correction1 = S(1 / (1 - Double.pow(beta1, t))), correction2 = S(1 / (1 - Double.pow(beta2, t)))
        let (lr, eps) = (S(learningRate), S(epsilon))
        dw.scalars.withUnsafeBufferPointer { g in
            m.scalars.withUnsafeMutableBufferPointer { pm in
                v.scalars.withUnsafeMutableBufferPointer { pv in
                    w.scalars.withUnsafeMutableBufferPointer { p in
                        guard let pw = p.baseAddress else { return }
                        S.adamKernel(
                            count: p.count, w: pw, m: pm.baseAddress!, v: pv.baseAddress!, g: g.baseAddress!,
                            learningRate: lr, beta1: b1, beta2: b2, correction1: correction1, correction2: correction2,
                            epsilon: eps)
                    }
                }
            }
        }
        state.m = m
        state.v = v
    }
}
