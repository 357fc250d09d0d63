import Foundation
import Testing
@testable import Datasets

/// Batches written by Python 3 + numpy (`Fixtures/Python3Pickles.swift`), each copied to all six
/// batch files of a folder and loaded.
@Suite struct CIFAR10Python3Tests {
    @Test(arguments: Python3Fixture.allCases)
    func loadsPython3Batches(fixture: Python3Fixture) throws {
        let folder = try CIFARFixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = try #require(Data(base64Encoded: fixture.base64, options: .ignoreUnknownCharacters))
        for file in ["data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"] {
            try batch.write(to: folder.appendingPathComponent(file))
        }
        let meta = try #require(Data(base64Encoded: Python3Pickles.metaProtocol2, options: .ignoreUnknownCharacters))
        try meta.write(to: folder.appendingPathComponent("batches.meta"))

        let splits = try CIFAR10.load(from: folder, trainingCount: 7, validationCount: 2, testCount: 2, subtractMean: false)
        // Training rows cycle through the batch's two images: 0, 1, 0, 1, ...
        #expect(splits.train.y == [1, 4, 1, 4, 1, 4, 1], "\(fixture)")
        #expect(splits.validation.y == [4, 1])
        #expect(Array(splits.train.x.scalars[0..<3072]) == CIFARFixture.image(0).map(Double.init))
        #expect(Array(splits.validation.x.scalars[0..<3072]) == CIFARFixture.image(1).map(Double.init))
        #expect(splits.test.x[1, 2, 31, 31] == Double(CIFARFixture.pixel(image: 1, channel: 2, row: 31, column: 31)))
        #expect(splits.classNames == CIFAR10.defaultClassNames)
    }
}
