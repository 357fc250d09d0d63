import Fixtures
import Foundation
import Testing

/// Malformed, foreign or future files give one-line errors naming the file.
@Suite("Fixture file errors")
struct FixtureFileErrorTests {
    static func decodeError(_ text: String, file: String = "fixtures/cases/bad.json") -> FixtureError? {
        fixtureError { _ = try FixtureFile.decode(text, file: file) }
    }

    static func expectOneLine(_ error: FixtureError?, naming file: String = "fixtures/cases/bad.json", sourceLocation: SourceLocation = #_sourceLocation) {
        let text = error?.description ?? ""
        #expect(text.hasPrefix(file), "\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("\n"), "\(text)", sourceLocation: sourceLocation)
        #expect(error?.path == file, sourceLocation: sourceLocation)
    }

    @Test("an unknown schema version names the file, the version found and the versions supported")
    func unknownVersion() {
        let error = Self.decodeError(Samples.fileText(cases: "\"anything, the payload is not read\"", version: "2"))
        #expect(error == .unsupportedVersion(path: "fixtures/cases/bad.json", found: 2, supported: [1]))
        #expect(error?.description == "fixtures/cases/bad.json: fixture schema version 2 is not supported (this build reads version 1)")
        Self.expectOneLine(error)
    }

    @Test("a version that is not an integer, or none, is an error")
    func badVersion() {
        let text = Self.decodeError(Samples.fileText(version: "\"1\""))
        #expect(text == .invalidContent(path: "fixtures/cases/bad.json", location: "schema_version", message: "expected an integer, found a string"))
        let missing = Self.decodeError("{\"format\": \"gradecheck-fixtures\", \"cases\": []}")
        #expect(missing == .invalidContent(path: "fixtures/cases/bad.json", location: "header", message: "missing key 'schema_version'"))
        Self.expectOneLine(missing)
    }

    @Test("another format, no format or a non-object document is refused before the payload")
    func wrongFormat() {
        let other = Self.decodeError(Samples.fileText(format: "\"cs231n-goldens\"", version: "99"))
        #expect(other == .wrongFormat(path: "fixtures/cases/bad.json", found: "\"cs231n-goldens\""))
        Self.expectOneLine(other)
        #expect(Self.decodeError("{\"title\": \"goldens\", \"checks\": []}") == .wrongFormat(path: "fixtures/cases/bad.json", found: "no \"format\" key"))
        #expect(Self.decodeError("[1, 2]") == .wrongFormat(path: "fixtures/cases/bad.json", found: "an array at the top level"))
    }

    @Test("corrupt JSON names the file, line and column", arguments: [
        ("{\n  \"format\": \"gradecheck-fixtures\",\n  \"schema_version\": 1,\n  \"cases\": [,]\n}", 4, 13),
        ("{\"a\": 1,}", 1, 9),
        ("{\"a\": 01}", 1, 7),
        ("{\"a\": NaN}", 1, 7),
        ("{\"a\": 1} x", 1, 10),
        ("{\"a\": 1, \"a\": 2}", 1, 10),
        ("{\"a\": \"unterminated}", 1, 7),
        ("{\"a\": \"\\ud800\"}", 1, 8),
        ("", 1, 1),
    ])
    func corruptJSON(_ text: String, line: Int, column: Int) {
        let error = Self.decodeError(text)
        guard case let .malformedJSON(path, l, c, _) = error else {
            Issue.record("expected malformedJSON, got \(String(describing: error))")
            return
        }
        #expect(path == "fixtures/cases/bad.json" && l == line && c == column)
        #expect(error?.description.hasPrefix("fixtures/cases/bad.json:\(line):\(column): malformed JSON: ") == true)
        Self.expectOneLine(error)
    }

    @Test("invalid UTF-8 is corrupt JSON")
    func invalidUTF8() {
        let error = fixtureError { _ = try FixtureFile.decode([0x7B, 0x22, 0xFF, 0x22, 0x7D], file: "bytes.json") }
        #expect(error == .malformedJSON(path: "bytes.json", line: 1, column: 3, message: "the text is not valid UTF-8"))
    }

    @Test("a missing key in a case names the file, the case and the key")
    func missingKey() {
        let error = Self.decodeError(Samples.fileText(cases: "[\(Samples.caseText(["tolerance": nil]))]"))
        #expect(error == .invalidContent(path: "fixtures/cases/bad.json", location: "cases[0] ('a.case')", message: "missing key 'tolerance'"))
        Self.expectOneLine(error)
        let noID = Self.decodeError(Samples.fileText(cases: "[\(Samples.caseText(["id": nil]))]"))
        #expect(noID == .invalidContent(path: "fixtures/cases/bad.json", location: "cases[0]", message: "missing key 'id'"))
        let noCases = Self.decodeError(Samples.fileText().replacingOccurrences(of: ", \"cases\": []", with: ""))
        #expect(noCases == .invalidContent(path: "fixtures/cases/bad.json", location: "top level", message: "missing key 'cases'"))
    }

    @Test("a wrong type in a case names the file and where", arguments: [
        ("description", "3", "cases[0] ('a.case').description", "expected a string, found an integer"),
        ("tolerance", "{\"kind\": \"relative\", \"value\": \"small\", \"note\": \"n\"}", "cases[0] ('a.case').tolerance.value", "expected a number, found a string"),
        ("tolerance", "{\"kind\": \"percent\", \"value\": 1.0, \"note\": \"n\"}", "cases[0] ('a.case').tolerance.kind", "unknown tolerance kind \"percent\" (expected relative or absolute)"),
        ("tolerance", "{\"kind\": \"relative\", \"value\": -1.0, \"note\": \"n\"}", "cases[0] ('a.case').tolerance.value", "a tolerance cannot be negative, found -1.0"),
        ("provenance", "{\"kind\": \"recorded\", \"seed\": 4294967296, \"engine\": \"e\", \"command\": \"c\"}", "cases[0] ('a.case').provenance.seed", "a seed must be in 0...4294967295, found 4294967296"),
        ("provenance", "{\"kind\": \"golden\", \"source\": \"s\", \"years\": [2016]}", "cases[0] ('a.case').provenance.years[0]", "expected a string, found an integer"),
        ("inputs", "[]", "cases[0] ('a.case').inputs", "expected an object, found an array"),
        ("inputs", "{\"x\": {\"dtype\": \"float64\", \"shape\": [2, 2], \"values\": [[1.0, 2.0], [3.0]]}}", "cases[0] ('a.case').inputs.x.values[1]", "expected 2 elements for the shape, found 1"),
        ("inputs", "{\"x\": {\"dtype\": \"int8\", \"shape\": [], \"values\": 1}}", "cases[0] ('a.case').inputs.x.dtype", "unknown dtype \"int8\" (expected float64 or float32)"),
        ("inputs", "{\"x\": {\"dtype\": \"float64\", \"shape\": [1], \"values\": [\"NaN\"]}}", "cases[0] ('a.case').inputs.x.values[0]", "expected a number, \"nan\", \"inf\" or \"-inf\", found \"NaN\""),
        ("inputs", "{\"x\": 1e999}", "cases[0] ('a.case').inputs.x", "1e999 is out of float64 range"),
        ("inputs", "{\"x\": {\"dtype\": \"float32\", \"shape\": [1], \"values\": [1e39]}}", "cases[0] ('a.case').inputs.x.values[0]", "1e39 is out of float32 range"),
        ("inputs", "{\"x\": null}", "cases[0] ('a.case').inputs.x", "null is not a fixture value"),
        ("expected", "{\"n\": 99999999999999999999}", "cases[0] ('a.case').expected.n", "integer 99999999999999999999 is out of range"),
        ("extra", "1", "cases[0]", "unknown key 'extra' (allowed: description, expected, id, inputs, provenance, tolerance)"),
    ])
    func wrongType(_ key: String, _ json: String, _ location: String, _ message: String) {
        let error = Self.decodeError(Samples.fileText(cases: "[\(Samples.caseText([key: json]))]"))
        #expect(error == .invalidContent(path: "fixtures/cases/bad.json", location: location, message: message))
        Self.expectOneLine(error)
    }

    @Test("the same id twice in one file is an error naming the file")
    func duplicateInFile() {
        let error = Self.decodeError(Samples.fileText(cases: "[\(Samples.caseText()), \(Samples.caseText())]"))
        #expect(error == .duplicateCase(id: "a.case", firstPath: "fixtures/cases/bad.json", secondPath: "fixtures/cases/bad.json"))
        Self.expectOneLine(error)
    }

    @Test("a missing file or a folder in its place is an error naming it")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/absent.json"
        #expect(fixtureError { _ = try FixtureFile.read(from: path) } == .missingFile(path: path))
        #expect(fixtureError { _ = try FixtureFile.read(from: folder.path) } == .unreadable(path: folder.path, reason: "it is a folder"))
    }

    @Test("a message spread over lines is folded into one")
    func oneLine() {
        let error = FixtureError.invalidContent(path: "f.json", location: "x", message: "two\nlines")
        #expect(error.description == "f.json: x: two lines")
    }
}
