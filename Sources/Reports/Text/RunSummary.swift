import Grading

/// The words every human-readable report shares: the run's settings and its totals.
public enum RunSummary {
    /// Points earned (passed checks, with or without warnings), non-finite values as 0.
    static func score(_ results: [CheckResult]) -> Double {
        results.filter(\.outcome.earnsPoints).reduce(0) { $0 + NumberFormatting.finite($1.score) }
    }

    /// Points available: every check the assignment contains (missing work included); provided
    /// and not-applicable checks carry none.
    static func maxScore(_ results: [CheckResult]) -> Double {
        results.filter(\.outcome.countsTowardsMaximum).reduce(0) { $0 + NumberFormatting.finite($1.points) }
    }

    /// `30 passed, 2 passed with warnings, 1 failed, 0 errored, 3 missing, 4 provided, 2 not applicable; score 60/70`.
    static func totals(_ results: [CheckResult]) -> String {
        counts(results) + "; score " + points(results)
    }

    /// All seven verdicts, zeros included.
    static func counts(_ results: [CheckResult]) -> String {
        CheckOutcome.allCases.map { outcome in
            "\(results.filter { $0.outcome == outcome }.count) \(outcome.label)"
        }.joined(separator: ", ")
    }

    /// `6/8`.
    static func points(_ results: [CheckResult]) -> String {
        NumberFormatting.points(score(results)) + "/" + NumberFormatting.points(maxScore(results))
    }

    /// `swift-reference: profile 2024 (reason), seed 42, gradecheck 1.2.0`.
    public static func settings(_ run: GradingRun) -> String {
        let reason = run.profileReason.isEmpty ? "" : " (\(run.profileReason))"
        let strict = run.strict ? ", strict (warnings fail)" : ""
        return "\(run.implementation): profile \(run.profile)\(reason), seed \(run.seed)\(strict), gradecheck \(run.toolVersion)"
    }

    /// Settings, then the sandbox and the notes (if any), then totals, one per line.
    static func text(_ run: GradingRun) -> String {
        ([settings(run)] + context(run) + [totals(run.results)]).joined(separator: "\n")
    }

    /// `sandbox: bubblewrap ...` and `note: ...` lines.
    public static func context(_ run: GradingRun) -> [String] {
        (run.isolation.isEmpty ? [] : ["sandbox: " + run.isolation]) + run.notes.map { "note: " + $0 }
    }

    /// A check's warnings as a list, one `warning: ...` per line.
    static func warnings(_ result: CheckResult) -> String {
        result.warnings.map { "warning: " + $0 }.joined(separator: "\n")
    }
}
