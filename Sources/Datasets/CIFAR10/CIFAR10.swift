import Foundation

/// CIFAR-10 (Krizhevsky 2009) read from the files of the Toronto download, in either of its two
/// formats, and split the course's way (`get_CIFAR10_data`, see `CIFAR10+Splits.swift`).
///
/// - python (`cifar-10-batches-py`): `data_batch_1`..`data_batch_5`, `test_batch`, each a pickled
///   dict with `data` (uint8 numpy array (N, 3072)) and `labels` (N ints), and `batches.meta`
///   with `label_names`;
/// - binary (`cifar-10-batches-bin`): `data_batch_1.bin`..`data_batch_5.bin`, `test_batch.bin`,
///   each N records of 1 label byte + 3072 pixel bytes, and `batches.meta.txt` (one name a line).
///
/// In both, an image is 1024 red, then 1024 green, then 1024 blue bytes, each channel 32 x 32
/// row-major: channel-first (3, 32, 32) as stored. A full batch holds 10,000 images; smaller
/// files are accepted.
public enum CIFAR10 {
    /// The two formats of the download.
    public enum Format: String, Sendable {
        case python
        case binary
    }

    /// Shape of one image: (channels, height, width).
    public static let imageShape = [3, 32, 32]
    /// Bytes of one image (3 * 32 * 32).
    public static let pixelsPerImage = 3072
    /// Bytes of one record of the binary format: 1 label byte + 3072 pixels.
    public static let binaryRecordSize = 3073
    /// Number of training batch files.
    public static let trainingBatchCount = 5
    /// The class names of `batches.meta`, used when the folder has no meta file.
    public static let defaultClassNames = [
        "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck",
    ]

    /// Where the batches are and in which format.
    public struct Location: Sendable, Equatable {
        /// The folder holding the batch files.
        public var folder: URL
        public var format: Format

        /// `data_batch_1` .. `data_batch_5` (with `.bin` in the binary format).
        public var trainingBatchFiles: [URL] {
            (1...CIFAR10.trainingBatchCount).map { folder.appendingPathComponent("data_batch_\($0)" + suffix) }
        }

        /// `test_batch` (with `.bin` in the binary format).
        public var testBatchFile: URL { folder.appendingPathComponent("test_batch" + suffix) }

        /// `batches.meta` or `batches.meta.txt`.
        public var metaFile: URL {
            folder.appendingPathComponent(format == .python ? "batches.meta" : "batches.meta.txt")
        }

        private var suffix: String { format == .python ? "" : ".bin" }
    }

    /// Finds the batches: in `folder` itself (python format first, then binary), else in its
    /// `cifar-10-batches-py` or `cifar-10-batches-bin` subfolder. A folder counts as holding a
    /// format when any of its six batch files is there (a missing one is reported on loading).
    public static func locate(_ folder: URL) throws(DatasetError) -> Location {
        guard DataFile.isFolder(folder) else {
            if DataFile.isFile(folder) {
                throw .unreadableFile(path: folder.path, reason: "is a file, expected the CIFAR-10 folder")
            }
            throw .missingFile(path: folder.path, what: "the CIFAR-10 folder does not exist")
        }
        let candidates = [
            Location(folder: folder, format: .python), Location(folder: folder, format: .binary),
            Location(folder: folder.appendingPathComponent("cifar-10-batches-py"), format: .python),
            Location(folder: folder.appendingPathComponent("cifar-10-batches-bin"), format: .binary),
        ]
        for candidate in candidates
        where (candidate.trainingBatchFiles + [candidate.testBatchFile]).contains(where: DataFile.isFile) {
            return candidate
        }
        throw .missingFile(
            path: folder.path,
            what: "no CIFAR-10 batches (data_batch_1..5 and test_batch, or the same with .bin, "
                + "here or in cifar-10-batches-py/ or cifar-10-batches-bin/)")
    }

    /// What each batch file is, for missing-file messages.
    static func role(of file: URL, in location: Location) -> String {
        let name = location.format == .python ? "python" : "binary"
        if let k = location.trainingBatchFiles.firstIndex(of: file) {
            return "CIFAR-10 training batch \(k + 1) of \(trainingBatchCount) (\(name) format)"
        }
        return "CIFAR-10 test batch (\(name) format)"
    }
}
