/// What the data loaders throw: a file that is missing, unreadable, cut short or not in the
/// expected format. Never a trap. Every message is one line and starts with the file (or folder)
/// it is about, so that a CLI can print it as is.
public enum DatasetError: Error, Equatable, CustomStringConvertible, Sendable {
    /// `path` does not exist; `what` says what was looked for there.
    case missingFile(path: String, what: String)
    /// `path` exists but could not be read (a folder, no permission, an I/O error).
    case unreadableFile(path: String, reason: String)
    /// `path` ends early: `actualBytes` long where `expectedBytes` (when known) were needed.
    case truncatedFile(path: String, expectedBytes: Int?, actualBytes: Int, detail: String)
    /// The pickle in `path` cannot be decoded at byte `offset` (opcode `opcode` when known).
    case malformedPickle(path: String, offset: Int, opcode: UInt8?, message: String)
    /// `path` decodes, but not to what the data set needs (wrong keys, label counts, labels).
    case unexpectedContent(path: String, message: String)
    /// zlib could not gunzip `path`.
    case gzipFailure(path: String, message: String)
    /// The request cannot be met by the data in `path` (an empty split, a negative count).
    case invalidRequest(path: String, message: String)

    /// The file or folder the error is about.
    public var path: String {
        switch self {
        case let .missingFile(path, _), let .unreadableFile(path, _), let .truncatedFile(path, _, _, _),
            let .malformedPickle(path, _, _, _), let .unexpectedContent(path, _),
            let .gzipFailure(path, _), let .invalidRequest(path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case let .missingFile(path, what):
            return "\(path): missing file: \(what)"
        case let .unreadableFile(path, reason):
            return "\(path): unreadable file: \(reason)"
        case let .truncatedFile(path, expected, actual, detail):
            let sizes = expected.map { "\(actual) bytes, expected \($0)" } ?? "\(actual) bytes"
            return "\(path): truncated file (\(sizes)): \(detail)"
        case let .malformedPickle(path, offset, opcode, message):
            let op = opcode.map { " (opcode \(PickleOpcode.describe($0)))" } ?? ""
            return "\(path): malformed pickle at byte offset \(offset)\(op): \(message)"
        case let .unexpectedContent(path, message):
            return "\(path): unexpected content: \(message)"
        case let .gzipFailure(path, message):
            return "\(path): gzip decompression failed: \(message)"
        case let .invalidRequest(path, message):
            return "\(path): \(message)"
        }
    }
}
