/// An implementation of the assignment under test: the Swift reference in-process, or a
/// student's submission behind an adapter in another process.
///
/// Everything goes through one call: an operation, named arguments, named results. Arrays are
/// float64; caches, models and optimizer state stay inside the implementation behind handles.
/// The typed helpers in `AssignmentImplementation+Operations.swift` give each operation its
/// arguments and results; their names and meaning are the wire protocol's.
public protocol AssignmentImplementation: AnyObject {
    /// A name for reports (e.g. `swift-reference`, a submission's folder name).
    var name: String { get }
    /// The operations it provides.
    var supportedOperations: Set<Operation> { get }
    /// Performs one operation. Throws `ImplementationError` for anything but an answer.
    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value]
    /// Output the implementation printed since the last call to this (captured; empty in-process).
    func takeOutput() -> String
}

extension AssignmentImplementation {
    public func takeOutput() -> String { "" }
}
