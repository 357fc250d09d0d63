import Grading

/// The words every human-readable report shares: the run's settings and its totals.
enum RunSummary {
    /// Points earned, counting only checks that ran (a skipped check is worth nothing), non-finite
    /// values as 0.
    static func score(_ results: [CheckResult]) -> Double {
        results.filter { $0.outcome != .skipped }.reduce(0) { $0 + NumberFormatting.finite($1.score) }
    }

    /// Points available from checks that ran.
    static func maxScore(_ results: [CheckResult]) -> Double {
        results.filter { $0.outcome != .skipped }.reduce(0) { $0 + NumberFormatting.finite($1.points) }
    }

    /// `3 passed, 1 failed, 0 errored, 2 skipped; score 6/8`.
    static func totals(_ results: [CheckResult]) -> String {
        counts(results) + "; score " + points(results)
    }

    /// `3 passed, 1 failed, 0 errored, 2 skipped`.
    static func counts(_ results: [CheckResult]) -> String {
        CheckOutcome.allCases.map { outcome in
            "\(results.filter { $0.outcome == outcome }.count) \(outcome.rawValue)"
        }.joined(separator: ", ")
    }

    /// `6/8`.
    static func points(_ results: [CheckResult]) -> String {
        NumberFormatting.points(score(results)) + "/" + NumberFormatting.points(maxScore(results))
    }

    /// `swift-reference: profile 2024 (reason), seed 42, gradecheck 1.2.0`.
    static func settings(_ run: GradingRun) -> String {
        let reason = run.profileReason.isEmpty ? "" : " (\(run.profileReason))"
        return "\(run.implementation): profile \(run.profile)\(reason), seed \(run.seed), gradecheck \(run.toolVersion)"
    }

    /// Settings, then totals, one per line.
    static func text(_ run: GradingRun) -> String {
        settings(run) + "\n" + totals(run.results)
    }
}
