import Foundation
@testable import Datasets

/// Tiny CIFAR-10 folders in the real formats, with pixel values that identify their position:
/// pixel `i = c * 1024 + h * 32 + w` of image `n` is `(31 n + 7 i + 13 c) % 256` and its label is
/// `(3 n + 1) % 10`. Training images are numbered 0, 1, ... across the five batches in order;
/// test images start at `testOffset`.
enum CIFARFixture {
    static let testOffset = 500

    static func pixel(image n: Int, channel c: Int, row h: Int, column w: Int) -> UInt8 {
        let i = c * 1024 + h * 32 + w
        return UInt8((31 * n + 7 * i + 13 * c) % 256)
    }

    static func label(image n: Int) -> Int { (3 * n + 1) % 10 }

    static func image(_ n: Int) -> [UInt8] {
        (0..<3072).map { i in pixel(image: n, channel: i / 1024, row: (i % 1024) / 32, column: i % 32) }
    }

    /// The images of each batch file: 5 training batches of `perBatch`, then the test batch.
    static func batches(perBatch: Int, testCount: Int) -> [(name: String, images: [Int])] {
        (0..<5).map { b in ("data_batch_\(b + 1)", Array((b * perBatch)..<((b + 1) * perBatch))) }
            + [("test_batch", Array(testOffset..<(testOffset + testCount)))]
    }

    /// A fresh empty folder under the temporary directory.
    static func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradecheck-datasets-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Binary batches (`data_batch_1.bin` .. `test_batch.bin`, `batches.meta.txt`).
    static func writeBinary(to folder: URL, perBatch: Int, testCount: Int, labelOverride: [String: UInt8] = [:]) throws {
        for (name, images) in batches(perBatch: perBatch, testCount: testCount) {
            var bytes: [UInt8] = []
            for n in images {
                bytes.append(labelOverride[name] ?? UInt8(label(image: n)))
                bytes += image(n)
            }
            try Data(bytes).write(to: folder.appendingPathComponent(name + ".bin"))
        }
        let meta = CIFAR10.defaultClassNames.joined(separator: "\n") + "\n\n"
        try Data(meta.utf8).write(to: folder.appendingPathComponent("batches.meta.txt"))
    }

    /// Python batches as Python 2's cPickle wrote them, and `batches.meta` (protocol 0 or 2).
    static func writePython(
        to folder: URL, perBatch: Int, testCount: Int, classNames: [String] = CIFAR10.defaultClassNames,
        metaProtocol0: Bool = false, labelOverride: [String: Int] = [:]
    ) throws {
        for (name, images) in batches(perBatch: perBatch, testCount: testCount) {
            let bytes = Python2PickleWriter.cifarBatch(
                data: images.flatMap(image), labels: images.map { labelOverride[name] ?? label(image: $0) },
                batchLabel: "batch \(name)", filenames: images.map { "image_\($0).png" })
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let meta = metaProtocol0
            ? Python2PickleWriter.cifarMetaProtocol0(labelNames: classNames)
            : Python2PickleWriter.cifarMeta(labelNames: classNames)
        try Data(meta).write(to: folder.appendingPathComponent("batches.meta"))
    }
}
