/// What numeric code throws for bad input: wrong shapes, empty batches, labels out of range,
/// non-finite inputs. Never a trap: the caller (a CLI, a grader) turns it into a message.
public enum NumericError: Error, Equatable, CustomStringConvertible, Sendable {
    /// `operation` got an array of shape `got` where `expected` was required.
    case shapeMismatch(operation: String, expected: String, got: [Int])
    /// `operation` was given a batch with no examples.
    case emptyBatch(operation: String)
    /// A label outside `0..<classes`.
    case labelOutOfRange(operation: String, index: Int, label: Int, classes: Int)
    /// A NaN or infinity in an input that must be finite.
    case nonFinite(operation: String, argument: String, index: Int)
    /// Any other argument the operation cannot accept.
    case invalidArgument(operation: String, message: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(op, expected, got):
            return "\(op): expected shape \(expected), got \(Shape.describe(got))"
        case let .emptyBatch(op):
            return "\(op): the batch is empty (N = 0)"
        case let .labelOutOfRange(op, index, label, classes):
            return "\(op): label y[\(index)] = \(label) is outside 0..<\(classes)"
        case let .nonFinite(op, argument, index):
            return "\(op): \(argument) has a NaN or infinite value at flat index \(index)"
        case let .invalidArgument(op, message):
            return "\(op): \(message)"
        }
    }
}

/// Shape helpers shared by every operation.
public enum Shape {
    /// numpy's spelling of a shape: `(3, 4)`, `(5,)`, `()`.
    public static func describe(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Product of the dimensions (1 for a 0-d shape).
    public static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }
}
