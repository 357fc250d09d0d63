import ArgumentParser
import Checks
import Datasets
import Fixtures
import Foundation
import Grading
import Implementation
import Mutants
import Adapters
import Diagnosis
import ReferenceImplementation
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
            sandboxed process; without one, the built-in Swift reference is graded in-process. Exit code 0 when every \
            check passed, 1 when one failed or errored, 2 for bad usage or input, 3 for an internal error.
            """)

    @Argument(help: "A submission: the folder holding cs231n/ (or cs231n/ itself, or an assignment folder above it).")
    var submission: String?

    @Option(help: "Assignment year whose conventions apply (2016 ... 2026), or auto to detect it from the submission.")
    var profile: String = "auto"

    @Option(help: "Seconds a single call into the submission may take before its process is killed.")
    var timeout: Double = 10

    @Option(help: "Seconds the whole grading of a submission may take.")
    var globalTimeout: Double = 900

    @Option(help: "The Python interpreter (with numpy) that runs the submission.")
    var python: String = "python3"

    @Option(help: "Only checks whose id matches one of these globs (e.g. 'layers.*'); repeatable.")
    var only: [String] = []

    @Option(help: "Skip checks whose id matches one of these globs; repeatable.")
    var skip: [String] = []

    @Option(help: "The fixtures folder (cases/ inside).")
    var fixtures: String = "fixtures"

    @Option(help: "JUnit XML report path.")
    var junit: String = "reports/junit.xml"

    @Option(help: "Gradescope results.json path.")
    var gradescope: String = "reports/results.json"

    @Option(help: "Markdown summary path (for CI job summaries).")
    var markdown: String = "reports/summary.md"

    @Option(help: "Seed of the checks' random choices.")
    var seed: UInt32 = 0

    @Option(help: "Grade the reference with one known mistake applied (see `gradecheck list --mutants`), to see what a failing report looks like.")
    var mutant: String?

    func run() throws {
        let run: GradingRun, timing: String?
        do {
            (run, timing) = try grade()
        } catch {
            throw ExitCodes.report(error)
        }
        Terminal.write(TerminalSummary(color: Terminal.usesColor).render(run))
        Terminal.write("reports: \(junit), \(gradescope), \(markdown)\n")
        if let timing { Terminal.write(timing + "\n") }
        if !run.allPassed { throw ExitCode(ExitCodes.checksFailed) }
    }

    /// Grades and writes the three report files; returns the run and, for a submission, where
    /// the time went.
    func grade() throws -> (run: GradingRun, timing: String?) {
        let started = Date()
        let run: GradingRun
        var timing: String?
        do {
            if submission != nil && mutant != nil {
                throw UsageError(message: "give either a submission or --mutant, not both")
            }
            let catalog = Catalog.checks
            for pattern in only + skip where !catalog.contains(where: { Glob.matches(pattern, $0.id) }) {
                throw UsageError(message: "no check id matches '\(pattern)' (see `gradecheck list`)")
            }
            let selected = CheckRunner.select(catalog, only: only, skip: skip)
            let store = try FixtureStore(folder: URL(fileURLWithPath: fixtures).appendingPathComponent("cases").path)
            let digits = try Digits.load()
            var forced: Profile?
            if profile != "auto" {
                guard let p = Profile(parsing: profile) else { throw UsageError(message: "--profile must be auto or a year 2016 ... 2026, got '\(profile)'") }
                forced = p
            }
            let subject = try Subject.make(
                submission: submission, mutant: mutant, profile: forced, python: python, timeout: timeout, globalTimeout: globalTimeout)
            defer { subject.finish() }
            let context = CheckContext(
                implementation: subject.implementation, fixtures: store,
                trainingData: (digits.train, digits.validation), seed: seed, profile: subject.profile)
            let mistakes = try KnownMistakes(store: store)
            var diagnoses: [String: String] = [:]
            var results = try CheckRunner(checks: selected).run(context, onResult: { result in
                if Terminal.isInteractive { Terminal.write("\r\u{1B}[K\(result.outcome.rawValue): \(result.id)") }
            }, onObservations: { result, observations in
                if result.outcome == .failed, let text = mistakes.diagnosis(check: result.id, observations: observations) {
                    diagnoses[result.id] = text
                }
            })
            for i in results.indices { if let text = diagnoses[results[i].id] { results[i].message += "\n" + text } }
            subject.annotate(&results)
            if let process = subject.implementation as? ProcessImplementation {
                let total = Date().timeIntervalSince(started)
                timing = String(
                    format: "time: %.2f s wall; %.2f s in %d calls to the submission's process (adapter + student code), %.2f s in the harness",
                    total, process.secondsInCalls, process.callCount, total - process.secondsInCalls)
            }
            if Terminal.isInteractive { Terminal.write("\r\u{1B}[K") }
            run = GradingRun(
                implementation: subject.implementation.name, profile: subject.profile.rawValue, profileReason: subject.profileReason,
                seed: seed, toolVersion: GradeCheck.configuration.version, startedAt: started,
                duration: Date().timeIntervalSince(started), results: results)
            try ReportWriter.write(JUnitReport().data(run), to: URL(fileURLWithPath: junit))
            try ReportWriter.write(GradescopeReport().data(run), to: URL(fileURLWithPath: gradescope))
            try ReportWriter.write(Data(MarkdownSummary().render(run).utf8), to: URL(fileURLWithPath: markdown))
        }
        return (run, timing)
    }
}
