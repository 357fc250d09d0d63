import NumericCore

/// Named tensors in a fixed order: a net's parameters (`W1`, `b1`, `gamma1`, `beta1`, `W2`, ...)
/// or their gradients, under the same names.
public struct ParameterSet<Scalar: NetScalar>: Sendable, Equatable {
    /// Names in order.
    public private(set) var names: [String]
    /// Tensors in the same order as `names`.
    public var tensors: [Tensor<Scalar>]
    private var indexByName: [String: Int]

    public init(_ entries: [(String, Tensor<Scalar>)] = []) {
        names = entries.map(\.0)
        tensors = entries.map(\.1)
        indexByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// Position of `name`, if present.
    public func index(of name: String) -> Int? { indexByName[name] }

    /// The tensor named `name`; setting `nil` is not supported, setting a new name appends it.
    public subscript(name: String) -> Tensor<Scalar>? {
        get { indexByName[name].map { tensors[$0] } }
        set {
            guard let newValue else { preconditionFailure("ParameterSet: cannot remove \(name)") }
            if let i = indexByName[name] {
                tensors[i] = newValue
            } else {
                indexByName[name] = names.count
                names.append(name)
                tensors.append(newValue)
            }
        }
    }

    /// Total number of scalars.
    public var scalarCount: Int { tensors.reduce(0) { $0 + $1.count } }

    /// (name, tensor) pairs in order.
    public var entries: [(name: String, tensor: Tensor<Scalar>)] { Array(zip(names, tensors)) }

    public static func == (lhs: ParameterSet, rhs: ParameterSet) -> Bool {
        lhs.names == rhs.names && lhs.tensors == rhs.tensors
    }
}
