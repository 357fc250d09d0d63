import Foundation
import NumericCore
import Testing
@testable import Datasets

@Suite struct CIFAR10LoadTests {
    enum Layout: String, CaseIterable {
        case binary, python, pythonMetaProtocol0, binaryInParentFolder, pythonInParentFolder
    }

    /// Writes 5 training batches of 4 images and a test batch of 5, in `layout`; returns the
    /// folder to pass to the loader and the folder to delete.
    private func makeFixture(_ layout: Layout) throws -> (load: URL, cleanup: URL) {
        let root = try CIFARFixture.makeFolder()
        var folder = root
        switch layout {
        case .binaryInParentFolder: folder = root.appendingPathComponent("cifar-10-batches-bin")
        case .pythonInParentFolder: folder = root.appendingPathComponent("cifar-10-batches-py")
        default: break
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch layout {
        case .binary, .binaryInParentFolder: try CIFARFixture.writeBinary(to: folder, perBatch: 4, testCount: 5)
        case .python, .pythonInParentFolder: try CIFARFixture.writePython(to: folder, perBatch: 4, testCount: 5)
        case .pythonMetaProtocol0: try CIFARFixture.writePython(to: folder, perBatch: 4, testCount: 5, metaProtocol0: true)
        }
        return (root, root)
    }

    /// The first mismatch between `data` and the fixture images `images`, as "(n, c, h, w)".
    private func firstMismatch(_ data: LabeledData<Double>, images: [Int]) -> String? {
        guard data.x.shape == [images.count, 3, 32, 32] else { return "shape \(data.x.shape)" }
        for (n, image) in images.enumerated() {
            if data.y[n] != CIFARFixture.label(image: image) { return "label of row \(n)" }
            for c in 0..<3 { for h in 0..<32 { for w in 0..<32 {
                if data.x[n, c, h, w] != Double(CIFARFixture.pixel(image: image, channel: c, row: h, column: w)) {
                    return "(\(n), \(c), \(h), \(w))"
                }
            } } }
        }
        return nil
    }

    @Test(arguments: Layout.allCases)
    func loadsEveryFormatInCourseOrder(layout: Layout) throws {
        let fixture = try makeFixture(layout)
        defer { try? FileManager.default.removeItem(at: fixture.cleanup) }
        let splits = try CIFAR10.load(from: fixture.load, trainingCount: 13, validationCount: 5, testCount: 3, subtractMean: false)
        #expect(splits.train.count == 13)
        #expect(splits.validation.count == 5)
        #expect(splits.test.count == 3)
        #expect(firstMismatch(splits.train, images: Array(0..<13)) == nil)
        #expect(firstMismatch(splits.validation, images: Array(13..<18)) == nil)
        #expect(firstMismatch(splits.test, images: Array(500..<503)) == nil)
        #expect(splits.classNames == CIFAR10.defaultClassNames)
        let format = layout.rawValue.hasPrefix("binary") ? "binary" : "python"
        #expect(splits.provenance.contains("CIFAR-10 \(format) batches"))
        #expect(splits.provenance.contains("train = images 0..<13"))
    }

    @Test func subtractsTheMeanTrainingImage() throws {
        let fixture = try makeFixture(.binary)
        defer { try? FileManager.default.removeItem(at: fixture.cleanup) }
        let raw = try CIFAR10.load(from: fixture.load, trainingCount: 10, validationCount: 6, testCount: 5, subtractMean: false)
        let centred = try CIFAR10.load(from: fixture.load, trainingCount: 10, validationCount: 6, testCount: 5)
        var mean = [Double](repeating: 0, count: 3072)
        for n in 0..<10 { for j in 0..<3072 { mean[j] += raw.train.x.scalars[n * 3072 + j] } }
        mean = mean.map { $0 / 10 }
        var worstTrainMean = 0.0
        for j in 0..<3072 {
            let m = (0..<10).reduce(0.0) { $0 + centred.train.x.scalars[$1 * 3072 + j] } / 10
            worstTrainMean = max(worstTrainMean, abs(m))
        }
        #expect(worstTrainMean < 1e-12)
        #expect(mean.contains { $0 > 1 })  // the raw mean is far from 0, so the check above can fail
        for (data, rawData) in [(centred.validation, raw.validation), (centred.test, raw.test)] {
            let worst = data.x.scalars.indices.map { abs(data.x.scalars[$0] - (rawData.x.scalars[$0] - mean[$0 % 3072])) }.max()!
            #expect(worst == 0)
        }
        #expect(centred.provenance.contains("mean training image subtracted"))
    }

    @Test func takesWhatTheFilesHoldLikeNumpySlicing() throws {
        let fixture = try makeFixture(.python)
        defer { try? FileManager.default.removeItem(at: fixture.cleanup) }
        // 20 training images: validation = train[17:17+100] has 3 rows; the test batch has 5.
        let splits = try CIFAR10.load(from: fixture.load, trainingCount: 17, validationCount: 100, testCount: 1000, subtractMean: false)
        #expect(splits.train.count == 17)
        #expect(splits.validation.y == (17..<20).map(CIFARFixture.label))
        #expect(splits.test.count == 5)
    }

    @Test func readsCustomClassNamesFromTheMetaFile() throws {
        let folder = try CIFARFixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = (0..<10).map { "class-\($0)" }
        try CIFARFixture.writePython(to: folder, perBatch: 1, testCount: 1, classNames: names)
        let splits = try CIFAR10.load(from: folder, trainingCount: 4, validationCount: 1, testCount: 1)
        #expect(splits.classNames == names)
    }

    @Test func locatesTheFormat() throws {
        let folder = try CIFARFixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sub = folder.appendingPathComponent("cifar-10-batches-bin")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try CIFARFixture.writeBinary(to: sub, perBatch: 1, testCount: 1)
        let location = try CIFAR10.locate(folder)
        #expect(location.format == .binary)
        #expect(location.folder.lastPathComponent == "cifar-10-batches-bin")
        #expect(location.testBatchFile.lastPathComponent == "test_batch.bin")
    }
}
