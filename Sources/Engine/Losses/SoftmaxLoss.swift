import NumericCore

/// Softmax cross-entropy loss, averaged over the batch.
///
/// For scores x (N, C) and labels y (N,): `shifted = x - max_j x_ij` (so huge scores do not
/// overflow), `log p_ij = shifted_ij - log sum_j exp(shifted_ij)`,
/// `loss = -(1/N) sum_i log p_{i, y_i}`, `dx = (p - onehot(y)) / N`.
public enum SoftmaxLoss {
    /// The loss and the gradient of the scores as new values. The scores are not modified.
    public static func evaluate<S>(_ x: Tensor<S>, _ y: [Int]) throws(NumericError) -> (loss: Double, dx: Tensor<S>) {
        var dx = Tensor<S>(zeros: [0])
        let loss = try evaluate(x, y, gradientInto: &dx)
        return (loss, dx)
    }

    /// The loss, writing the gradient into `dx` (reshaped to x's shape, buffer reused).
    public static func evaluate<S>(_ x: Tensor<S>, _ y: [Int], gradientInto dx: inout Tensor<S>) throws(NumericError) -> Double {
        let (n, c) = try Check.scoresAndLabels(x, y, "softmax_loss")
        dx.resize(to: x.shape)
        let inverseN = 1 / S(n)
        var total = 0.0
        x.scalars.withUnsafeBufferPointer { px in
            dx.scalars.withUnsafeMutableBufferPointer { pd in
                for i in 0..<n {
                    let row = i * c
                    var maximum = px[row]
                    for j in 1..<c where px[row + j] > maximum { maximum = px[row + j] }
                    var sum: S = 0
                    for j in 0..<c {
                        let e = S.exp(px[row + j] - maximum)
                        pd[row + j] = e
                        sum += e
                    }
                    let logSum = S.log(sum)
                    total -= Double(px[row + y[i]] - maximum - logSum)
                    let scale = inverseN / sum
                    for j in 0..<c { pd[row + j] *= scale }
                    pd[row + y[i]] -= inverseN
                }
            }
        }
        return total / Double(n)
    }
}
