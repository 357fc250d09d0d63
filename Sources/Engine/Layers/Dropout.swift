import NumericCore

/// Inverted dropout with keep probability `p` (the course's convention from 2018 on).
///
/// Train: `mask = (rand(x.shape) < p) / p`, `out = x * mask`, so the expected output equals x
/// and test time needs no scaling. Test: `out = x`. Backward: `dx = dout * mask` in train mode,
/// `dout` in test mode. With the same random source state the mask is the same as the course's
/// `np.random.seed(seed); mask = (np.random.rand(*x.shape) < p) / p`.
public enum Dropout {
    public enum Mode: String, Sendable, Codable { case train, test }

    public struct Cache<Scalar: NetScalar>: Sendable {
        /// 0 or 1/p per element in train mode; nil in test mode.
        public let mask: Tensor<Scalar>?
    }

    /// The forward pass; `rng` supplies the mask (one uniform draw per element, row-major).
    public static func forward<S>(
        _ x: Tensor<S>, keepProbability p: Double, mode: Mode, rng: inout RandomSource
    ) throws(NumericError) -> (out: Tensor<S>, cache: Cache<S>) {
        try Check.probability(p, "keep probability p", "dropout_forward")
        guard mode == .train else { return (x, Cache(mask: nil)) }
        var mask = Tensor<S>(zeros: x.shape), out = Tensor<S>(zeros: x.shape)
        let scale = S(1 / p)
        for i in 0..<x.count {
            let keep = rng.uniform() < p
            mask.scalars[i] = keep ? scale : 0
            out.scalars[i] = x.scalars[i] * mask.scalars[i]
        }
        return (out, Cache(mask: mask))
    }

    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> Tensor<S> {
        guard let mask = cache.mask else { return dout }
        try Check.shape(dout, is: mask.shape, "dout", "dropout_backward")
        var dx = dout
        for i in 0..<dx.count { dx.scalars[i] *= mask.scalars[i] }
        return dx
    }
}
