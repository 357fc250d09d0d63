/// An implementation that can evaluate many perturbations of one operation in a single round
/// trip (`evaluate_batch`, protocol section 4): numerical gradients then cost one message per
/// parameter instead of one per point.
public protocol BatchEvaluating: AssignmentImplementation {
    /// Whether `evaluate_batch` is available now.
    var supportsBatchEvaluation: Bool { get }
    /// `evaluate_batch` with its wire arguments: the points in the order to evaluate them;
    /// results `base`, `scale` and `values` (or, from an adapter of the earlier form, `base`,
    /// `central`, `forward` and `backward`).
    func evaluateBatch(_ arguments: [String: Value]) throws(ImplementationError) -> [String: Value]
}
