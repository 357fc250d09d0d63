import Foundation
import Testing
@testable import Datasets

@Suite struct CIFAR10ErrorTests {
    /// Loads `folder` with small counts and returns the error (recording an issue if none).
    private func loadError(_ folder: URL, trainingCount: Int = 8, validationCount: Int = 2) -> DatasetError? {
        do {
            _ = try CIFAR10.load(from: folder, trainingCount: trainingCount, validationCount: validationCount, testCount: 2)
            Issue.record("expected an error loading \(folder.path)")
            return nil
        } catch {
            return error
        }
    }

    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = try CIFARFixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func missingFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-cifar-\(UUID().uuidString)")
        let error = try #require(loadError(folder))
        #expect(error == .missingFile(path: folder.path, what: "the CIFAR-10 folder does not exist"))
        #expect(error.description.hasPrefix(folder.path))
    }

    @Test func folderWithoutBatches() throws {
        try withFolder { folder in
            let error = try #require(loadError(folder))
            guard case .missingFile = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains(folder.path))
            #expect(error.description.contains("cifar-10-batches-py"))
        }
    }

    @Test(arguments: [false, true])
    func missingBatchFile(binary: Bool) throws {
        try withFolder { folder in
            if binary {
                try CIFARFixture.writeBinary(to: folder, perBatch: 2, testCount: 2)
            } else {
                try CIFARFixture.writePython(to: folder, perBatch: 2, testCount: 2)
            }
            let name = binary ? "data_batch_3.bin" : "data_batch_3"
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            let error = try #require(loadError(folder))
            guard case let .missingFile(path, what) = error else { Issue.record("\(error)"); return }
            #expect(path.hasSuffix("/" + name))
            #expect(what.contains("training batch 3 of 5"))
            #expect(error.description.contains(name))
        }
    }

    @Test func truncatedBinaryFile() throws {
        try withFolder { folder in
            try CIFARFixture.writeBinary(to: folder, perBatch: 2, testCount: 2)
            let file = folder.appendingPathComponent("data_batch_4.bin")
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(3073 + 100).write(to: file)
            let error = try #require(loadError(folder))
            #expect(error == .truncatedFile(
                path: file.path, expectedBytes: 2 * 3073, actualBytes: 3173,
                detail: "not a whole number of 3073-byte records (1 label byte + 3072 pixels); a full batch is 10000 records = 30730000 bytes"))
            #expect(error.description.contains("data_batch_4.bin"))
        }
    }

    @Test func truncatedPickle() throws {
        try withFolder { folder in
            try CIFARFixture.writePython(to: folder, perBatch: 2, testCount: 2)
            let file = folder.appendingPathComponent("data_batch_1")
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(bytes.count / 2).write(to: file)
            let error = try #require(loadError(folder))
            guard case let .truncatedFile(path, expected, actual, _) = error else { Issue.record("\(error)"); return }
            #expect(path == file.path)
            #expect(actual == bytes.count / 2)
            #expect((expected ?? 0) > actual)
            #expect(error.description.contains("data_batch_1"))
        }
    }

    @Test(arguments: [false, true])
    func labelTen(binary: Bool) throws {
        try withFolder { folder in
            if binary {
                try CIFARFixture.writeBinary(to: folder, perBatch: 2, testCount: 2, labelOverride: ["test_batch": 10])
            } else {
                try CIFARFixture.writePython(to: folder, perBatch: 2, testCount: 2, labelOverride: ["test_batch": 10])
            }
            let name = binary ? "test_batch.bin" : "test_batch"
            let error = try #require(loadError(folder))
            #expect(error == .unexpectedContent(path: folder.appendingPathComponent(name).path, message: "image 0 has label 10, expected 0..9"))
            #expect(error.description.contains(name))
        }
    }

    @Test func emptyValidationSplit() throws {
        try withFolder { folder in
            try CIFARFixture.writeBinary(to: folder, perBatch: 2, testCount: 2)
            let error = try #require(loadError(folder, trainingCount: 10, validationCount: 5))
            guard case .invalidRequest = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains(folder.path))
            #expect(error.description.contains("validation empty"))
        }
    }

    @Test(arguments: ["nested", "doubling"])
    func hostilePickleIsAOneLineErrorNamingTheFile(kind: String) throws {
        try withFolder { folder in
            try CIFARFixture.writePython(to: folder, perBatch: 2, testCount: 2)
            let bytes = kind == "nested" ? HostilePickles.nestedLists(100_000) : HostilePickles.doubling(60, sharing: .memo)
            let file = folder.appendingPathComponent("data_batch_3")
            try Data(bytes).write(to: file)
            let error = try #require(loadError(folder))
            guard case let .malformedPickle(path, _, _, message) = error else { Issue.record("\(error)"); return }
            #expect(path == file.path)
            #expect(message.hasSuffix(kind == "nested" ? "(PickleLimits.maximumDepth)" : "(PickleLimits.maximumElements)"))
            #expect(error.description.hasPrefix(file.path + ": malformed pickle at byte offset "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func labelCountMismatchInPickle() throws {
        try withFolder { folder in
            try CIFARFixture.writePython(to: folder, perBatch: 2, testCount: 2)
            let bytes = Python2PickleWriter.cifarBatch(
                data: CIFARFixture.image(0) + CIFARFixture.image(1), labels: [1], batchLabel: "b", filenames: [])
            let file = folder.appendingPathComponent("data_batch_2")
            try Data(bytes).write(to: file)
            let error = try #require(loadError(folder))
            guard case let .unexpectedContent(path, _) = error else { Issue.record("\(error)"); return }
            #expect(path == file.path)
        }
    }
}
