import Adapters
import Checks
import Datasets
import Diagnosis
import Fixtures
import Foundation
import Grading
import Implementation
import NumericCore
import ReferenceImplementation

/// Grades implementations against the check catalog: what `gradecheck grade` does for one
/// submission and `gradecheck grade-class` for a class, behind one API.
///
/// What every grading shares is loaded once, in `init`: the selected checks, the fixtures, the
/// known mistakes and the digits; the Python interpreter is probed on the first submission.
/// `grade(_:)` may be called from several threads at once (each call builds its own sandbox,
/// adapter process and check contexts).
public final class Grader: @unchecked Sendable {
    public let options: GradeOptions
    /// The checks `--only` / `--skip` selected, in catalog order.
    public let checks: [Check]
    /// The fixtures folder in use (hidden from every sandbox).
    public let fixturesFolder: String
    let request: Subject.Request
    let store: FixtureStore
    let known: KnownMistakes
    let digits: DataSplits<Double>
    /// The Python interpreter, probed once (in the background from `init` with `prefetch`).
    private let interpreterProbe: InterpreterProbe

    /// Loads what every grading shares. Throws `UsageError` for a glob that matches no check or a
    /// bad profile, `GraderFault.missingData` when no fixtures are found, `FixtureError` for a
    /// malformed fixture file.
    ///
    /// With `prefetch` (submissions will be graded) the Python interpreter and bubblewrap are
    /// probed on a thread of their own while the fixtures load: two processes that otherwise
    /// run one after the other before the first submission starts.
    public init(_ options: GradeOptions, prefetch: Bool = false) throws {
        interpreterProbe = InterpreterProbe(python: options.python)
        if prefetch {
            interpreterProbe.start()
            if options.sandbox == .auto || options.sandbox == .bubblewrap { Thread { _ = Bubblewrap.probe }.start() }
        }
        let catalog = Catalog.checks
        for pattern in options.only + options.skip + options.hidden where !catalog.contains(where: { Glob.matches(pattern, $0.id) }) {
            throw UsageError(message: "no check id matches '\(pattern)' (see `gradecheck list`)")
        }
        self.options = options
        checks = CheckRunner.select(catalog, only: options.only, skip: options.skip)
        request = try Subject.Request(parsing: options.profile)
        fixturesFolder = try FixturesFolder.resolve(options.fixtures)
        store = try FixtureStore(folder: URL(fileURLWithPath: fixturesFolder).appendingPathComponent("cases").path)
        known = try KnownMistakes(store: store)
        digits = try Digits.load()
    }

    /// Throws `UsageError` unless `text` is a profile `--profile` accepts.
    public static func checkProfile(_ text: String) throws {
        _ = try Subject.Request(parsing: text)
    }

    /// What is graded: the built-in reference, a built-in mutant, or a submission folder.
    public enum Target: Sendable, Equatable {
        case reference
        case mutant(String)
        case submission(String)
    }

    /// Grades `target`. `hiding` are more of the grader's folders (the report folders) that the
    /// sandbox covers; `name` replaces the run's implementation name (a student id).
    /// `onResult` is called after each check, on the calling thread.
    public func grade(
        _ target: Target, hiding: [String] = [], name: String? = nil, onResult: (CheckResult) -> Void = { _ in }
    ) throws -> Graded {
        let started = Date()
        let subject: Subject
        let startup: Double
        switch target {
        case .reference:
            subject = Subject.builtIn(ReferenceImplementation(), request, why: "the Swift reference")
            startup = 0
        case let .mutant(id):
            subject = try Subject.mutant(id, request)
            startup = 0
        case let .submission(path):
            let interpreter = try pythonInterpreter()
            let before = Date()
            subject = try Subject.make(submission: path, request: request, interpreter: interpreter, settings: settings(hiding: hiding))
            startup = Date().timeIntervalSince(before)
        }
        defer { subject.finish() }
        let contexts = subject.parts.map { part in
            CheckContext(
                implementation: part.implementation, fixtures: store, trainingData: (digits.train, digits.validation), seed: options.seed,
                profile: part.decision.profile, dropoutP: part.decision.dropoutP)
        }
        var diagnoses: [DiagnosedMistake] = [], sentences: [String: String] = [:], deviations: [String: WarningLocations.Deviation] = [:]
        var results = try CheckRunner(checks: checks, strict: options.strict).run(contexts, onResult: onResult, onObservations: { result, observations in
            guard let match = known.match(check: result.id, outcome: result.outcome, observations: observations) else { return }
            diagnoses.append(.init(check: result.id, mistake: match.entry.mistake, kind: match.entry.kind, description: match.entry.description))
            if result.outcome == .warned {
                deviations[result.id] = .init(text: KnownMistakes.sentence(match), pattern: match.entry.sourcePattern)
            } else {
                sentences[result.id] = KnownMistakes.sentence(match)
            }
        })
        for i in results.indices {
            if let text = sentences[results[i].id] { results[i].message += "\n" + text }
        }
        WarningLocations(subject: subject, checks: checks, deviations: deviations).annotate(&results)
        for i in results.indices where options.hidden.contains(where: { Glob.matches($0, results[i].id) }) { results[i].hidden = true }
        let processes = subject.parts.compactMap { $0.implementation as? ProcessImplementation }
        let total = Date().timeIntervalSince(started)
        let timing = processes.isEmpty ? nil : Timing(
            total: total, startup: startup, inCalls: processes.reduce(0) { $0 + $1.secondsInCalls },
            calls: processes.reduce(0) { $0 + $1.callCount })
        var run = GradingRun(
            implementation: name ?? subject.name, profile: subject.profileID, profileReason: subject.profileReason,
            seed: options.seed, toolVersion: options.toolVersion, startedAt: started, duration: total, results: results,
            strict: options.strict, isolation: subject.isolation, notes: subject.notes)
        run.diagnoses = diagnoses
        return Graded(run: run, timing: timing, submissionRoot: subject.root)
    }

    /// The interpreter `options.python` names, probed once (it must import numpy).
    func pythonInterpreter() throws -> PythonAdapter.Interpreter {
        try interpreterProbe.get()
    }

    /// How a submission's code runs; `hidden` are the grader's own paths, which the sandbox
    /// covers with empty folders wherever they would be visible: the fixtures, the report
    /// folders, the binary's folder and the working folder.
    func settings(hiding hidden: [String]) -> Subject.Settings {
        var request = Sandbox.Request(kind: options.sandbox.kind)
        let cwd = FileManager.default.currentDirectoryPath
        request.hidden = ([fixturesFolder] + hidden).map { URL(fileURLWithPath: $0).standardizedFileURL.path } + GraderPaths.own + (cwd == "/" ? [] : [cwd])
        request.confine = GraderPaths.confineCommand
        return Subject.Settings(
            timeout: options.timeout, globalTimeout: options.globalTimeout,
            compatibility: options.compatibility, sandbox: request)
    }
}

/// One graded run and, for a submission, where its time went.
public struct Graded: Sendable {
    public let run: GradingRun
    public let timing: Timing?
    /// The submission folder graded (nil for the built-in implementations).
    public let submissionRoot: URL?
}
