import NumericCore

/// Vanilla stochastic gradient descent: `w -= learning_rate * dw` (course default 1e-2).
public struct SGD: Sendable, Equatable, Codable {
    public var learningRate: Double = 1e-2

    public init(learningRate: Double = 1e-2) { self.learningRate = learningRate }

    /// One update of `w` in place. `w` and `dw` must have the same shape.
    public func step<S>(_ w: inout Tensor<S>, _ dw: Tensor<S>) throws(NumericError) {
        try Check.shape(dw, is: w.shape, "dw", "sgd")
        let lr = S(learningRate)
        dw.scalars.withUnsafeBufferPointer { g in
            w.scalars.withUnsafeMutableBufferPointer { p in
                for i in 0..<p.count { p[i] -= lr * g[i] }
            }
        }
    }
}
