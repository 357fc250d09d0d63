import NumericCore

/// The affine (fully-connected) layer.
///
/// Forward: `out = x.reshape(N, D) @ w + b`, with `x` of shape (N, d1, ..., dk),
/// `D = d1 * ... * dk`, `w` (D, M), `b` (M,), `out` (N, M).
/// Backward: `dx = (dout @ w.T).reshape(x.shape)`, `dw = x.reshape(N, D).T @ dout`,
/// `db = dout.sum(axis=0)`.
public enum Affine {
    /// What the backward pass needs: the forward's inputs.
    public struct Cache<Scalar: NetScalar>: Sendable {
        public let x: Tensor<Scalar>
        public let w: Tensor<Scalar>
        public let b: Tensor<Scalar>
    }

    /// Gradients with respect to each input, shaped like that input.
    public struct Gradients<Scalar: NetScalar>: Sendable {
        public var dx: Tensor<Scalar>
        public var dw: Tensor<Scalar>
        public var db: Tensor<Scalar>

        public init(dx: Tensor<Scalar> = Tensor(zeros: [0]), dw: Tensor<Scalar> = Tensor(zeros: [0]), db: Tensor<Scalar> = Tensor(zeros: [0])) {
            self.dx = dx
            self.dw = dw
            self.db = db
        }
    }

    /// `x.reshape(N, D) @ w + b` as a new tensor, with its cache.
    public static func forward<S>(_ x: Tensor<S>, _ w: Tensor<S>, _ b: Tensor<S>) throws(NumericError) -> (out: Tensor<S>, cache: Cache<S>) {
        var out = Tensor<S>(zeros: [0])
        let cache = try forward(x, w, b, into: &out)
        return (out, cache)
    }

    /// The forward pass writing into `out` (reshaped to (N, M), buffer reused when possible).
    public static func forward<S>(_ x: Tensor<S>, _ w: Tensor<S>, _ b: Tensor<S>, into out: inout Tensor<S>) throws(NumericError) -> Cache<S> {
        let op = "affine_forward"
        try Check.nonEmptyBatch(x, op)
        try Check.matrix(w, "w", op)
        guard w.shape[0] == x.rowWidth else {
            throw .shapeMismatch(operation: op, expected: "w of shape (\(x.rowWidth), M) for x of shape \(Shape.describe(x.shape))", got: w.shape)
        }
        let (n, m) = (x.rowCount, w.shape[1])
        try Check.shape(b, is: [m], "b", op)
        out.resize(to: [n, m])
        b.scalars.withUnsafeBufferPointer { pb in
            out.scalars.withUnsafeMutableBufferPointer { po in
                for i in 0..<n {
                    let row = i * m
                    for j in 0..<m { po[row + j] = pb[j] }
                }
            }
        }
        try Tensor.matmul(x, w, into: &out, beta: 1, operation: op)
        return Cache(x: x, w: w, b: b)
    }

    /// The backward pass as new tensors.
    public static func backward<S>(_ dout: Tensor<S>, _ cache: Cache<S>) throws(NumericError) -> Gradients<S> {
        var grads = Gradients<S>()
        try backward(dout, cache, into: &grads)
        return grads
    }

    /// The backward pass writing into `grads`' buffers. With `computeDx` false, `dx` is left
    /// untouched (a first layer's input gradient is not needed for training). With
    /// `accumulateDw`, `grads.dw` must already hold w's shape and the product is added to it:
    /// `dw += x.T @ dout` (a net starts it at `reg * w`, so the L2 term costs no extra pass).
    public static func backward<S>(
        _ dout: Tensor<S>, _ cache: Cache<S>, into grads: inout Gradients<S>,
        computeDx: Bool = true, accumulateDw: Bool = false
    ) throws(NumericError) {
        let op = "affine_backward"
        let (n, m) = (cache.x.rowCount, cache.w.shape[1])
        try Check.shape(dout, is: [n, m], "dout", op)
        if accumulateDw {
            try Check.shape(grads.dw, is: cache.w.shape, "initial dw", op)
        }
        try Tensor.matmul(cache.x, dout, transposeA: true, into: &grads.dw, beta: accumulateDw ? 1 : 0, operation: op)
        dout.columnSums(into: &grads.db)
        if computeDx {
            try Tensor.matmul(dout, cache.w, transposeB: true, into: &grads.dx, operation: op)
            if grads.dx.shape != cache.x.shape { grads.dx = try grads.dx.reshaped(cache.x.shape) }
        }
    }
}
