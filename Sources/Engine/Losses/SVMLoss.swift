import NumericCore

/// Multiclass SVM (hinge) loss with margin 1, averaged over the batch.
///
/// For scores x (N, C) and labels y (N,): `margin_ij = max(0, x_ij - x_{i,y_i} + 1)` for
/// `j != y_i` (the correct class contributes nothing), `loss = (1/N) sum_ij margin_ij`;
/// `dx_ij = [margin_ij > 0] / N` for `j != y_i`, `dx_{i,y_i} = -(count of positive margins) / N`.
public enum SVMLoss {
    public static func evaluate<S>(_ x: Tensor<S>, _ y: [Int]) throws(NumericError) -> (loss: Double, dx: Tensor<S>) {
        let (n, c) = try Check.scoresAndLabels(x, y, "svm_loss")
        var dx = Tensor<S>(zeros: x.shape)
        let inverseN = 1 / S(n)
        var total = 0.0
        for i in 0..<n {
            let row = i * c
            let correct = x.scalars[row + y[i]]
            var positive = 0
            for j in 0..<c where j != y[i] {
                let margin = x.scalars[row + j] - correct + 1
                if margin > 0 {
                    total += Double(margin)
                    dx.scalars[row + j] = inverseN
                    positive += 1
                }
            }
            dx.scalars[row + y[i]] = -S(positive) * inverseN
        }
        return (total / Double(n), dx)
    }
}
