import Foundation

/// The result of one named check, as every report shows it.
public struct CheckResult: Sendable, Codable, Equatable {
    /// Dotted id, e.g. `layers.affine.forward` or `optim.adam.trajectory`.
    public var id: String
    /// The group the check belongs to (`layers`, `losses`, `nets`, `optim`, `solver`, ...): one
    /// JUnit `<testsuite>` per group, and the JUnit `classname`.
    public var group: String
    /// One line saying what is checked.
    public var title: String
    public var outcome: CheckOutcome
    /// Points available and points earned (all or nothing per check).
    public var points: Double
    public var score: Double
    /// What a student can act on: which output, shape, worst index, expected vs got, relative
    /// error, the likely cause. Empty for a pass.
    public var message: String
    /// The tolerance applied, labelled (e.g. `relative error <= 1e-9`).
    public var tolerance: String
    /// Output the implementation printed while the check ran (captured, may be empty).
    public var output: String
    /// Wall time in seconds (finite, >= 0).
    public var duration: Double
    /// Hidden from students until grades are published (Gradescope `visibility`).
    public var hidden: Bool

    public init(
        id: String, group: String, title: String, outcome: CheckOutcome, points: Double, score: Double? = nil,
        message: String = "", tolerance: String = "", output: String = "", duration: Double = 0, hidden: Bool = false
    ) {
        self.id = id
        self.group = group
        self.title = title
        self.outcome = outcome
        self.points = points
        self.score = score ?? (outcome == .passed ? points : 0)
        self.message = message
        self.tolerance = tolerance
        self.output = output
        self.duration = duration.isFinite ? max(0, duration) : 0
        self.hidden = hidden
    }
}
