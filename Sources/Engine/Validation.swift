import NumericCore

/// Argument checks shared by the layers. Each throws a `NumericError` naming the operation.
enum Check {
    static func nonEmptyBatch<S>(_ x: Tensor<S>, _ operation: String) throws(NumericError) {
        guard x.rank >= 1 else {
            throw .shapeMismatch(operation: operation, expected: "(N, ...)", got: x.shape)
        }
        guard x.rowCount > 0 else { throw .emptyBatch(operation: operation) }
    }

    static func shape<S>(_ t: Tensor<S>, is expected: [Int], _ name: String, _ operation: String) throws(NumericError) {
        guard t.shape == expected else {
            throw .shapeMismatch(operation: operation, expected: "\(name) of shape \(Shape.describe(expected))", got: t.shape)
        }
    }

    static func matrix<S>(_ t: Tensor<S>, _ name: String, _ operation: String) throws(NumericError) {
        guard t.rank == 2 else {
            throw .shapeMismatch(operation: operation, expected: "\(name) of rank 2 (N, D)", got: t.shape)
        }
    }

    static func finite<S>(_ t: Tensor<S>, _ name: String, _ operation: String) throws(NumericError) {
        if let index = t.firstNonFiniteIndex {
            throw .nonFinite(operation: operation, argument: name, index: index)
        }
    }

    static func labels(_ y: [Int], rows: Int, classes: Int, _ operation: String) throws(NumericError) {
        guard y.count == rows else {
            throw .invalidArgument(operation: operation, message: "\(y.count) labels for \(rows) examples")
        }
        for (i, label) in y.enumerated() where label < 0 || label >= classes {
            throw .labelOutOfRange(operation: operation, index: i, label: label, classes: classes)
        }
    }

    /// Scores (N, C) with N >= 1, finite, and N labels in 0..<C; returns (N, C).
    static func scoresAndLabels<S>(_ x: Tensor<S>, _ y: [Int], _ operation: String) throws(NumericError) -> (Int, Int) {
        try matrix(x, "scores", operation)
        try nonEmptyBatch(x, operation)
        try labels(y, rows: x.shape[0], classes: x.shape[1], operation)
        try finite(x, "scores", operation)
        return (x.shape[0], x.shape[1])
    }

    static func probability(_ p: Double, _ name: String, _ operation: String) throws(NumericError) {
        guard p > 0 && p <= 1 else {
            throw .invalidArgument(operation: operation, message: "\(name) must be in (0, 1], got \(p)")
        }
    }
}
