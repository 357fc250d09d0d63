import Foundation

/// A whole grading run: who was graded, how, and every check's result.
public struct GradingRun: Sendable, Codable, Equatable {
    /// The implementation's name (e.g. `swift-reference`, or a submission's folder).
    public var implementation: String
    /// The profile used (`2018`, `2025-a1`, ...), and why it was chosen.
    public var profile: String
    public var profileReason: String
    /// The seed of every random choice the checks made.
    public var seed: UInt32
    public var toolVersion: String
    /// When the run started (UTC) and how long it took, in seconds.
    public var startedAt: Date
    public var duration: Double
    public var results: [CheckResult]
    /// Whether warnings were turned into failures (`--strict`).
    public var strict: Bool
    /// Which sandbox the implementation's code ran in (empty for an in-process implementation).
    public var isolation: String
    /// What the grader left out of the submission's copy, and similar remarks, one line each.
    public var notes: [String]
    /// The known mistakes and accepted deviations recognised in the outputs (never a score change).
    public var diagnoses: [DiagnosedMistake] = []

    public init(
        implementation: String, profile: String, profileReason: String, seed: UInt32, toolVersion: String,
        startedAt: Date, duration: Double, results: [CheckResult], strict: Bool = false, isolation: String = "",
        notes: [String] = []
    ) {
        self.implementation = implementation
        self.profile = profile
        self.profileReason = profileReason
        self.seed = seed
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.duration = duration
        self.results = results
        self.strict = strict
        self.isolation = isolation
        self.notes = notes
    }

    /// Points earned.
    public var score: Double { results.reduce(0) { $0 + $1.score } }
    /// Points available: every check the assignment contains, missing work included; provided and
    /// not-applicable checks carry none.
    public var maxScore: Double { results.filter(\.outcome.countsTowardsMaximum).reduce(0) { $0 + $1.points } }

    public func count(_ outcome: CheckOutcome) -> Int { results.filter { $0.outcome == outcome }.count }

    /// Every check that carries points earned them (passed, with or without warnings): exit code 0.
    public var allPassed: Bool { results.allSatisfy { !$0.carriesPoints || $0.outcome.earnsPoints } }

    /// Groups in first-appearance order, with their results.
    public var groups: [(name: String, results: [CheckResult])] {
        var order: [String] = []
        var byGroup: [String: [CheckResult]] = [:]
        for r in results {
            if byGroup[r.group] == nil { order.append(r.group) }
            byGroup[r.group, default: []].append(r)
        }
        return order.map { ($0, byGroup[$0]!) }
    }
}

/// A known mistake (on a failed check) or a deviation the course accepts (on a warned check),
/// recognised from the implementation's recorded outputs.
public struct DiagnosedMistake: Sendable, Codable, Equatable {
    public var check: String
    /// The mistake's id (`dw-transposed`) and kind (`mistake` or `deviation`).
    public var mistake: String
    public var kind: String
    public var description: String

    public init(check: String, mistake: String, kind: String, description: String) {
        self.check = check
        self.mistake = mistake
        self.kind = kind
        self.description = description
    }
}
