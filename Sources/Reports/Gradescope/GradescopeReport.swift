import Foundation
import Grading

/// A grading run as Gradescope's `results.json`.
///
/// One test per check the assignment contains, numbered `group.index` (both from 1, groups in
/// first-appearance order), named `<check id>: <title>`, tagged with its group:
///
/// | verdict | score / max_score | status | output starts with |
/// |---|---|---|---|
/// | passed | max / max | passed | (captured output, if any) |
/// | passed with warnings | max / max | passed | **Passed with warnings** and the warnings |
/// | failed, errored | 0 / max | failed | **Wrong answer.** / **Error:** ... |
/// | missing | 0 / max | failed | **Missing: not implemented.** and the reason |
/// | provided | 0 / 0 | passed | **Provided by the course** |
/// | not applicable | (omitted) | | |
///
/// The top-level `score` is the sum of the tests' scores. Every test's `extra_data` holds the
/// check id and its verdict; the run's `extra_data` the profile and why, the isolation, the
/// tool version, the seed and every warning.
///
/// Hidden checks get `hiddenCheckVisibility` (default `after_published`); the others get the
/// top-level `visibility`. Note Gradescope's rule: while any test is hidden, students do not see
/// their total score (the summary says so).
///
/// The summary and the tests' outputs are Markdown (`output_format` and `test_output_format`
/// `md`, see `GradescopeReport+Markdown.swift`): numbers, messages and captured output in fenced
/// code blocks, other text escaped, controls shown as `\u{XX}` tokens, long text capped with head +
/// tail and a `[truncated N bytes]` marker. Non-finite numbers become 0, so the JSON never holds NaN.
public struct GradescopeReport: Sendable {
    public var visibility: GradescopeVisibility
    public var stdoutVisibility: GradescopeVisibility
    public var hiddenCheckVisibility: GradescopeVisibility
    /// Cap on one test's output, in UTF-8 bytes of the original text.
    public var maxBytesPerCheck: Int

    public init(
        visibility: GradescopeVisibility = .visible, stdoutVisibility: GradescopeVisibility = .hidden,
        hiddenCheckVisibility: GradescopeVisibility = .afterPublished,
        maxBytesPerCheck: Int = Truncation.defaultMaxBytes
    ) {
        self.visibility = visibility
        self.stdoutVisibility = stdoutVisibility
        self.hiddenCheckVisibility = hiddenCheckVisibility
        self.maxBytesPerCheck = maxBytesPerCheck
    }

    /// The results model.
    public func results(_ run: GradingRun) -> GradescopeResults {
        var tests: [GradescopeResults.Test] = []
        let applicable = run.groups.map { ($0.name, $0.results.filter { $0.outcome != .notApplicable }) }.filter { !$0.1.isEmpty }
        for (groupIndex, group) in applicable.enumerated() {
            for (index, result) in group.1.enumerated() {
                tests.append(test(result, number: "\(groupIndex + 1).\(index + 1)"))
            }
        }
        return GradescopeResults(
            score: tests.reduce(0) { $0 + $1.score },
            executionTime: Double(NumberFormatting.milliseconds(run.duration)) / 1000,
            output: Self.summary(run, hiddenTests: hiddenCheckVisibility == visibility ? 0 : run.results.filter { $0.hidden && $0.outcome != .notApplicable }.count),
            outputFormat: "md", testOutputFormat: "md",
            visibility: visibility, stdoutVisibility: stdoutVisibility, extraData: Self.extraData(run), tests: tests)
    }

    /// `results(run)` as pretty-printed JSON with sorted keys, ending with a newline.
    public func data(_ run: GradingRun) throws -> Data {
        try ReportJSON.data(results(run))
    }

    static func extraData(_ run: GradingRun) -> GradescopeResults.RunData {
        GradescopeResults.RunData(
            profile: run.profile, profileReason: run.profileReason, isolation: run.isolation, toolVersion: run.toolVersion,
            seed: run.seed, strict: run.strict,
            warnings: run.results.flatMap { result in result.warnings.map { GradescopeResults.Warning(check: result.id, warning: $0) } },
            notes: run.notes)
    }

    private func test(_ result: CheckResult, number: String) -> GradescopeResults.Test {
        let name = result.title.isEmpty ? result.id : result.id + ": " + result.title
        return GradescopeResults.Test(
            name: VisibleText.make(name, mode: .display).replacingOccurrences(of: "\n", with: " "),
            number: number,
            score: NumberFormatting.finite(result.score),
            maxScore: NumberFormatting.finite(result.points),
            status: result.outcome.earnsPoints || result.outcome == .provided ? "passed" : "failed",
            output: Self.output(result, maxBytes: maxBytesPerCheck),
            visibility: result.hidden ? hiddenCheckVisibility : visibility,
            tags: [VisibleText.make(result.group, mode: .display)],
            extraData: GradescopeResults.TestData(check: result.id, outcome: result.outcome.rawValue))
    }
}
