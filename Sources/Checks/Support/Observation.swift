import NumericCore

/// One output an implementation gave during a check, in call order: used to recognise a known
/// mistake by its outputs (diagnosis), never to score.
public struct Observation: Sendable, Equatable {
    /// At most this many outputs are kept per check (the first ones: a check stops at the first
    /// wrong answer, so the telling outputs come early).
    public static let limit = 8
    /// Larger arrays are not kept.
    public static let maximumSize = 2_000

    public var operation: String
    public var key: String
    public var value: Tensor<Double>

    public init(operation: String, key: String, value: Tensor<Double>) {
        self.operation = operation
        self.key = key
        self.value = value
    }
}
