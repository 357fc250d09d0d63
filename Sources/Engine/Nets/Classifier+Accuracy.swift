import NumericCore

extension Classifier {
    /// Fraction of `data` whose highest test-time score is the label, scored in batches of
    /// `batchSize` (default 100, as the course's `check_accuracy`).
    public func accuracy(on data: LabeledData<Scalar>, batchSize: Int = 100) throws(NumericError) -> Double {
        guard data.count > 0 else { throw .emptyBatch(operation: "accuracy") }
        var correct = 0, start = 0
        while start < data.count {
            let end = min(start + max(batchSize, 1), data.count)
            let predictions = try scores(data.x.rows(start..<end)).rowArgmax()
            for (k, p) in predictions.enumerated() where p == data.y[start + k] { correct += 1 }
            start = end
        }
        return Double(correct) / Double(data.count)
    }
}
