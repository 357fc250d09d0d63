import Fixtures
import Foundation
import Testing

/// Loading a folder of fixture files.
@Suite("Fixture store")
struct FixtureStoreTests {
    @Test("every .json file below the folder is read, in sorted order, and cases are found by id")
    func loadsRecursively() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FixtureFile(cases: [Samples.recordedCase(id: "z.last")]).write(to: folder.path + "/b.json")
        try FixtureFile(cases: [Samples.goldenCase(id: "a.first"), Samples.recordedCase(id: "m.middle")])
            .write(to: folder.path + "/sub/deeper/a.json")
        try folder.write("not a fixture, not JSON", to: "notes.md")
        try folder.write("{ corrupt", to: ".hidden/skipped.json")
        let store = try FixtureStore(folder: folder.path)
        #expect(store.files == [folder.path + "/b.json", folder.path + "/sub/deeper/a.json"])
        #expect(store.ids == ["a.first", "m.middle", "z.last"])
        #expect(store.sortedCases.map(\.id) == ["a.first", "m.middle", "z.last"])
        #expect(store.cases.count == 3)
        #expect(store["m.middle"]?.sourceFile == folder.path + "/sub/deeper/a.json")
        #expect(try store.fixture("a.first") == Samples.goldenCase(id: "a.first"))
        #expect(store.cases(withPrefix: "m.").map(\.id) == ["m.middle"])
        let missing = fixtureError { _ = try store.fixture("no.such.case") }
        #expect(missing == .missingCase(id: "no.such.case", path: folder.path))
        #expect(missing?.description == "\(folder.path): no fixture case 'no.such.case'")
    }

    @Test("a missing folder is an error naming it")
    func missingFolder() {
        let path = "/nonexistent/fixtures-\(UUID().uuidString)"
        let error = fixtureError { _ = try FixtureStore(folder: path) }
        #expect(error == .missingFolder(path: path))
        #expect(error?.description == "\(path): fixture folder not found")
    }

    @Test("the same id in two files is an error naming both")
    func duplicateAcrossFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FixtureFile(cases: [Samples.recordedCase(id: "same.id")]).write(to: folder.path + "/one.json")
        try FixtureFile(cases: [Samples.goldenCase(id: "same.id")]).write(to: folder.path + "/two.json")
        let error = fixtureError { _ = try FixtureStore(folder: folder.path) }
        #expect(error == .duplicateCase(id: "same.id", firstPath: folder.path + "/one.json", secondPath: folder.path + "/two.json"))
        let text = error?.description ?? ""
        #expect(text.contains(folder.path + "/one.json") && text.contains(folder.path + "/two.json") && text.contains("same.id"))
    }

    @Test("a corrupt or foreign file in the folder is an error naming that file")
    func badFileInFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FixtureFile(cases: [Samples.recordedCase()]).write(to: folder.path + "/good.json")
        let corrupt = try folder.write("{\n  \"format\": \"gradecheck-fixtures\",\n  oops\n}", to: "x/corrupt.json")
        let error = fixtureError { _ = try FixtureStore(folder: folder.path) }
        guard case let .malformedJSON(path, line, column, _) = error else {
            Issue.record("expected malformedJSON, got \(String(describing: error))")
            return
        }
        #expect(path == corrupt && line == 3 && column == 3)
        #expect(error?.description.hasPrefix("\(corrupt):3:3: malformed JSON") == true)

        try FileManager.default.removeItem(atPath: corrupt)
        let future = try folder.write(Samples.fileText(version: "7"), to: "future.json")
        #expect(fixtureError { _ = try FixtureStore(folder: folder.path) } == .unsupportedVersion(path: future, found: 7, supported: [1]))
    }

    @Test("an empty folder is an empty store")
    func emptyFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try FixtureStore(folder: folder.path)
        #expect(store.cases.isEmpty && store.files.isEmpty)
    }
}
