/// What reading, writing or querying fixtures throws. Every message is one line and starts with
/// the file (or folder) it is about, so that the CLI can print it as is.
///
/// These are harness problems (a bad or missing fixture file), never a student's wrong answer.
public enum FixtureError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The fixture folder `path` does not exist (or is not a folder).
    case missingFolder(path: String)
    /// The fixture file `path` does not exist.
    case missingFile(path: String)
    /// `path` exists but could not be read.
    case unreadable(path: String, reason: String)
    /// `path` is not JSON: `message` at 1-based `line` and `column` (a column counts bytes).
    case malformedJSON(path: String, line: Int, column: Int, message: String)
    /// `path` is JSON but its header does not name the gradecheck fixture format; `found`
    /// describes what is there instead.
    case wrongFormat(path: String, found: String)
    /// `path` is a fixture file of schema version `found`, which this build does not read.
    case unsupportedVersion(path: String, found: Int, supported: [Int])
    /// `path` has a current header but its content breaks the schema at `location`
    /// (e.g. `cases[2] ('layers.affine.forward.golden').tolerance`).
    case invalidContent(path: String, location: String, message: String)
    /// Two cases share `id`: in `firstPath` and in `secondPath` (the same path when one file
    /// holds both).
    case duplicateCase(id: String, firstPath: String, secondPath: String)
    /// No case `id` in the store read from `path`.
    case missingCase(id: String, path: String)
    /// Case `caseID` (from `path`) has no `key` in `location` (e.g. `inputs`); `available`
    /// lists the keys it has.
    case missingKey(path: String, caseID: String, location: String, key: String, available: [String])
    /// Case `caseID` (from `path`) has at `location` (e.g. `inputs.x`) a value of kind `found`
    /// where `expected` is needed.
    case wrongType(path: String, caseID: String, location: String, expected: String, found: String)
    /// A value at `location` in case `caseID` cannot be written so that it reads back as itself.
    case unrepresentable(path: String, caseID: String, location: String, message: String)
    /// Writing `path` failed.
    case writeFailed(path: String, reason: String)

    /// The name used for fixtures that were built in memory rather than read from a file.
    public static let inMemory = "<in memory>"

    /// The file or folder the error is about (the first of two for a duplicate).
    public var path: String {
        switch self {
        case let .missingFolder(path), let .missingFile(path), let .unreadable(path, _),
            let .malformedJSON(path, _, _, _), let .wrongFormat(path, _), let .unsupportedVersion(path, _, _),
            let .invalidContent(path, _, _), let .duplicateCase(_, path, _), let .missingCase(_, path),
            let .missingKey(path, _, _, _, _), let .wrongType(path, _, _, _, _),
            let .unrepresentable(path, _, _, _), let .writeFailed(path, _):
            return path
        }
    }

    public var description: String {
        let text: String
        switch self {
        case let .missingFolder(path):
            text = "\(path): fixture folder not found"
        case let .missingFile(path):
            text = "\(path): fixture file not found"
        case let .unreadable(path, reason):
            text = "\(path): cannot read: \(reason)"
        case let .malformedJSON(path, line, column, message):
            text = "\(path):\(line):\(column): malformed JSON: \(message)"
        case let .wrongFormat(path, found):
            text = "\(path): not a gradecheck fixture file (expected \"format\": \"\(FixtureFileHeader.formatName)\", found \(found))"
        case let .unsupportedVersion(path, found, supported):
            let list = supported.map(String.init).joined(separator: ", ")
            text = "\(path): fixture schema version \(found) is not supported (this build reads version \(list))"
        case let .invalidContent(path, location, message):
            text = "\(path): \(location): \(message)"
        case let .duplicateCase(id, first, second):
            text = first == second
                ? "\(first): fixture case '\(id)' appears twice"
                : "\(first): fixture case '\(id)' is also defined in \(second)"
        case let .missingCase(id, path):
            text = "\(path): no fixture case '\(id)'"
        case let .missingKey(path, caseID, location, key, available):
            let keys = available.isEmpty ? "it is empty" : "it has " + available.joined(separator: ", ")
            text = "\(path): case '\(caseID)': \(location) has no key '\(key)' (\(keys))"
        case let .wrongType(path, caseID, location, expected, found):
            text = "\(path): case '\(caseID)': \(location): expected \(expected), found \(found)"
        case let .unrepresentable(path, caseID, location, message):
            text = "\(path): case '\(caseID)': \(location): \(message)"
        case let .writeFailed(path, reason):
            text = "\(path): cannot write: \(reason)"
        }
        return FixtureError.oneLine(text)
    }

    /// `text` with line breaks replaced by spaces, so that every message stays on one line.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
