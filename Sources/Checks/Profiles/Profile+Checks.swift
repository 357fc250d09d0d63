/// What a check is under a profile: graded for points, run for information (course code), or not
/// part of the assignment.
public enum CheckStatus: Sendable, Equatable {
    case graded
    /// Every function the check grades ships finished in the starter; the reason says which.
    case provided(String)
    /// The assignment does not contain a function the check grades; the reason says which.
    case notApplicable(String)
}

extension Profile {
    /// The status of `check`: not applicable when the assignment lacks one of the functions it
    /// grades (or leaves it to the other assignment), provided when the starter ships all of them
    /// finished, graded otherwise.
    public func status(of check: Check) -> CheckStatus {
        for function in check.grades {
            switch functions[function] {
            case nil:
                return .notApplicable("\(function.rawValue) is not part of the \(self)")
            case let .otherAssignment(other)?:
                return .notApplicable("\(function.rawValue) belongs to \(other) in \(yearsText) (graded there)")
            default:
                continue
            }
        }
        let provided = check.grades.filter { functions[$0] == .provided }
        if !check.grades.isEmpty && provided.count == check.grades.count {
            let names = provided.map(\.rawValue).joined(separator: ", ")
            return .provided("provided by the course (the \(yearsText) starter ships \(names) finished)")
        }
        return .graded
    }

    /// `2016`, `2018-2020`.
    public var yearsText: String { years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)-\(years.upperBound)" }

    /// The course functions the student writes in this assignment.
    public var studentFunctions: [CourseFunction] { functions.filter { $0.value == .student }.map(\.key).sorted() }
    /// The course functions the starter ships finished.
    public var providedFunctions: [CourseFunction] { functions.filter { $0.value == .provided }.map(\.key).sorted() }
}

/// The profile (or, for a folder holding both assignments of a split year, the two profiles) a
/// submission is graded under, and which part grades each check.
public struct ProfilePlan: Sendable, Equatable {
    public let parts: [Profile]

    public init(_ parts: [Profile]) {
        precondition(!parts.isEmpty, "a plan needs a profile")
        self.parts = parts.sorted { $0.assignment < $1.assignment }
    }

    public init(_ profile: Profile) { self.init([profile]) }

    /// `2018-2020`, or `2025-2026-a1+a2` for both assignments.
    public var id: String {
        guard parts.count > 1 else { return parts[0].id }
        let first = parts.map(\.years.lowerBound).max()!, last = parts.map(\.years.upperBound).min()!
        let span = first >= last ? "\(first)" : "\(first)-\(last)"
        return span + "-" + parts.map { "a\($0.assignment.rawValue)" }.joined(separator: "+")
    }

    /// The part that grades `check` and its status there: the first part where it carries points,
    /// else the first where it is provided, else not applicable (the first part's reason).
    public func assign(_ check: Check) -> (part: Int, status: CheckStatus) {
        let statuses = parts.map { $0.status(of: check) }
        if let i = statuses.firstIndex(of: .graded) { return (i, .graded) }
        if let i = statuses.firstIndex(where: { if case .provided = $0 { return true } else { return false } }) {
            return (i, statuses[i])
        }
        if parts.count > 1, case .notApplicable = statuses[0] {
            let names = check.grades.map(\.rawValue).joined(separator: ", ")
            return (0, .notApplicable("\(names) is part of neither assignment of \(parts[0].yearsText)"))
        }
        return (0, statuses[0])
    }
}
