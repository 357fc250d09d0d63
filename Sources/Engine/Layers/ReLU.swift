import NumericCore

/// The rectified linear unit, elementwise.
///
/// Forward: `out = max(0, x)`, any shape (NaN propagates, as `np.maximum`). Backward:
/// `dx = dout * (x > 0)`: the gradient at
/// exactly 0 is 0, as in the course (`dout[x <= 0] = 0`).
public enum ReLU {
    /// The forward input (only its sign is needed).
    public struct Cache<Scalar: NetScalar>: Sendable {
        public let x: Tensor<Scalar>
    }

    public static func forward<S>(_ x: Tensor<S>) -> (out: Tensor<S>, cache: Cache<S>) {
        var out = Tensor<S>(zeros: [0])
        let cache = forward(x, into: &out)
        return (out, cache)
    }

    public static func forward<S>(_ x: Tensor<S>, into out: inout Tensor<S>) -> Cache<S> {
        out.resize(to: x.shape)
        x.scalars.withUnsafeBufferPointer { px in
            out.scalars.withUnsafeMutableBufferPointer { po in
                for i in 0..<px.count { po[i] = px[i] <= 0 ? 0 : px[i] }   // NaN stays NaN, as np.maximum
            }
        }
        return Cache(x: x)
    }

    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> Tensor<S> {
        var dx = Tensor<S>(zeros: [0])
        try backward(dout, cache, into: &dx)
        return dx
    }

    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>, into dx: inout Tensor<S>) throws(NumericError) {
        try Check.shape(dout, is: cache.x.shape, "dout", "relu_backward")
        dx.resize(to: dout.shape)
        cache.x.scalars.withUnsafeBufferPointer { px in
            dout.scalars.withUnsafeBufferPointer { pd in
                dx.scalars.withUnsafeMutableBufferPointer { po in
                    for i in 0..<px.count { po[i] = px[i] > 0 ? pd[i] : 0 }
                }
            }
        }
    }
}
