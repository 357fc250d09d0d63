import Foundation

/// The result of one named check, as every report shows it.
public struct CheckResult: Sendable, Codable, Equatable {
    /// Why a check is `missing`: the student's function is not implemented, or the file that holds
    /// it does not import (a syntax error, Python 2 code). JUnit shows the first as a
    /// `<failure type="NotImplemented">`, the second as an `<error>`.
    public enum MissingKind: String, Sendable, Codable {
        case notImplemented = "not_implemented"
        case doesNotImport = "does_not_import"
    }

    /// Dotted id, e.g. `layers.affine.forward` or `optim.adam.trajectory`.
    public var id: String
    /// The group the check belongs to (`layers`, `losses`, `nets`, `optim`, `solver`, ...): one
    /// JUnit `<testsuite>` per group, and the JUnit `classname`.
    public var group: String
    /// One line saying what is checked.
    public var title: String
    public var outcome: CheckOutcome
    /// Points available (0 for a provided or extra check) and points earned (all or nothing).
    public var points: Double
    public var score: Double
    /// What a student can act on: which output, shape, worst index, expected vs got, relative
    /// error, the likely cause; for `missing`, `provided` and `notApplicable` the reason. Empty
    /// for a plain pass.
    public var message: String
    /// Deviations from the reference engine that the course accepts, one sentence each (a
    /// `warned` check has at least one).
    public var warnings: [String]
    /// For `missing`: not implemented, or the file does not import.
    public var missingKind: MissingKind?
    /// The tolerances applied, labelled (course acceptance; reference agreement).
    public var tolerance: String
    /// Output the implementation printed while the check ran (captured, may be empty).
    public var output: String
    /// Wall time in seconds (finite, >= 0).
    public var duration: Double
    /// Hidden from students until grades are published (Gradescope `visibility`).
    public var hidden: Bool
    /// Where the graded code is, for annotations at the student's line (GitHub Actions); nil
    /// when unknown (the built-in implementations, a function the submission does not define).
    public var location: SourceLocation?
    /// Pictures for the HTML report (training curves, where an output is wrong); at most
    /// `CheckFigure.maximumPerCheck`. They never change the verdict or the score. Absent from JSON
    /// written before figures existed: decoded as none.
    public var figures: [CheckFigure]

    public init(
        id: String, group: String, title: String, outcome: CheckOutcome, points: Double, score: Double? = nil,
        message: String = "", warnings: [String] = [], missingKind: MissingKind? = nil, tolerance: String = "",
        output: String = "", duration: Double = 0, hidden: Bool = false, location: SourceLocation? = nil, figures: [CheckFigure] = []
    ) {
        self.id = id
        self.group = group
        self.title = title
        self.outcome = outcome
        self.points = outcome == .provided ? 0 : points
        self.score = score ?? (outcome.earnsPoints ? self.points : 0)
        self.message = message
        self.warnings = warnings
        self.missingKind = outcome == .missing ? (missingKind ?? .notImplemented) : nil
        self.tolerance = tolerance
        self.output = output
        self.duration = duration.isFinite ? max(0, duration) : 0
        self.hidden = hidden
        self.location = location
        self.figures = Array(figures.prefix(CheckFigure.maximumPerCheck))
    }

    /// Whether this check carries points that count (exit code, maximum score).
    public var carriesPoints: Bool { outcome.countsTowardsMaximum && points > 0 }

    /// The first line of the message, for one-line summaries (`MISSING ... reason`).
    public var reason: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? "")
    }
}
