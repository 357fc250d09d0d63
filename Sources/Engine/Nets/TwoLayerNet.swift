import NumericCore

/// The course's `TwoLayerNet`: affine - relu - affine - softmax, parameters `W1`, `b1`, `W2`,
/// `b2`, defaults `input_dim = 3 * 32 * 32`, `hidden_dim = 100`, `num_classes = 10`,
/// `weight_scale = 1e-3`, `reg = 0`. It is exactly a `FullyConnectedNet` with one hidden layer
/// (same parameters, same draw order), so it is built as one.
public enum TwoLayerNet {
    public static func make<S: NetScalar>(
        inputDim: Int = 3 * 32 * 32, hiddenDim: Int = 100, numClasses: Int = 10,
        weightScale: Double = 1e-3, reg: Double = 0, rng: inout RandomSource,
        as: S.Type = S.self
    ) throws(NumericError) -> FullyConnectedNet<S> {
        try FullyConnectedNet(
            FullyConnectedNetConfiguration(
                hiddenDims: [hiddenDim], inputDim: inputDim, numClasses: numClasses, reg: reg, weightScale: weightScale),
            rng: &rng)
    }
}
