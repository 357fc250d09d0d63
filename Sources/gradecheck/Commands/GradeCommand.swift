import ArgumentParser
import Checks
import Datasets
import Fixtures
import Foundation
import Grading
import Implementation
import Adapters
import Diagnosis
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

    @OptionGroup var publishing: PublishingOptions

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
        let run: GradingRun, timing: String?
        do {
            (run, timing) = try grade()
        } catch {
            FaultReport(junit: junit, gradescope: gradescope, markdown: markdown).write(error)
            throw ExitCodes.report(error)
        }
        Terminal.write(TerminalSummary(color: Terminal.usesColor).render(run))
        Terminal.write("graded as: \(RunSummary.settings(run))\n")
        for line in RunSummary.context(run) { Terminal.write(line + "\n") }
        Terminal.write("reports: \(junit), \(gradescope), \(markdown)\n")
        if let timing { Terminal.write(timing + "\n") }
        if !run.allPassed { throw ExitCode(ExitCodes.checksFailed) }
    }

    /// Grades and writes the three report files; returns the run and, for a submission, where
    /// the time went.
    func grade() throws -> (run: GradingRun, timing: String?) {
        let started = Date()
        let catalog = Catalog.checks
        for pattern in only + skip + publishing.hidden where !catalog.contains(where: { Glob.matches(pattern, $0.id) }) {
            throw UsageError(message: "no check id matches '\(pattern)' (see `gradecheck list`)")
        }
        let selected = CheckRunner.select(catalog, only: only, skip: skip)
        let fixtures = try FixturesFolder.resolve(self.fixtures)
        let store = try FixtureStore(folder: URL(fileURLWithPath: fixtures).appendingPathComponent("cases").path)
        let digits = try Digits.load()
        let reports = try ReportFolders.prepare([junit, gradescope, markdown] + publishing.files)
        SandboxRegistry.endSandboxesOnSignals()
        let subject = try Subject.make(
            submission: submission, mutant: mutant, request: try Subject.Request(parsing: profile), settings: settings(hiding: [fixtures] + reports))
        defer { subject.finish() }
        let contexts = subject.parts.map { part in
            CheckContext(
                implementation: part.implementation, fixtures: store, trainingData: (digits.train, digits.validation), seed: seed,
                profile: part.decision.profile, dropoutP: part.decision.dropoutP)
        }
        let known = try KnownMistakes(store: store)
        var diagnoses: [String: String] = [:], deviations: [String: WarningLocations.Deviation] = [:]
        var results = try CheckRunner(checks: selected, strict: strict).run(contexts, onResult: { result in
            if Terminal.isInteractive { Terminal.write("\r\u{1B}[K\(result.outcome.label): \(result.id)") }
        }, onObservations: { result, observations in
            guard let text = known.diagnosis(check: result.id, outcome: result.outcome, observations: observations) else { return }
            if result.outcome == .warned {
                deviations[result.id] = .init(text: text, pattern: known.deviation(check: result.id, observations: observations)?.sourcePattern)
            } else {
                diagnoses[result.id] = text
            }
        })
        for i in results.indices {
            if let text = diagnoses[results[i].id] { results[i].message += "\n" + text }
        }
        WarningLocations(subject: subject, checks: selected, deviations: deviations).annotate(&results)
        publishing.hide(&results)
        var timing: String?
        let processes = subject.parts.compactMap { $0.implementation as? ProcessImplementation }
        if !processes.isEmpty {
            let total = Date().timeIntervalSince(started)
            let inCalls = processes.reduce(0) { $0 + $1.secondsInCalls }, calls = processes.reduce(0) { $0 + $1.callCount }
            timing = String(
                format: "time: %.2f s wall; %.2f s in %d calls to the submission's process (adapter + student code), %.2f s in the harness",
                total, inCalls, calls, total - inCalls)
        }
        if Terminal.isInteractive { Terminal.write("\r\u{1B}[K") }
        let run = GradingRun(
            implementation: subject.name, profile: subject.profileID, profileReason: subject.profileReason,
            seed: seed, toolVersion: GradeCheck.configuration.version, startedAt: started,
            duration: Date().timeIntervalSince(started), results: results, strict: strict,
            isolation: subject.isolation, notes: subject.notes)
        try ReportWriter.writeSet([
            (JUnitReport().data(run), URL(fileURLWithPath: junit)),
            (GradescopeReport().data(run), URL(fileURLWithPath: gradescope)),
            (Data(MarkdownSummary().render(run).utf8), URL(fileURLWithPath: markdown)),
        ] + publishing.reports(run, submissionRoot: subject.root))
        return (run, timing)
    }

    /// How the submission's code runs; `hidden` are the grader's own paths (fixtures, reports),
    /// which the sandbox covers with empty folders wherever they would be visible.
    func settings(hiding hidden: [String]) -> Subject.Settings {
        var request = Sandbox.Request(kind: unsafeNoSandbox ? Sandbox.Kind.none : sandbox == .auto ? nil : Sandbox.Kind(rawValue: sandbox.rawValue))
        let cwd = FileManager.default.currentDirectoryPath
        request.hidden = hidden.map { URL(fileURLWithPath: $0).standardizedFileURL.path } + GraderPaths.own + (cwd == "/" ? [] : [cwd])
        request.confine = GraderPaths.confineCommand
        return Subject.Settings(
            python: python, timeout: timeout, globalTimeout: globalTimeout, compatibility: numpyCompat == .on, sandbox: request)
    }
}
