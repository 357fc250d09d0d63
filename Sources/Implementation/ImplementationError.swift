/// Why an implementation did not answer. Every case becomes an `errored` or `missing` check
/// with this message, never a crash of the grader.
public enum ImplementationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The implementation does not provide the operation (missing function, a starter stub that
    /// returns None, or `NotImplementedError`): the check is `missing`.
    case notImplemented(operation: String, detail: String)
    /// The file that holds the operation does not import (a syntax error, Python 2 code): the
    /// check is `missing`, shown as an error. `detail` names the file, line and reason.
    case doesNotImport(operation: String, detail: String)
    /// The implementation raised: the exception type, message and, where known, file:line.
    case raised(type: String, message: String, location: String?)
    /// No answer within the time limit.
    case timedOut(seconds: Double)
    /// The process died (signal, exit) before answering.
    case crashed(String)
    /// An answer that is not what the operation returns (missing key, wrong type, None).
    case malformedReply(operation: String, detail: String)

    public var description: String {
        switch self {
        case let .notImplemented(operation, detail):
            return "\(operation) is not implemented" + (detail.isEmpty ? "" : " (\(detail))")
        case let .doesNotImport(_, detail):
            return detail
        case let .raised(type, message, location):
            return "\(type): \(message)" + (location.map { " at \($0)" } ?? "")
        case let .timedOut(seconds):
            return "no answer within \(seconds) s (killed)"
        case let .crashed(detail):
            return "the implementation's process died: \(detail)"
        case let .malformedReply(operation, detail):
            return "\(operation) returned \(detail)"
        }
    }
}

extension ImplementationError {
    /// Whether this is missing work (not implemented, or its file does not import).
    public var isMissingWork: Bool {
        switch self {
        case .notImplemented, .doesNotImport: true
        default: false
        }
    }
}
