import Adapters
import ArgumentParser
import Foundation
import Grader
import Grading
import Reports

/// `gradecheck grade` (the default command): runs the check catalog against an implementation
/// and writes the JUnit XML, Gradescope JSON and Markdown reports plus a terminal summary.
/// Without a submission it grades the built-in Swift reference, in-process.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Run every check against an implementation and write JUnit XML, Gradescope JSON and Markdown reports.",
        discussion: """
            With a submission folder, the student's Python code is graded through the shipped adapter, in its own \
            sandboxed process; without one, the built-in Swift reference is graded in-process. Points follow what the \
            course accepts: a deviation the course accepts is a warning, missing work scores zero, code the course \
            provided earns nothing. Exit code 0 when every check that carries points passed (with or without \
            warnings), 1 when one failed, errored or is missing, 2 for bad usage or input, 3 for an internal error.
            """)

    @Argument(help: "A submission: the folder holding cs231n/ (or cs231n/ itself, or a folder above it; a folder holding assignment1/ and assignment2/ of a split year is graded as one submission).")
    var submission: String?

    @OptionGroup var grading: GradingOptions

    @Option(help: "JUnit XML report path.")
    var junit: String = "reports/junit.xml"

    @Option(help: "Gradescope results.json path.")
    var gradescope: String = "reports/results.json"

    @Option(help: "Markdown summary path (for CI job summaries).")
    var markdown: String = "reports/summary.md"

    @Option(help: "The HTML report (self-contained: every check, its diagnosis and figures). Default: report.html beside the Markdown summary (reports/report.html).")
    var html: String?

    @Option(help: "Grade the reference with one known mistake applied (see `gradecheck list --mutants`), to see what a failing report looks like.")
    var mutant: String?

    @OptionGroup var publishing: PublishingOptions

    @Option(help: "Processes, each in a sandbox of its own, that share the submission's checks (a fixed split, so a submission is graded the same way every time). Default: 2 on a machine with two cores or more, else 1.")
    var workers: Int = min(2, ProcessInfo.processInfo.activeProcessorCount)

    func validate() throws {
        if submission != nil && mutant != nil {
            throw ValidationError("give either a submission or --mutant, not both")
        }
        guard (1...16).contains(workers) else { throw ValidationError("--workers must be 1 to 16, not \(workers)") }
    }

    func run() throws {
        let graded: Graded
        do {
            graded = try grade()
        } catch {
            // Others could replace what is written there: nothing is.
            if case .unsafeReportFolder = error as? GraderFault {} else {
                reports.writeFault(ExitCodes.describe(error).message, toolVersion: GradeCheck.configuration.version)
            }
            throw ExitCodes.report(error)
        }
        let run = graded.run
        Terminal.write(TerminalSummary(color: Terminal.usesColor).render(run))
        Terminal.write("graded as: \(RunSummary.settings(run))\n")
        for line in RunSummary.context(run) { Terminal.write(line + "\n") }
        Terminal.write("reports: \(reports.paths.joined(separator: ", "))\n")
        if let timing = graded.timing { Terminal.write(timing.line + "\n") }
        if !run.allPassed { throw ExitCode(ExitCodes.checksFailed) }
    }

    /// The report files these options name.
    var reports: ReportSet { ReportSet(junit: junit, gradescope: gradescope, markdown: markdown, html: html) }

    /// Grades and writes the report files.
    func grade() throws -> Graded {
        var options = grading.options
        options.workers = workers
        let grader = try Grader(options, prefetch: submission != nil)
        let hidden = try ReportFolders.prepare(reports.paths + publishing.files)
        SandboxRegistry.endSandboxesOnSignals()
        let target: Grader.Target = submission.map { .submission($0) } ?? mutant.map { .mutant($0) } ?? .reference
        let graded = try grader.grade(target, hiding: hidden) { result in
            if Terminal.isInteractive { Terminal.write("\r\u{1B}[K\(result.outcome.label): \(result.id)") }
        }
        if Terminal.isInteractive { Terminal.write("\r\u{1B}[K") }
        try ReportWriter.writeSet(try reports.files(graded.run) + publishing.reports(graded.run, submissionRoot: graded.submissionRoot))
        return graded
    }
}
