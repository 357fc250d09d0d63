import Foundation
import Testing

@testable import Reports

/// The four formats on one fixed run. Re-record with `GRADECHECK_RECORD_SNAPSHOTS=1 swift test`.
@Suite struct SnapshotTests {
    @Test func junit() {
        expectSnapshot(JUnitReport(hostname: "ci-runner").render(SampleRuns.fixed), named: "junit", matches: Snapshots.junit)
    }

    @Test func gradescope() throws {
        let json = String(decoding: try GradescopeReport().data(SampleRuns.fixed), as: UTF8.self)
        expectSnapshot(json, named: "gradescope", matches: Snapshots.gradescope)
    }

    @Test func markdown() {
        expectSnapshot(MarkdownSummary().render(SampleRuns.fixed), named: "markdown", matches: Snapshots.markdown)
    }

    @Test func terminal() {
        expectSnapshot(TerminalSummary(color: false).render(SampleRuns.fixed), named: "terminalPlain",
            matches: Snapshots.terminalPlain)
        expectSnapshot(TerminalSummary(color: true).render(SampleRuns.fixed), named: "terminalColor",
            matches: Snapshots.terminalColor)
    }

    @Test func snapshotSourceRoundTripsAwkwardText() {
        // The recorder must pick a delimiter the text cannot close early.
        let source = snapshotSource(name: "x", text: "a \"\"\"# b \\# c")
        #expect(source.contains("static let x = ##\"\"\"\na \"\"\"# b \\# c\n\"\"\"##\n"))
    }
}
