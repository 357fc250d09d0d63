/// How one check ended: the seven verdicts of the grading policy (README, "Verdicts").
///
/// | verdict | points | in the maximum |
/// |---|---|---|
/// | `passed` | full | yes |
/// | `warned` (passed with warnings: the course accepts it, it differs from the reference) | full (0 with `--strict`) | yes |
/// | `failed` (the course would not accept it) | 0 | yes |
/// | `errored` (the student's code crashed, hung or returned nonsense) | 0 | yes |
/// | `missing` (not implemented: absent, `NotImplementedError`, a starter stub, a file that does not import) | 0 | yes |
/// | `provided` (the year's starter ships it finished) | 0 of 0 | no points either way |
/// | `notApplicable` (the year's assignment does not contain it) | — | no |
public enum CheckOutcome: String, Sendable, Codable, CaseIterable, Comparable {
    case passed
    case warned
    case failed
    case errored
    case missing
    case provided
    case notApplicable = "not_applicable"

    public static func < (lhs: CheckOutcome, rhs: CheckOutcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The words reports use: `passed with warnings`, `not applicable`, ...
    public var label: String {
        switch self {
        case .passed: "passed"
        case .warned: "passed with warnings"
        case .failed: "failed"
        case .errored: "errored"
        case .missing: "missing"
        case .provided: "provided"
        case .notApplicable: "not applicable"
        }
    }

    /// Whether the check earns its points (the course accepts the work).
    public var earnsPoints: Bool { self == .passed || self == .warned }

    /// Whether the check's points count towards the maximum score.
    public var countsTowardsMaximum: Bool { self != .notApplicable && self != .provided }
}
