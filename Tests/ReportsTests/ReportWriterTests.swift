import Foundation
import Testing

@testable import Reports

@Suite struct ReportWriterTests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gc-writer-\(UUID().uuidString)")
    }

    @Test func createsDirectoriesAndWrites() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a/b/report.xml")
        try ReportWriter.write(Data("hello".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("hello".utf8))
    }

    @Test func replacesAnExistingFileWholeAndLeavesNoTemporaryFile() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("results.json")
        try ReportWriter.write(Data(repeating: 0x41, count: 100_000), to: file)
        try ReportWriter.write(Data("short".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("short".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["results.json"])
        try ReportWriter.write(Data(), to: file)
        #expect(try Data(contentsOf: file).isEmpty)
    }

    @Test func aSetIsWrittenWholeOrNotAtAll() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("junit.xml"), blocker = directory.appendingPathComponent("blocker")
        try ReportWriter.write(Data("old".utf8), to: first)
        try ReportWriter.write(Data("x".utf8), to: blocker)
        // The second file cannot be staged (its folder is a file): the first keeps its old content.
        #expect(throws: ReportWriteError.self) {
            try ReportWriter.writeSet([(Data("new".utf8), first), (Data("y".utf8), blocker.appendingPathComponent("results.json"))])
        }
        #expect(try Data(contentsOf: first) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["blocker", "junit.xml"])
        try ReportWriter.writeSet([(Data("new".utf8), first), (Data("z".utf8), directory.appendingPathComponent("summary.md"))])
        #expect(try Data(contentsOf: first) == Data("new".utf8))
    }

    @Test func unwritablePathThrowsNamingThePath() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("not-a-directory")
        try ReportWriter.write(Data("x".utf8), to: blocker)
        let target = blocker.appendingPathComponent("report.xml")
        let error = try #require(throws: ReportWriteError.self) { try ReportWriter.write(Data("y".utf8), to: target) }
        #expect(error.path == target.path)
        #expect(error.description.contains(target.path))
        #expect(try Data(contentsOf: blocker) == Data("x".utf8), "the blocking file is untouched")
    }

    @Test func aDirectoryInTheWayIsAnError() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let error = try #require(throws: ReportWriteError.self) { try ReportWriter.write(Data("y".utf8), to: target) }
        #expect(error.operation == "rename" && error.path == target.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"], "temporary file removed")
    }
}
