import Foundation
internal import LiteralJSON

/// One fixture file: a versioned header and, for schema version 1, a list of cases.
///
/// Files are human-readable JSON written byte for byte the same for the same cases (keys sorted,
/// two-space indentation, one array row per line, shortest round-trip numbers), so re-recording
/// unchanged cases leaves files untouched and a diff shows exactly what changed.
public struct FixtureFile: Sendable, Equatable {
    /// The cases, in file order (ids unique).
    public var cases: [FixtureCase]

    public init(cases: [FixtureCase]) {
        self.cases = cases
    }

    // MARK: Reading

    /// Reads the fixture file at `path`. Each case's `sourceFile` is `path`.
    public static func read(from path: String) throws(FixtureError) -> FixtureFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missingFile(path: path) }
        guard !isFolder.boolValue else { throw .unreadable(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or I/O error")
        }
        return try decode(Array(data), file: path)
    }

    /// Decodes the UTF-8 JSON `bytes` read from `file` (used in messages): the header first,
    /// then the payload of its version.
    public static func decode(_ bytes: [UInt8], file: String) throws(FixtureError) -> FixtureFile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes, options: .strict)
        } catch {
            throw .malformedJSON(path: file, line: error.line, column: error.column, message: error.message)
        }
        let header = try FixtureFileHeader.decode(json, file: file)
        switch header.schemaVersion {
        case FixtureFileV1.version:
            return FixtureFile(cases: try FixtureFileV1.decode(json, file: file).cases)
        default:
            throw .unsupportedVersion(path: file, found: header.schemaVersion, supported: FixtureFileHeader.supportedVersions)
        }
    }

    /// Decodes the JSON `text` read from `file` (used in messages).
    public static func decode(_ text: String, file: String) throws(FixtureError) -> FixtureFile {
        try decode(Array(text.utf8), file: file)
    }

    // MARK: Writing

    /// The file's text, current schema version, ending in a newline. `file` names the
    /// destination in errors (a case that cannot be written, duplicate ids).
    public func encoded(file: String = FixtureError.inMemory) throws(FixtureError) -> String {
        JSONWriter.text(try FixtureFileV1(cases: cases).encode(file: file))
    }

    /// Writes the file to `path` (creating its folder), atomically, unless it already holds
    /// exactly this text. Returns whether the file changed.
    @discardableResult
    public func write(to path: String) throws(FixtureError) -> Bool {
        let text = try encoded(file: path)
        let bytes = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: path), existing == bytes { return false }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw .writeFailed(path: path, reason: FixtureError.oneLine("\(error)"))
        }
        return true
    }
}
