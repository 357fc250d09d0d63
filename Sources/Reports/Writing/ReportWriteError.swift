/// A report could not be written. Names the file and the step that failed.
public struct ReportWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report's destination.
    public var path: String
    /// What was being done: `create directory`, `create temporary file`, `write`, `sync`, `rename`.
    public var operation: String
    /// The system's reason (e.g. `Permission denied`).
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "cannot write report \(path): \(operation) failed: \(reason)" }
}
