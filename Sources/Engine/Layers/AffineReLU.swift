import NumericCore

/// The affine-ReLU "sandwich": `out = relu(x.reshape(N, D) @ w + b)`.
public enum AffineReLU {
    public struct Cache<Scalar: NetScalar>: Sendable {
        public let affine: Affine.Cache<Scalar>
        public let relu: ReLU.Cache<Scalar>
    }

    public static func forward<S>(_ x: Tensor<S>, _ w: Tensor<S>, _ b: Tensor<S>) throws(NumericError) -> (out: Tensor<S>, cache: Cache<S>) {
        let (z, affineCache) = try Affine.forward(x, w, b)
        let (out, reluCache) = ReLU.forward(z)
        return (out, Cache(affine: affineCache, relu: reluCache))
    }

    /// Gradients of x, w and b: the ReLU's backward, then the affine's.
    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> Affine.Gradients<S> {
        let dz = try ReLU.backward(dout, cache.relu)
        return try Affine.backward(dz, cache.affine)
    }
}
