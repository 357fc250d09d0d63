import Foundation
import Grading
import Reports

/// What a grader fault leaves behind: a JUnit file with one `grader` testcase in `<error>` (so CI
/// shows red for the right reason), a Markdown note, and no `results.json` (a stale one is
/// removed, so nothing can be mistaken for a grade).
struct FaultReport {
    let junit: String
    let gradescope: String
    let markdown: String

    func write(_ error: Error) {
        // Others could replace what is written there: nothing is.
        if case .unsafeReportFolder = error as? GraderFault { return }
        let message = ExitCodes.describe(error).message
        try? FileManager.default.removeItem(atPath: gradescope)
        let run = GradingRun(
            implementation: "gradecheck", profile: "none", profileReason: "the grader could not grade", seed: 0,
            toolVersion: GradeCheck.configuration.version, startedAt: Date(), duration: 0,
            results: [CheckResult(
                id: "grader", group: "grader", title: "gradecheck itself (a fault of the grader or of how it was run, not of the submission)",
                outcome: .errored, points: 0, message: message)])
        try? ReportWriter.write(JUnitReport().data(run), to: URL(fileURLWithPath: junit))
        let md = "## gradecheck could not grade\n\nA fault of the grader or of how it was run, not of the submission: no grade was written.\n\n"
            + "```\n" + message.replacingOccurrences(of: "```", with: "'''") + "\n```\n"
        try? ReportWriter.write(Data(md.utf8), to: URL(fileURLWithPath: markdown))
    }
}
