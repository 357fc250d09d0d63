import NumericCore

/// An opaque reference to something that lives inside the implementation (a cache, a model, an
/// optimizer configuration): only the implementation can look inside.
public struct Handle: Hashable, Sendable, Codable, CustomStringConvertible {
    public let id: Int
    public init(_ id: Int) { self.id = id }
    public var description: String { "handle#\(id)" }
}

/// A value crossing the boundary between the harness and an implementation: what a Python
/// adapter can send and receive (float64 arrays, numbers, strings, handles, containers).
public indirect enum Value: Sendable, Equatable {
    case none
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array(Tensor<Double>)
    case handle(Handle)
    case list([Value])
    case dict([String: Value])

    /// The kind, for messages ("array", "number", ...).
    public var kind: String {
        switch self {
        case .none: "None"
        case .bool: "bool"
        case .integer: "int"
        case .number: "float"
        case .string: "str"
        case .array(let a): "array of shape \(Shape.describe(a.shape))"
        case .handle: "handle"
        case .list: "list"
        case .dict: "dict"
        }
    }
}

extension Value {
    public init(_ tensor: Tensor<Double>) { self = .array(tensor) }
    public init(_ labels: [Int]) { self = .list(labels.map { .integer($0) }) }
}
