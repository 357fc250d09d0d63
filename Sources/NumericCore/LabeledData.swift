/// Examples and their class labels: `x` of shape (N, d1, ..., dk), `y` with N labels in
/// `0..<classCount`. The vocabulary shared by data loaders and the solver.
public struct LabeledData<Scalar: NetScalar>: Sendable {
    public var x: Tensor<Scalar>
    public var y: [Int]

    public init(x: Tensor<Scalar>, y: [Int]) throws(NumericError) {
        guard x.rowCount == y.count else {
            throw .shapeMismatch(operation: "LabeledData", expected: "\(y.count) rows to match the labels", got: x.shape)
        }
        self.x = x
        self.y = y
    }

    /// Number of examples.
    public var count: Int { y.count }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabeledData {
        LabeledData(unchecked: x.rows(indices), y: indices.map { y[$0] })
    }

    /// The first `count` examples (all of them when there are fewer).
    public func prefix(_ count: Int) -> LabeledData {
        let n = Swift.min(count, self.count)
        return LabeledData(unchecked: x.rows(0..<n), y: Array(y[0..<n]))
    }

    init(unchecked x: Tensor<Scalar>, y: [Int]) {
        self.x = x
        self.y = y
    }

    /// The same data in another precision.
    public func converted<Other: NetScalar>(to: Other.Type = Other.self) -> LabeledData<Other> {
        LabeledData<Other>(unchecked: x.converted(), y: y)
    }
}

/// A data set split the course's way: train / validation / test, plus the class names.
public struct DataSplits<Scalar: NetScalar>: Sendable {
    public var train: LabeledData<Scalar>
    public var validation: LabeledData<Scalar>
    public var test: LabeledData<Scalar>
    public var classNames: [String]
    /// Where the data came from and how it was split (seed, sizes), for reports.
    public var provenance: String

    public init(train: LabeledData<Scalar>, validation: LabeledData<Scalar>, test: LabeledData<Scalar>, classNames: [String], provenance: String) {
        self.train = train
        self.validation = validation
        self.test = test
        self.classNames = classNames
        self.provenance = provenance
    }

    /// The same splits in another precision.
    public func converted<Other: NetScalar>(to: Other.Type = Other.self) -> DataSplits<Other> {
        DataSplits<Other>(
            train: train.converted(), validation: validation.converted(), test: test.converted(),
            classNames: classNames, provenance: provenance)
    }
}
