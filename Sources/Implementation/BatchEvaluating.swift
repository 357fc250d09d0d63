/// An implementation that can evaluate many perturbations of one operation in a single round
/// trip (`evaluate_batch`, protocol section 4): numerical gradients then cost one message per
/// parameter instead of one per point.
public protocol BatchEvaluating: AssignmentImplementation {
    /// Whether `evaluate_batch` is available now.
    var supportsBatchEvaluation: Bool { get }
    /// Whether `evaluate_batch` takes a point as `{delta: array}` (the varied array plus an array
    /// of its shape) besides `{indices, deltas}`: a random direction over every entry then
    /// travels as one binary array instead of two lists of numbers.
    var supportsDensePoints: Bool { get }
    /// `evaluate_batch` with its wire arguments: the points in the order to evaluate them;
    /// results `base`, `scale` and `values` (or, from an adapter of the earlier form, `base`,
    /// `central`, `forward` and `backward`).
    func evaluateBatch(_ arguments: [String: Value]) throws(ImplementationError) -> [String: Value]
}

extension BatchEvaluating {
    public var supportsDensePoints: Bool { false }
}
