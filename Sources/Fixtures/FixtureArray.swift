import NumericCore

/// A float64 or float32 n-dimensional array as stored in a fixture: numpy's dtype, shape and
/// row-major values.
///
/// Values are kept as `Double`s; a float32 array's values are exactly representable as `Float`
/// (the initializer rounds them). In a file an array is the object
/// `{"dtype": "float64", "shape": [2, 3], "values": [[...], [...]]}`, the values nested like
/// numpy's `tolist()` (a bare number for shape `[]`), written with each value's shortest
/// round-trip spelling in its own precision, NaN and infinities as `"nan"`, `"inf"`, `"-inf"`.
public struct FixtureArray: Sendable, Equatable, CustomStringConvertible {
    /// The element type, named as numpy names it.
    public enum DType: String, Sendable, CaseIterable {
        case float64, float32
    }

    /// The element type.
    public let dtype: DType
    /// Dimensions, outermost first (`[]` for a 0-d array).
    public let shape: [Int]
    /// The elements in row-major order; `values.count == shape.reduce(1, *)`.
    public let values: [Double]

    /// An array of `shape` holding `values` (row-major); a float32 array rounds each value to
    /// `Float`. Throws when a dimension is negative or the counts disagree.
    public init(dtype: DType = .float64, shape: [Int], values: [Double]) throws(NumericError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidArgument(operation: "FixtureArray", message: "negative dimension in \(Shape.describe(shape))")
        }
        guard FixtureArray.elementCount(shape) == values.count else {
            throw .shapeMismatch(operation: "FixtureArray", expected: "with \(values.count) elements", got: shape)
        }
        self.dtype = dtype
        self.shape = shape
        self.values = dtype == .float32 ? values.map { Double(Float($0)) } : values
    }

    /// The tensor's shape and values, with its dtype (`Tensor<Double>` gives float64,
    /// `Tensor<Float>` float32).
    public init<Scalar: NetScalar>(_ tensor: Tensor<Scalar>) {
        dtype = DType(rawValue: Scalar.dtypeName) ?? .float64
        shape = tensor.shape
        values = tensor.scalars.map { Double($0) }
    }

    /// Internal initializer for values already checked and rounded.
    init(uncheckedDType dtype: DType, shape: [Int], values: [Double]) {
        self.dtype = dtype
        self.shape = shape
        self.values = values
    }

    /// Number of elements.
    public var count: Int { values.count }

    /// The array as a tensor of its own dtype. Throws when `Scalar` is not that dtype (a float64
    /// array read as `Float`, say): convert explicitly with `Tensor.converted()` where a change of
    /// precision is meant.
    public func tensor<Scalar: NetScalar>(as type: Scalar.Type = Scalar.self) throws(NumericError) -> Tensor<Scalar> {
        guard Scalar.dtypeName == dtype.rawValue else {
            throw .invalidArgument(
                operation: "FixtureArray.tensor",
                message: "a \(dtype.rawValue) array read as \(Scalar.dtypeName); convert it explicitly")
        }
        return Tensor(uncheckedShape: shape, scalars: values.map { Scalar($0) })
    }

    /// Same dtype, shape and values; values compare by bit pattern (so `-0.0` differs from `0.0`),
    /// except that any NaN equals any NaN (files spell every NaN `"nan"`).
    public static func == (lhs: FixtureArray, rhs: FixtureArray) -> Bool {
        lhs.dtype == rhs.dtype && lhs.shape == rhs.shape && lhs.values.count == rhs.values.count
            && zip(lhs.values, rhs.values).allSatisfy { FixtureValue.sameNumber($0, $1) }
    }

    /// `float64 (2, 3)`.
    public var description: String { "\(dtype.rawValue) \(Shape.describe(shape))" }

    /// Product of the dimensions, or nil when it overflows `Int`.
    static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            count = product
        }
        return count
    }
}
