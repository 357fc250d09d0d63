import Foundation
import Grading
import Reports

/// The report files of one grading run: JUnit XML, Gradescope's results.json, the Markdown
/// summary and the HTML page, written together (all or none) into folders the grader made and
/// checked.
public struct ReportSet: Sendable {
    public var junit: String
    public var gradescope: String
    public var markdown: String
    /// The self-contained HTML page (`HTMLReport`).
    public var html: String
    /// How Gradescope's results.json is written (visibility, formats).
    public var gradescopeFormat = GradescopeReport()

    /// `html` defaults to `report.html` beside the Markdown summary.
    public init(junit: String, gradescope: String, markdown: String, html: String? = nil) {
        self.junit = junit
        self.gradescope = gradescope
        self.markdown = markdown
        self.html = html ?? URL(fileURLWithPath: markdown).deletingLastPathComponent().appendingPathComponent("report.html").path
    }

    /// The files in `folder`: junit.xml, results.json, summary.md, report.html.
    public init(folder: URL) {
        self.init(
            junit: folder.appendingPathComponent("junit.xml").path, gradescope: folder.appendingPathComponent("results.json").path,
            markdown: folder.appendingPathComponent("summary.md").path)
    }

    public var paths: [String] { [junit, gradescope, markdown, html] }

    /// Makes and checks the report folders before any student code runs (`ReportFolders`);
    /// returns their real paths, for the sandbox to hide.
    public func prepare() throws -> [String] {
        try ReportFolders.prepare(paths)
    }

    /// Every report of `run`, with its path.
    public func files(_ run: GradingRun) throws -> [(data: Data, url: URL)] {
        [
            (JUnitReport().data(run), URL(fileURLWithPath: junit)),
            (try gradescopeFormat.data(run), URL(fileURLWithPath: gradescope)),
            (Data(MarkdownSummary().render(run).utf8), URL(fileURLWithPath: markdown)),
            (try HTMLReport().data(run), URL(fileURLWithPath: html)),
        ]
    }

    /// Writes every report of `run`, or none.
    public func write(_ run: GradingRun) throws {
        try ReportWriter.writeSet(files(run))
    }

    /// What a grader fault leaves behind: a JUnit file with one `grader` testcase in `<error>` (so
    /// CI shows red for the right reason), a Markdown note, and no results.json or HTML page (stale ones are
    /// removed, so nothing can be mistaken for a grade). `message` says what went wrong.
    public func writeFault(_ message: String, toolVersion: String) {
        try? FileManager.default.removeItem(atPath: gradescope)
        try? FileManager.default.removeItem(atPath: html)
        let run = GradingRun(
            implementation: "gradecheck", profile: "none", profileReason: "the grader could not grade", seed: 0,
            toolVersion: toolVersion, startedAt: Date(), duration: 0,
            results: [CheckResult(
                id: "grader", group: "grader", title: "gradecheck itself (a fault of the grader or of how it was run, not of the submission)",
                outcome: .errored, points: 0, message: message)])
        try? ReportWriter.write(JUnitReport().data(run), to: URL(fileURLWithPath: junit))
        let md = "## gradecheck could not grade\n\nA fault of the grader or of how it was run, not of the submission: no grade was written.\n\n"
            + "```\n" + message.replacingOccurrences(of: "```", with: "'''") + "\n```\n"
        try? ReportWriter.write(Data(md.utf8), to: URL(fileURLWithPath: markdown))
    }
}
