import NumericCore

/// SGD with momentum: `v = momentum * v - learning_rate * dw`, `w += v`.
/// Defaults: learning rate 1e-2, momentum 0.9; the velocity starts at zero.
public struct SGDMomentum: Sendable, Equatable, Codable {
    public var learningRate: Double = 1e-2
    public var momentum: Double = 0.9

    public init(learningRate: Double = 1e-2, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// Per-parameter state: the velocity (zeros of w's shape when nil).
    public struct State<Scalar: NetScalar>: Sendable, Equatable, Codable {
        public var velocity: Tensor<Scalar>?
        public init(velocity: Tensor<Scalar>? = nil) { self.velocity = velocity }
    }

    public func step<S>(_ w: inout Tensor<S>, _ dw: Tensor<S>, state: inout State<S>) throws(NumericError) {
        try Check.shape(dw, is: w.shape, "dw", "sgd_momentum")
        var velocity = state.velocity ?? Tensor(zeros: w.shape)
        try Check.shape(velocity, is: w.shape, "velocity", "sgd_momentum")
        state.velocity = nil   // hand the buffer over so it is updated in place
        let (lr, mu) = (S(learningRate), S(momentum))
        dw.scalars.withUnsafeBufferPointer { g in
            velocity.scalars.withUnsafeMutableBufferPointer { v in
                w.scalars.withUnsafeMutableBufferPointer { p in
                    for i in 0..<p.count {
                        v[i] = mu * v[i] - lr * g[i]
                        p[i] += v[i]
                    }
                }
            }
        }
        state.velocity = velocity
    }
}
