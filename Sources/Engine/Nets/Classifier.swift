import NumericCore

/// A model the solver can train: named parameters, test-time scores, and a training loss with
/// a gradient for every parameter (the course's `model.loss(X)` / `model.loss(X, y)`).
public protocol Classifier: AnyObject {
    associatedtype Scalar: NetScalar

    /// The parameters, by name. Setting them replaces the model's values.
    var parameters: ParameterSet<Scalar> { get set }

    /// Class scores (N, C) for inputs (N, d1, ..., dk), computed in test mode.
    func scores(_ x: Tensor<Scalar>) throws(NumericError) -> Tensor<Scalar>

    /// Data loss plus regularization, and its gradient for every parameter, in train mode.
    func loss(_ x: Tensor<Scalar>, _ y: [Int]) throws(NumericError) -> LossAndGradients<Scalar>
}

/// A loss value and the gradients of every parameter, named like the parameters.
public struct LossAndGradients<Scalar: NetScalar>: Sendable {
    public var loss: Double
    public var gradients: ParameterSet<Scalar>

    public init(loss: Double, gradients: ParameterSet<Scalar>) {
        self.loss = loss
        self.gradients = gradients
    }
}

extension Classifier {
    /// Runs `body` on the parameters with the model's own reference released, so that an update
    /// rule writes into the parameter buffers in place instead of copying them.
    public func updatingParameters<R, E: Error>(_ body: (inout ParameterSet<Scalar>) throws(E) -> R) throws(E) -> R {
        var values = parameters
        parameters = ParameterSet()
        defer { parameters = values }
        return try body(&values)
    }
}
