import Implementation

/// One named check of the catalog: what it needs, what it is worth, and how it decides.
///
/// The body throws `CheckFailure` for a wrong answer; an `ImplementationError` thrown from the
/// implementation becomes `errored` (or `skipped` when an operation is not implemented).
public struct Check: Sendable {
    /// Dotted id: `<group>.<subject>.<aspect>`, e.g. `layers.affine.backward`.
    public let id: String
    public let group: String
    /// What is checked, in one line (shown by `gradecheck list`).
    public let title: String
    public let points: Double
    /// The tolerance, labelled (`relative error <= 1e-9`).
    public let tolerance: String
    /// Operations the check calls; a missing one skips the check.
    public let requires: [Operation]
    /// Hidden from students until grades are published.
    public let hidden: Bool
    let body: @Sendable (CheckContext) throws -> Void

    public init(
        _ id: String, title: String, points: Double, tolerance: String, requires: [Operation], hidden: Bool = false,
        body: @escaping @Sendable (CheckContext) throws -> Void
    ) {
        self.id = id
        self.group = String(id.prefix { $0 != "." })
        self.title = title
        self.points = points
        self.tolerance = tolerance
        self.requires = requires
        self.hidden = hidden
        self.body = body
    }
}

/// A wrong answer, with the message a student can act on.
public struct CheckFailure: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
