import Foundation
import NumericCore

extension CIFAR10 {
    /// The course's `get_CIFAR10_data(num_training=49000, num_validation=1000, num_test=1000,
    /// subtract_mean=True)`: the five training batches concatenated in order, then
    /// - train = rows `0 ..< trainingCount`,
    /// - validation = rows `trainingCount ..< trainingCount + validationCount`,
    /// - test = rows `0 ..< testCount` of the test batch,
    /// as float64 pixel values 0...255 of shape (N, 3, 32, 32), and, when `subtractMean`, the
    /// mean training image (per pixel, over the kept training rows) subtracted from all three.
    ///
    /// Like numpy slicing, a split takes what the files hold when they hold fewer rows; an empty
    /// training or validation split is an error (`invalidRequest`). Training batches past the
    /// ones needed are checked to exist (and, in the binary format, to have a valid size) but not
    /// read. Memory: the result (49,000 x 3072 doubles = 1.2 GB by default) plus one batch file.
    ///
    /// - Parameters:
    ///   - folder: the batch folder, or a folder holding `cifar-10-batches-py` / `-bin`.
    ///   - trainingCount: `num_training`, default 49,000.
    ///   - validationCount: `num_validation`, default 1,000.
    ///   - testCount: `num_test`, default 1,000 (0 allowed).
    ///   - subtractMean: `subtract_mean`, default true.
    public static func load(
        from folder: URL, trainingCount: Int = 49_000, validationCount: Int = 1_000, testCount: Int = 1_000,
        subtractMean: Bool = true
    ) throws(DatasetError) -> DataSplits<Double> {
        guard trainingCount > 0, validationCount > 0, testCount >= 0,
              trainingCount <= Int.max / 2, validationCount <= Int.max / 2
        else {
            throw .invalidRequest(
                path: folder.path,
                message: "invalid CIFAR-10 split sizes (training \(trainingCount), validation \(validationCount), test \(testCount)): training and validation must be positive, test non-negative")
        }
        let location = try locate(folder)
        let files = location.trainingBatchFiles + [location.testBatchFile]
        var knownRows = 0
        for file in files {
            guard DataFile.isFile(file) else { throw .missingFile(path: file.path, what: role(of: file, in: location)) }
            if location.format == .binary {
                let size = try DataFile.size(of: file, what: role(of: file, in: location))
                try CIFAR10Batch.checkBinarySize(size, path: file.path)
                if file != location.testBatchFile { knownRows += size / binaryRecordSize }
            }
        }
        let classNames = try classNames(at: location)

        // Training and validation: stream the training batches, converting only kept rows.
        let wanted = trainingCount + validationCount
        let expectedRows = location.format == .binary ? knownRows : 50_000
        var trainX: [Double] = [], valX: [Double] = [], trainY: [Int] = [], valY: [Int] = []
        trainX.reserveCapacity(min(trainingCount, expectedRows) * pixelsPerImage)
        valX.reserveCapacity(min(validationCount, max(0, expectedRows - trainingCount)) * pixelsPerImage)
        var seen = 0
        for file in location.trainingBatchFiles where seen < wanted {
            let batch = try CIFAR10Batch.read(file, format: location.format, role: role(of: file, in: location))
            let trainRows = rows(of: batch, global: 0..<trainingCount, offset: seen)
            let valRows = rows(of: batch, global: trainingCount..<wanted, offset: seen)
            batch.appendImages(trainRows, to: &trainX)
            trainY += batch.labels[trainRows]
            batch.appendImages(valRows, to: &valX)
            valY += batch.labels[valRows]
            seen += batch.count
        }
        guard !trainY.isEmpty, !valY.isEmpty else {
            throw .invalidRequest(
                path: location.folder.path,
                message: "the CIFAR-10 training batches hold \(seen) images: \(trainingCount) for training then \(validationCount) for validation leaves \(trainY.isEmpty ? "training" : "validation") empty")
        }

        let testBatch = try CIFAR10Batch.read(
            location.testBatchFile, format: location.format, role: role(of: location.testBatchFile, in: location))
        let testRows = 0..<min(testCount, testBatch.count)
        var testX: [Double] = []
        testX.reserveCapacity(testRows.count * pixelsPerImage)
        testBatch.appendImages(testRows, to: &testX)

        // `consume`: the splits must own the pixel buffers, or subtracting the mean in place
        // would copy them (1.2 GB for the default training split).
        let path = location.folder.path, trainCount = trainY.count, valCount = valY.count
        var splits = DataSplits(
            train: try .images(consume trainX, shape: [trainCount] + imageShape, labels: consume trainY, path: path),
            validation: try .images(consume valX, shape: [valCount] + imageShape, labels: consume valY, path: path),
            test: try .images(consume testX, shape: [testRows.count] + imageShape, labels: Array(testBatch.labels[testRows]), path: path),
            classNames: classNames,
            provenance: "CIFAR-10 \(location.format.rawValue) batches in \(path): "
                + "train = images 0..<\(trainCount) of data_batch_1..5 (\(trainCount)), "
                + "validation = images \(trainCount)..<\(trainCount + valCount) (\(valCount)), "
                + "test = images 0..<\(testRows.count) of test_batch (\(testRows.count)); "
                + "float64 pixels 0..255, shape (N, 3, 32, 32); "
                + (subtractMean ? "mean training image subtracted" : "mean not subtracted"))
        if subtractMean { splits.subtractTrainingMean() }
        return splits
    }

    /// The rows of `batch` (whose first row is global row `offset`) that fall in `global`.
    private static func rows(of batch: CIFAR10Batch, global: Range<Int>, offset: Int) -> Range<Int> {
        let lower = min(max(global.lowerBound - offset, 0), batch.count)
        let upper = min(max(global.upperBound - offset, lower), batch.count)
        return lower..<upper
    }
}
