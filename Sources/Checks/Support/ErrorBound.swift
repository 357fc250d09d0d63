import GradientCheck
import NumericCore

/// How close is close enough, labelled. Every report's tolerance text is this value's description,
/// and every comparison uses this value: the two cannot disagree.
public enum ErrorBound: Sendable, Equatable, CustomStringConvertible {
    /// The course's `rel_error`: the largest |a - b| / max(1e-8, |a| + |b|) over the entries.
    case relative(Double)
    /// The largest |a - b|.
    case absolute(Double)
    /// The sum of |a - b| over the entries (the notebook's test-time scores assertion).
    case sumOfAbsolute(Double)
    /// The largest |a - b| divided by the largest |b| (at least `scaleFloor`): an error measured
    /// against the output's scale, so that an entry near 0 (gamma * xhat + beta crossing 0) does
    /// not count as a large relative error.
    case scaled(Double)
    /// A statistic the check computes itself, named by `measure` (`|std(W) - weight_scale| /
    /// weight_scale`), must not exceed the bound.
    case statistic(String, Double)

    /// The smallest scale `scaled` divides by: an output whose entries are all smaller (a bias
    /// gradient behind batch normalization, zero in exact arithmetic but 1e-17 in float64) is
    /// measured in absolute terms against it, as the course's rel_error floors its denominator
    /// at 1e-8.
    public static let scaleFloor = 1e-6

    public var value: Double {
        switch self { case let .relative(v), let .absolute(v), let .sumOfAbsolute(v), let .scaled(v), let .statistic(_, v): v }
    }

    /// `relative error`, `absolute error`, ...
    public var measure: String {
        switch self {
        case .relative: "relative error"
        case .absolute: "absolute error"
        case .sumOfAbsolute: "sum of absolute differences"
        case .scaled: "error relative to the output's largest entry"
        case let .statistic(measure, _): measure
        }
    }

    public var description: String { "\(measure) <= \(Compare.format(value))" }

    /// The same measure with another bound.
    func with(_ value: Double) -> ErrorBound {
        switch self {
        case .relative: .relative(value)
        case .absolute: .absolute(value)
        case .sumOfAbsolute: .sumOfAbsolute(value)
        case .scaled: .scaled(value)
        case let .statistic(measure, _): .statistic(measure, value)
        }
    }
}

/// One kind of output of a check and how it is judged: what the course accepts decides the
/// points; the reference engine's precision decides whether an accepted answer earns a warning.
public struct Criterion: Sendable {
    /// Names the criterion inside its check (`default`, `scores`, `loss`).
    public let name: String
    /// What the course accepts (the notebook's stated tolerance, or one that separates a real
    /// mistake, 1e-3 and more, from a harmless variant such as where `eps` is added, about 1e-5);
    /// nil when the course's own test is elsewhere (e.g. a dropout net, whose masks a student may
    /// draw differently: only its own numerical gradient decides).
    public let course: ErrorBound?
    /// Where the course tolerance comes from, for the report (`notebook: around e-9`).
    public let basis: String
    /// How closely the reference engine's fixture is reproduced by a faithful implementation;
    /// nil when only the course's test applies.
    public let reference: ErrorBound?
    /// The expected values are a notebook's printed golden: each entry may be off by half a unit
    /// in the last printed decimal, which widens both bounds entry by entry.
    public let printed: Bool

    public init(_ name: String = "default", course: ErrorBound?, basis: String, reference: ErrorBound?, printed: Bool = false) {
        self.name = name
        self.course = course
        self.basis = basis
        self.reference = reference
        self.printed = printed
    }

    /// `course: relative error <= 1e-6 (notebook: around e-9); reference: relative error <= 1e-10`.
    public var description: String {
        var text = course.map { "course: \($0) (\(basis))" } ?? "course: \(basis)"
        if let reference { text += "; reference: \(reference)" }
        return text
    }
}

extension GradientCheckSettings {
    /// `own numerical gradient: relative error <= 1e-5 (central differences, h = 1e-5, ...)`.
    var ownGradientDescription: String {
        "own numerical gradient: relative error <= \(Compare.format(relativeTolerance)) (central differences, h = \(Compare.format(step)); the points asked in a seeded random order with repeats and decoys, whose answers must agree)"
    }
}
