import NumericCore

extension Digits {
    /// The digits split for training: pixels scaled to [0, 1] (`x / 16`), shape (N, 1, 8, 8),
    /// then a seeded shuffle, numpy's `p = np.random.RandomState(seed).permutation(1797)`:
    /// - train = images `p[0 ..< trainingCount]`,
    /// - validation = the next `validationCount`,
    /// - test = the next `testCount`,
    /// and, when `subtractMean`, the mean training image subtracted from all three.
    /// Images beyond `trainingCount + validationCount + testCount` are left out.
    ///
    /// - Parameters:
    ///   - trainingCount: default 1297 (with the other defaults, every image is used).
    ///   - validationCount: default 250.
    ///   - testCount: default 250 (0 allowed).
    ///   - seed: seed of the permutation (`RandomSource(seed:)`), default 0; in the provenance.
    ///   - subtractMean: default true.
    /// - Throws: `invalidRequest` when training or validation would be empty or the counts
    ///   exceed 1797; resource errors from `rawExamples()`.
    public static func load(
        trainingCount: Int = 1297, validationCount: Int = 250, testCount: Int = 250, seed: UInt32 = 0,
        subtractMean: Bool = true
    ) throws(DatasetError) -> DataSplits<Double> {
        guard trainingCount > 0, validationCount > 0, testCount >= 0,
              trainingCount <= exampleCount, validationCount <= exampleCount, testCount <= exampleCount,
              trainingCount + validationCount + testCount <= exampleCount
        else {
            throw .invalidRequest(
                path: "digits.csv.gz",
                message: "cannot split \(exampleCount) digits into training \(trainingCount), validation \(validationCount), test \(testCount): training and validation must be positive and the total at most \(exampleCount)")
        }
        var all = try rawExamples()
        for i in all.x.scalars.indices { all.x.scalars[i] /= Double(maximumIntensity) }

        var rng = RandomSource(seed: seed)
        let order = rng.permutation(all.count)
        let trainEnd = trainingCount, valEnd = trainEnd + validationCount, testEnd = valEnd + testCount
        var splits = DataSplits(
            train: all.subset(Array(order[0..<trainEnd])),
            validation: all.subset(Array(order[trainEnd..<valEnd])),
            test: all.subset(Array(order[valEnd..<testEnd])),
            classNames: classNames,
            provenance: "\(citation): \(exampleCount) 8x8 images, pixels / 16 in [0, 1], shape (N, 1, 8, 8); "
                + "shuffled with permutation seed \(seed): train \(trainingCount), validation \(validationCount), test \(testCount); "
                + (subtractMean ? "mean training image subtracted" : "mean not subtracted"))
        if subtractMean { splits.subtractTrainingMean() }
        return splits
    }
}
