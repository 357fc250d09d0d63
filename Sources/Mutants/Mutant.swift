import Implementation
import NumericCore
import ReferenceImplementation

/// A realistic student mistake (or a deviation the course accepts), applied to the reference: the
/// implementation under test behaves like the reference except where the change applies. Every
/// check of the catalog must be failed by at least one mistake, which proves that the check can
/// fail; every deviation must draw a warning, which proves the check tells it from a mistake.
public struct Mutation: Sendable {
    /// A mistake fails checks; a deviation the course accepts passes them with a warning.
    public enum Kind: String, Sendable { case mistake, deviation }

    /// Short id, e.g. `affine-dw-transposed`.
    public let id: String
    /// The mistake as a student would make it.
    public let description: String
    public let kind: Kind
    /// For a deviation: a regular expression that finds it in a student's source (to name the
    /// line in the warning), e.g. `x\s*>=\s*0`.
    public let sourcePattern: String?
    /// Replaces the reference's answer to the operations it concerns (nil: not concerned).
    let intercept: @Sendable (_ operation: Operation, _ arguments: [String: Value], _ context: MutantContext) throws(ImplementationError) -> [String: Value]?

    public init(
        _ id: String, _ description: String, kind: Kind = .mistake, sourcePattern: String? = nil,
        intercept: @escaping @Sendable (Operation, [String: Value], MutantContext) throws(ImplementationError) -> [String: Value]?
    ) {
        self.id = id
        self.description = description
        self.kind = kind
        self.sourcePattern = sourcePattern
        self.intercept = intercept
    }
}

/// What a mutation may use: the reference, and a memory of what its forward passes saw (by the
/// cache handle they returned), as a student's cache would hold it.
public final class MutantContext: @unchecked Sendable {
    public let base = ReferenceImplementation()
    var memory: [Handle: [String: Value]] = [:]
    /// Each model's current L2 strength, as the implementation would hold it.
    var regByModel: [Handle: Double] = [:]

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        try base.call(operation, arguments)
    }

    /// Runs the reference forward and remembers `arguments` under the returned cache handle.
    func forwardRemembering(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        let reply = try base.call(operation, arguments)
        if case let .handle(h)? = reply["cache"] { memory[h] = arguments }
        return reply
    }

    /// The forward arguments behind the backward call's cache.
    func remembered(_ arguments: [String: Value]) -> [String: Value]? {
        guard case let .handle(h)? = arguments["cache"] else { return nil }
        return memory[h]
    }
}

/// The reference implementation with one mutation applied.
public final class MutantImplementation: AssignmentImplementation {
    public let mutation: Mutation
    let context = MutantContext()

    public init(_ mutation: Mutation) { self.mutation = mutation }

    public var name: String { "mutant:\(mutation.id)" }
    public var supportedOperations: Set<Operation> { context.base.supportedOperations }

    public func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        if let replaced = try mutation.intercept(operation, arguments, context) { return replaced }
        return try context.call(operation, arguments)
    }
}

/// Helpers for writing mutations over `Value` dictionaries.
extension Dictionary where Key == String, Value == Implementation.Value {
    func tensor(_ key: String) -> Tensor<Double>? {
        if case let .array(t)? = self[key] { return t }
        return nil
    }

    /// This dictionary with `key`'s array replaced by `transform(array)`.
    func mapping(_ key: String, _ transform: (Tensor<Double>) -> Tensor<Double>) -> [String: Implementation.Value] {
        var copy = self
        if let t = tensor(key) { copy[key] = .array(transform(t)) }
        return copy
    }

    func number(_ key: String) -> Double? {
        switch self[key] {
        case let .number(x)?: return x
        case let .integer(i)?: return Double(i)
        default: return nil
        }
    }
}

/// Elementwise helpers.
extension Tensor where Scalar == Double {
    func map(_ f: (Double) -> Double) -> Tensor<Double> {
        Tensor(uncheckedShape: shape, scalars: scalars.map(f))
    }

    static func + (a: Tensor<Double>, b: Tensor<Double>) -> Tensor<Double> {
        Tensor(uncheckedShape: a.shape, scalars: zip(a.scalars, b.scalars).map(+))
    }

    static func - (a: Tensor<Double>, b: Tensor<Double>) -> Tensor<Double> {
        Tensor(uncheckedShape: a.shape, scalars: zip(a.scalars, b.scalars).map(-))
    }

    func scaled(_ k: Double) -> Tensor<Double> { map { $0 * k } }

    /// The transpose of a matrix.
    var transposed: Tensor<Double> {
        let (m, n) = (shape[0], shape[1])
        var out = Tensor<Double>(zeros: [n, m])
        for i in 0..<m { for j in 0..<n { out.scalars[j * m + i] = scalars[i * n + j] } }
        return out
    }
}
