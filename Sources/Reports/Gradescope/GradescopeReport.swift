import Foundation
import Grading

/// A grading run as Gradescope's `results.json`.
///
/// One test per check the assignment contains, numbered `group.index` (both from 1, groups in
/// first-appearance order), named `<check id>: <title>`, tagged with its group:
///
/// | verdict | score / max_score | status | output starts with |
/// |---|---|---|---|
/// | passed | max / max | passed | (captured output) |
/// | passed with warnings | max / max | passed | `Passed with warnings.` and the warnings |
/// | failed, errored | 0 / max | failed | `Wrong answer.` / `Error: ...` |
/// | missing | 0 / max | failed | `Missing: not implemented.` and the reason |
/// | provided | 0 / 0 | passed | `Provided by the course.` |
/// | not applicable | (omitted) | | |
///
/// The top-level `score` is the sum of the tests' scores.
///
/// Hidden checks get `hiddenCheckVisibility` (default `after_published`); the others get the
/// top-level `visibility`. Note Gradescope's rule: while any test is hidden, students do not see
/// their total score.
///
/// Test output is the check's title, message, tolerance and captured output, capped with head +
/// tail and a `[truncated N bytes]` marker, written as `test_output_format: "ansi"`: complete ANSI
/// colour sequences are kept, every other control character is shown as a `\u{XX}` token. Non-finite
/// numbers become 0, so the JSON never holds NaN.
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
            output: VisibleText.make(RunSummary.text(run), mode: .display),
            outputFormat: "text", testOutputFormat: "ansi",
            visibility: visibility, stdoutVisibility: stdoutVisibility, tests: tests)
    }

    /// `results(run)` as pretty-printed JSON with sorted keys, ending with a newline.
    public func data(_ run: GradingRun) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(results(run))
        data.append(0x0A)
        return data
    }

    private func test(_ result: CheckResult, number: String) -> GradescopeResults.Test {
        let name = result.title.isEmpty ? result.id : result.id + ": " + result.title
        var output = JUnitReport.details(result)
        switch result.outcome {
        case .passed: output = result.output
        case .warned: output = "Passed with warnings (the course accepts this; it differs from the reference).\n" + output
        case .failed: output = "Wrong answer.\n" + output
        case .errored: output = "Error: the implementation crashed, timed out or replied with something malformed.\n" + output
        case .missing:
            output = (result.missingKind == .doesNotImport ? "Missing: the file that holds it does not import.\n" : "Missing: not implemented.\n") + output
        case .provided: output = "Provided by the course (no points).\n" + output
        case .notApplicable: output = "Not applicable.\n" + output
        }
        return GradescopeResults.Test(
            name: VisibleText.make(name, mode: .display).replacingOccurrences(of: "\n", with: " "),
            number: number,
            score: NumberFormatting.finite(result.score),
            maxScore: NumberFormatting.finite(result.points),
            status: result.outcome.earnsPoints || result.outcome == .provided ? "passed" : "failed",
            output: VisibleText.make(Truncation.headAndTail(output, maxBytes: maxBytesPerCheck), mode: .ansiColors),
            visibility: result.hidden ? hiddenCheckVisibility : visibility,
            tags: [VisibleText.make(result.group, mode: .display)])
    }
}
