import Foundation

/// One CIFAR-10 batch file as read: the file's bytes, where each image starts in them, and the
/// labels. Images are converted to floating point only when a split takes them.
struct CIFAR10Batch {
    let path: String
    /// The image bytes: the whole file (binary format) or the pickle's data array (python).
    let storage: [UInt8]
    /// Offset of image 0's first pixel in `storage`, and the distance between images.
    let firstPixel: Int
    let stride: Int
    let labels: [Int]

    /// Number of images.
    var count: Int { labels.count }

    /// Appends images `rows` to `out` as float64 pixel values 0...255, channel-first.
    func appendImages(_ rows: Range<Int>, to out: inout [Double]) {
        let width = CIFAR10.pixelsPerImage
        storage.withUnsafeBufferPointer { bytes in
            for row in rows {
                let start = firstPixel + row * stride
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + width)]).lazy.map(Double.init))
            }
        }
    }

    /// Reads the batch `file` of `format`.
    static func read(_ file: URL, format: CIFAR10.Format, role: String) throws(DatasetError) -> CIFAR10Batch {
        switch format {
        case .binary: return try readBinary(file, role: role)
        case .python: return try readPython(file, role: role)
        }
    }

    /// The binary format: records of 1 label byte + 3072 pixel bytes.
    static func readBinary(_ file: URL, role: String) throws(DatasetError) -> CIFAR10Batch {
        let bytes = try DataFile.read(file, what: role)
        try checkBinarySize(bytes.count, path: file.path)
        let record = CIFAR10.binaryRecordSize
        let labels = Swift.stride(from: 0, to: bytes.count, by: record).map { Int(bytes[$0]) }
        try checkLabels(labels, path: file.path)
        return CIFAR10Batch(path: file.path, storage: bytes, firstPixel: 1, stride: record, labels: labels)
    }

    /// Throws `truncatedFile` unless `size` is a whole number of 3073-byte records.
    static func checkBinarySize(_ size: Int, path: String) throws(DatasetError) {
        let record = CIFAR10.binaryRecordSize
        guard size % record == 0 else {
            throw .truncatedFile(
                path: path, expectedBytes: (size / record + 1) * record, actualBytes: size,
                detail: "not a whole number of \(record)-byte records (1 label byte + 3072 pixels); "
                    + "a full batch is 10000 records = \(10_000 * record) bytes")
        }
    }

    /// The python format: a pickled dict with `data` (uint8 (N, 3072)) and `labels` (N ints),
    /// read under the default `PickleLimits` (a full batch uses a few percent of each).
    static func readPython(_ file: URL, role: String) throws(DatasetError) -> CIFAR10Batch {
        let value = try PickleReader.read(contentsOf: file, what: role)
        guard case .dict = value else {
            throw .unexpectedContent(path: file.path, message: "the pickle holds a \(value.kindName), expected a dict with 'data' and 'labels'")
        }
        guard let data = value["data"] else {
            throw .unexpectedContent(path: file.path, message: "the dict has no 'data' entry")
        }
        guard case let .array(array) = data, array.dtype.kind == "u", array.dtype.itemSize == 1,
              let n = array.shape.first, array.shape.dropFirst().reduce(1, *) == CIFAR10.pixelsPerImage,
              !array.isFortranOrder || n <= 1
        else {
            throw .unexpectedContent(
                path: file.path, message: "'data' is a \(data.kindName), expected a C-ordered uint8 numpy array of shape (N, 3072)")
        }
        guard let labelsValue = value["labels"] else {
            throw .unexpectedContent(path: file.path, message: "the dict has no 'labels' entry")
        }
        guard let labels = integers(labelsValue) else {
            throw .unexpectedContent(path: file.path, message: "'labels' is a \(labelsValue.kindName), expected a list of ints")
        }
        guard labels.count == n else {
            throw .unexpectedContent(path: file.path, message: "\(labels.count) labels for \(n) images")
        }
        try checkLabels(labels, path: file.path)
        return CIFAR10Batch(path: file.path, storage: array.data, firstPixel: 0, stride: CIFAR10.pixelsPerImage, labels: labels)
    }

    /// The ints of a list or tuple of ints, or of an integer numpy array.
    private static func integers(_ value: PickleValue) -> [Int]? {
        if case let .array(array) = value { return array.integers() }
        guard let items = value.elements else { return nil }
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case let .int(v) = item else { return nil }
            out.append(v)
        }
        return out
    }

    private static func checkLabels(_ labels: [Int], path: String) throws(DatasetError) {
        if let i = labels.firstIndex(where: { !(0..<10).contains($0) }) {
            throw .unexpectedContent(path: path, message: "image \(i) has label \(labels[i]), expected 0..9")
        }
    }
}
