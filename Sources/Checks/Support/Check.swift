import GradientCheck
import Implementation

/// One named check of the catalog: what it grades, what it needs, what it is worth, and how it
/// decides.
///
/// The body throws `CheckFailure` for an answer the course would not accept and records a
/// warning (through `CheckContext.expect`) for one the course accepts that differs from the
/// reference; an `ImplementationError` thrown from the implementation becomes `errored` (or
/// `missing` when the student's function is not implemented).
public struct Check: Sendable {
    /// Dotted id: `<group>.<subject>.<aspect>`, e.g. `layers.affine.backward`.
    public let id: String
    public let group: String
    /// What is checked, in one line (shown by `gradecheck list`).
    public let title: String
    /// Points when the student writes what it grades (0 for an extra).
    public let points: Double
    /// The course functions whose correctness this check decides: the profile says whether
    /// they are the student's work, the course's, or not part of the assignment.
    public let grades: [CourseFunction]
    /// How outputs are judged: the first criterion is the default one.
    public let criteria: [Criterion]
    /// The numerical gradient of the implementation's own forward pass (the notebook's own
    /// method), when the check uses it: course acceptance.
    public let ownGradient: GradientCheckSettings?
    /// Operations the check calls; a missing one makes the check `missing`.
    public let requires: [Operation]
    /// Something the course never asks for (e.g. a net without hidden layers): no points, and a
    /// failure is only a warning.
    public let extra: Bool
    /// Hidden from students until grades are published.
    public let hidden: Bool
    /// Roughly how long the check takes against a correct submission, in units of a check that
    /// makes a few calls on small arrays (1): what divides a submission's checks between
    /// processes evenly (the dropout statistics move 500x500 arrays: 12; a net's own gradients:
    /// 2 to 4, measured on `examples/submissions/correct`).
    public let cost: Int
    let body: @Sendable (CheckContext) throws -> Void

    public init(
        _ id: String, title: String, points: Double, grades: [CourseFunction], criteria: [Criterion],
        ownGradient: GradientCheckSettings? = nil, requires: [Operation], extra: Bool = false, hidden: Bool = false,
        cost: Int = 1, body: @escaping @Sendable (CheckContext) throws -> Void
    ) {
        self.cost = cost
        self.id = id
        self.group = String(id.prefix { $0 != "." })
        self.title = title
        self.points = extra ? 0 : points
        self.grades = grades
        self.criteria = criteria
        self.ownGradient = ownGradient
        self.requires = requires
        self.extra = extra
        self.hidden = hidden
        self.body = body
    }

    /// The tolerances, as every report shows them: derived from the values the comparisons use.
    public var tolerance: String {
        var parts = criteria.map { criteria.count > 1 ? "\($0.name): \($0.description)" : $0.description }
        if let ownGradient { parts.append(ownGradient.ownGradientDescription) }
        return parts.joined(separator: "; ")
    }

    /// The criterion named `name` (the first when nil).
    func criterion(_ name: String?) throws -> Criterion {
        guard let name else {
            guard let first = criteria.first else { throw CheckDefinitionError("\(id) declares no criterion") }
            return first
        }
        guard let found = criteria.first(where: { $0.name == name }) else {
            throw CheckDefinitionError("\(id) declares no criterion '\(name)'")
        }
        return found
    }
}

/// A wrong answer, with the message a student can act on.
public struct CheckFailure: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A check that uses something it does not declare: a bug of the grader (exit code 3).
public struct CheckDefinitionError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
