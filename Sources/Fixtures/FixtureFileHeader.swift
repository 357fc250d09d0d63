internal import LiteralJSON

/// The part of a fixture file read before anything else: which format it is and which schema
/// version its payload follows.
///
///     { "format": "gradecheck-fixtures", "schema_version": 1, ...payload... }
///
/// A reader decodes only these two keys first and refuses another format or a version it does
/// not know, before looking at the payload (ArgumentParserToolInfo's `ToolInfoHeader` idea).
public struct FixtureFileHeader: Sendable, Equatable {
    /// The `format` every fixture file names.
    public static let formatName = "gradecheck-fixtures"
    /// The version this build writes.
    public static let currentVersion = 1
    /// The versions this build reads.
    public static let supportedVersions = [1]

    /// The header this build writes.
    public static let current = FixtureFileHeader(format: formatName, schemaVersion: currentVersion)

    public var format: String
    public var schemaVersion: Int

    public init(format: String, schemaVersion: Int) {
        self.format = format
        self.schemaVersion = schemaVersion
    }

    static let formatKey = "format", versionKey = "schema_version"

    /// Reads the header of the document `json` from `file`, ignoring every other key, and checks
    /// that this build can read the rest.
    static func decode(_ json: JSONValue, file: String) throws(FixtureError) -> FixtureFileHeader {
        guard case let .object(members) = json else {
            throw .wrongFormat(path: file, found: "\(json.kindName) at the top level")
        }
        guard let formatJSON = members.first(where: { $0.key == formatKey })?.value else {
            throw .wrongFormat(path: file, found: "no \"format\" key")
        }
        guard case let .string(format) = formatJSON, format == formatName else {
            let found = if case let .string(text) = formatJSON { "\"\(text)\"" } else { formatJSON.kindName }
            throw .wrongFormat(path: file, found: found)
        }
        let reader = SchemaReader(file: file)
        guard let versionJSON = members.first(where: { $0.key == versionKey })?.value else {
            throw reader.failure("header", "missing key '\(versionKey)'")
        }
        let version = try reader.integer(versionJSON, at: versionKey)
        guard supportedVersions.contains(version) else {
            throw .unsupportedVersion(path: file, found: version, supported: supportedVersions)
        }
        return FixtureFileHeader(format: format, schemaVersion: version)
    }
}
