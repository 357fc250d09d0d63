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
    /// Deviations the implementation itself noticed since the last call to this (a removed
    /// numpy API served by the compatibility layer, an argument changed in place), one sentence
    /// each; empty in-process.
    func takeWarnings() -> [String]
    /// Why `operation` is not provided (not implemented, or its file does not import), as the
    /// error a call would throw; nil when it is provided or the implementation cannot say.
    func unavailability(of operation: Operation) -> ImplementationError?
}

extension AssignmentImplementation {
    public func takeOutput() -> String { "" }
    public func takeWarnings() -> [String] { [] }
    public func unavailability(of operation: Operation) -> ImplementationError? { nil }
}
