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

    @Option(help: "The profile: auto (detect from the submission), all, a year 2016 ... 2026, a year and assignment (2025-a1), or a profile id (see `gradecheck list --profiles`).")
    var profile: String = "auto"

    @Flag(help: "Warnings fail: grade for exact agreement with the reference engine instead of what the course accepts.")
    var strict = false

    @Option(help: "on: removed numpy APIs and Python 2 builtins are served by a compatibility layer, with a warning; off: graded strictly on today's numpy.")
    var numpyCompat: CompatibilitySwitch = .on

    @Option(help: "Seconds a single call into the submission may take before its process is killed.")
    var timeout: Double = 10

    @Option(help: "Seconds the whole grading of a submission may take.")
    var globalTimeout: Double = 900

    @Option(help: "The Python interpreter (with numpy) that runs the submission.")
    var python: String = "python3"

    @Option(help: "The sandbox for the submission's code: auto (bubblewrap, else unshare + Landlock + seccomp), bubblewrap or landlock. Without one that works, grading refuses (see `gradecheck doctor`).")
    var sandbox: SandboxChoice = .auto

    @Flag(help: "Run the submission's code with no sandbox, with the grader's privileges (only for code you trust); the reports say so.")
    var unsafeNoSandbox = false

    @Option(help: "Only checks whose id matches one of these globs (e.g. 'layers.*'); repeatable.")
    var only: [String] = []

    @Option(help: "Skip checks whose id matches one of these globs; repeatable.")
    var skip: [String] = []

    @Option(help: "The fixtures folder (cases/ inside). Default: the installed fixtures (PREFIX/share/gradecheck/fixtures beside PREFIX/bin/gradecheck), else the source tree's.")
    var fixtures: String?

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

    enum CompatibilitySwitch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    enum SandboxChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, bubblewrap, landlock
    }

    func validate() throws {
        for (name, value) in [("--timeout", timeout), ("--global-timeout", globalTimeout)] where !(value.isFinite && value > 0) {
            throw ValidationError("\(name) must be a positive number of seconds, got \(value)")
        }
        if submission != nil && mutant != nil {
            throw ValidationError("give either a submission or --mutant, not both")
        }
        if unsafeNoSandbox && sandbox != .auto {
            throw ValidationError("give either --sandbox \(sandbox.rawValue) or --unsafe-no-sandbox, not both")
        }
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
        Terminal.write("reports: \(junit), \(gradescope), \(markdown)\n")
        if let timing = graded.timing { Terminal.write(timing.line + "\n") }
        if !run.allPassed { throw ExitCode(ExitCodes.checksFailed) }
    }

    /// The grader these options describe.
    var options: GradeOptions {
        var options = GradeOptions()
        options.strict = strict
        options.only = only
        options.skip = skip
        options.seed = seed
        options.fixtures = fixtures
        options.profile = profile
        options.python = python
        options.timeout = timeout
        options.globalTimeout = globalTimeout
        options.compatibility = numpyCompat == .on
        options.sandbox = unsafeNoSandbox ? .none : GradeOptions.SandboxChoice(rawValue: sandbox.rawValue) ?? .auto
        options.toolVersion = GradeCheck.configuration.version
        return options
    }

    /// The report files these options name.
    var reports: ReportSet { ReportSet(junit: junit, gradescope: gradescope, markdown: markdown) }

    /// Grades and writes the report files.
    func grade() throws -> Graded {
        let grader = try Grader(options)
        let hidden = try reports.prepare()
        SandboxRegistry.endSandboxesOnSignals()
        let target: Grader.Target = submission.map { .submission($0) } ?? mutant.map { .mutant($0) } ?? .reference
        let graded = try grader.grade(target, hiding: hidden) { result in
            if Terminal.isInteractive { Terminal.write("\r\u{1B}[K\(result.outcome.label): \(result.id)") }
        }
        if Terminal.isInteractive { Terminal.write("\r\u{1B}[K") }
        try reports.write(graded.run)
        return graded
    }
}
