/// A dense, row-major n-dimensional array of `Scalar` (float64 or float32).
///
/// Storage is a Swift array, so a `Tensor` is a value: copies share storage until one of them
/// is written (copy on write). Layers that write into a caller-provided tensor therefore reuse
/// its buffer when nobody else holds it, which is how the nets avoid allocating per step.
public struct Tensor<Scalar: NetScalar>: Sendable {
    /// Dimensions, outermost first. `[]` is a 0-d scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Scalar]

    /// Wraps `scalars` with `shape`, checking that the counts agree.
    public init(shape: [Int], scalars: [Scalar]) throws(NumericError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidArgument(operation: "Tensor", message: "negative dimension in \(Shape.describe(shape))")
        }
        guard Shape.count(shape) == scalars.count else {
            throw .shapeMismatch(
                operation: "Tensor", expected: "with \(scalars.count) elements", got: shape)
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Internal unchecked initializer for code that has already established the invariant.
    public init(uncheckedShape shape: [Int], scalars: [Scalar]) {
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` filled with `value` (default 0).
    public init(zeros shape: [Int], value: Scalar = 0) {
        self.shape = shape
        self.scalars = [Scalar](repeating: value, count: Shape.count(shape))
    }

    /// A 1-d tensor holding `values`.
    public init(_ values: [Scalar]) {
        self.shape = [values.count]
        self.scalars = values
    }

    /// A 2-d tensor from rows of equal length.
    public init(rows: [[Scalar]]) throws(NumericError) {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw .invalidArgument(operation: "Tensor(rows:)", message: "rows have different lengths")
        }
        self.shape = [rows.count, width]
        self.scalars = rows.flatMap { $0 }
    }

    /// Number of elements.
    public var count: Int { scalars.count }
    /// Number of dimensions.
    public var rank: Int { shape.count }

    /// Rows when viewed as a matrix (N, D): the first dimension (1 for a 0-d tensor).
    public var rowCount: Int { shape.first ?? 1 }
    /// Elements per row when viewed as (N, D): the product of all dimensions but the first.
    public var rowWidth: Int { rowCount == 0 ? Shape.count(Array(shape.dropFirst())) : count / rowCount }

    /// Element at a multi-index (row-major).
    public subscript(_ index: Int...) -> Scalar {
        get { scalars[flatIndex(index)] }
        set { scalars[flatIndex(index)] = newValue }
    }

    func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == shape.count, "index rank \(index.count) != tensor rank \(shape.count)")
        var flat = 0
        for (i, dim) in zip(index, shape) {
            precondition(i >= 0 && i < dim, "index \(index) out of bounds for shape \(shape)")
            flat = flat * dim + i
        }
        return flat
    }

    /// The same elements with another shape of equal count.
    public func reshaped(_ newShape: [Int]) throws(NumericError) -> Tensor {
        guard newShape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidArgument(operation: "reshape", message: "negative dimension in \(Shape.describe(newShape))")
        }
        guard Shape.count(newShape) == count else {
            throw .shapeMismatch(operation: "reshape", expected: "\(count) elements", got: newShape)
        }
        return Tensor(uncheckedShape: newShape, scalars: scalars)
    }

    /// Makes this tensor `newShape`, keeping the buffer when the element count is unchanged
    /// (the contents are then unspecified and must be overwritten by the caller).
    public mutating func resize(to newShape: [Int]) {
        if shape != newShape { shape = newShape }
        let n = Shape.count(newShape)
        if scalars.count != n { scalars = [Scalar](repeating: 0, count: n) }
    }

    /// The same values converted to another scalar type.
    public func converted<Other: NetScalar>(to: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(uncheckedShape: shape, scalars: scalars.map { Other($0) })
    }

    /// Flat index of the first NaN or infinity, if any.
    public var firstNonFiniteIndex: Int? {
        scalars.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return nil }
            return Scalar.firstNonFinite(count: p.count, base)
        }
    }
}

extension Tensor: Equatable {
    /// Exact, elementwise equality (same shape, same bits up to `==`). Approximate comparison
    /// has its own labelled-tolerance functions, never `==`.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}

extension Tensor: Codable {}
