import NumericCore

/// A fully-connected net of any depth (the course's `FullyConnectedNet`):
///
///     {affine - [batch/layer norm] - relu - [dropout]} x (L - 1) - affine - softmax
///
/// Parameters are `W1..WL` (`weightScale * N(0, 1)`, drawn in that order), `b1..bL` (zeros), and
/// with normalization `gamma1..gamma(L-1)` (ones) and `beta1..beta(L-1)` (zeros). The loss is
/// the mean softmax cross-entropy plus `0.5 * reg * sum(W^2)` over every weight matrix.
///
/// The net keeps work buffers between calls, so a training step of the same batch size
/// allocates nothing new; tensors it returns share those buffers copy-on-write.
public final class FullyConnectedNet<Scalar: NetScalar>: Classifier {
    public let configuration: FullyConnectedNetConfiguration
    public var parameters: ParameterSet<Scalar>
    /// Batch-normalization running statistics per hidden layer (empty without batchnorm).
    public var runningStatistics: [BatchNorm.RunningStatistics<Scalar>]
    /// L2 strength; starts as `configuration.reg` and may be changed (as `model.reg = ...`).
    public var reg: Double
    /// The random source of dropout masks when `configuration.dropoutSeed` is nil (seed 0 unless
    /// replaced; it is not drawn from the weights' source, so that source advances exactly as
    /// numpy's does when the course builds a net).
    public var dropoutRandomSource = RandomSource(seed: 0)

    let layout: ParameterLayout
    let workspace = Workspace()

    /// A new net with weights drawn from `rng` (W1, then W2, ...: the course's order).
    public init(_ configuration: FullyConnectedNetConfiguration, rng: inout RandomSource) throws(NumericError) {
        try configuration.validate()
        self.configuration = configuration
        self.reg = configuration.reg
        let dims = [configuration.inputDim] + configuration.hiddenDims + [configuration.numClasses]
        var entries: [(String, Tensor<Scalar>)] = []
        for l in 1...configuration.layerCount {
            entries.append(("W\(l)", .randomNormal([dims[l - 1], dims[l]], scale: configuration.weightScale, using: &rng)))
            entries.append(("b\(l)", Tensor(zeros: [dims[l]])))
            if configuration.normalization != nil && l < configuration.layerCount {
                entries.append(("gamma\(l)", Tensor(zeros: [dims[l]], value: 1)))
                entries.append(("beta\(l)", Tensor(zeros: [dims[l]])))
            }
        }
        parameters = ParameterSet(entries)
        layout = ParameterLayout(parameters, layerCount: configuration.layerCount)
        runningStatistics = configuration.normalization == .batchnorm
            ? configuration.hiddenDims.map { BatchNorm.RunningStatistics(features: $0) } : []
    }

    /// Replaces one parameter, checking its shape.
    public func setParameter(_ name: String, _ value: Tensor<Scalar>) throws(NumericError) {
        guard let i = parameters.index(of: name) else {
            throw .invalidArgument(operation: "setParameter", message: "no parameter named \(name)")
        }
        try Check.shape(value, is: parameters.tensors[i].shape, name, "setParameter")
        parameters.tensors[i] = value
    }

    public func scores(_ x: Tensor<Scalar>) throws(NumericError) -> Tensor<Scalar> {
        let scores = try forward(x, training: false).scores
        if scores.firstNonFiniteIndex != nil { try Check.finite(x, "X", "FullyConnectedNet.loss") }
        return scores
    }

    /// The training loss and the gradient of every parameter. The gradient of X itself is not
    /// part of the result (as in the course's `loss`), so it is not computed.
    public func loss(_ x: Tensor<Scalar>, _ y: [Int]) throws(NumericError) -> LossAndGradients<Scalar> {
        try loss(x, y, computeInputGradient: false)
    }

    /// The training loss and gradients. With `computeInputGradient` the first layer's `dX` is
    /// computed too (and discarded), as the course's code does; it costs a third of the GEMM
    /// work at CIFAR sizes, which is why `loss(_:_:)` skips it. The benchmark uses this to
    /// compare the same work with numpy.
    ///
    /// X is not scanned for NaN up front: a NaN or infinity in X always reaches the scores
    /// (`NaN * 0` is NaN in a matrix product), whose check is cheap; only then is X searched, so
    /// that the error names X and the index.
    public func loss(_ x: Tensor<Scalar>, _ y: [Int], computeInputGradient: Bool) throws(NumericError) -> LossAndGradients<Scalar> {
        let pass = try forward(x, training: true)
        var loss: Double
        do {
            loss = try SoftmaxLoss.evaluate(pass.scores, y, gradientInto: &workspace.dscores)
        } catch .nonFinite(let operation, let argument, let index) {
            try Check.finite(x, "X", "FullyConnectedNet.loss")
            throw .nonFinite(operation: operation, argument: argument, index: index)
        }
        let (gradients, sumOfSquares) = try backward(pass, computeInputGradient: computeInputGradient)
        loss += 0.5 * reg * sumOfSquares
        return LossAndGradients(loss: loss, gradients: gradients)
    }
}

/// Where each layer's parameters sit in the `ParameterSet`.
struct ParameterLayout: Sendable {
    var weight: [Int] = [], bias: [Int] = [], gamma: [Int] = [], beta: [Int] = []

    init<S>(_ parameters: ParameterSet<S>, layerCount: Int) {
        for l in 1...layerCount {
            weight.append(parameters.index(of: "W\(l)")!)
            bias.append(parameters.index(of: "b\(l)")!)
            if let g = parameters.index(of: "gamma\(l)"), let b = parameters.index(of: "beta\(l)") {
                gamma.append(g)
                beta.append(b)
            }
        }
    }
}
