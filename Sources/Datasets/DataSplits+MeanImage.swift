import NumericCore

extension DataSplits where Scalar == Double {
    /// Subtracts the mean training image from the images of all three splits, in place:
    /// `mean = X_train.mean(axis=0)`, then `X -= mean` for train, validation and test
    /// (the course's `get_CIFAR10_data`). The per-pixel sums run over the rows in order and are
    /// divided by N, as numpy does, so integer-valued pixels give numpy's mean exactly.
    mutating func subtractTrainingMean() {
        let n = train.count, width = train.x.rowWidth
        guard n > 0, width > 0 else { return }
        var mean = [Double](repeating: 0, count: width)
        train.x.scalars.withUnsafeBufferPointer { x in
            mean.withUnsafeMutableBufferPointer { m in
                for row in 0..<n {
                    let base = row * width
                    for j in 0..<width { m[j] += x[base + j] }
                }
                for j in 0..<width { m[j] /= Double(n) }
            }
        }
        Self.subtract(mean, from: &train.x.scalars)
        Self.subtract(mean, from: &validation.x.scalars)
        Self.subtract(mean, from: &test.x.scalars)
    }

    private static func subtract(_ mean: [Double], from scalars: inout [Double]) {
        let width = mean.count
        mean.withUnsafeBufferPointer { m in
            scalars.withUnsafeMutableBufferPointer { x in
                for base in stride(from: 0, to: x.count, by: width) {
                    for j in 0..<width { x[base + j] -= m[j] }
                }
            }
        }
    }
}

extension LabeledData where Scalar == Double {
    /// Images of `shape` (N, ...) with their labels, as a loader builds them; a count mismatch
    /// (a loader bug, never expected) becomes a `DatasetError` about `path`.
    static func images(_ scalars: [Double], shape: [Int], labels: [Int], path: String) throws(DatasetError) -> LabeledData {
        do {
            return try LabeledData(x: Tensor(shape: shape, scalars: scalars), y: labels)
        } catch {
            throw .unexpectedContent(path: path, message: error.description)
        }
    }
}
