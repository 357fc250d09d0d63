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
        position = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1.id, $0) })
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
    /// `onResult` is called after each check, one call at a time (from the worker's thread when
    /// `options.workers` processes share the submission).
    public func grade(
        _ target: Target, hiding: [String] = [], name: String? = nil, onResult: (CheckResult) -> Void = { _ in }
    ) throws -> Graded {
        let started = Date()
        let subjects: [Subject]
        let startup: Double
        switch target {
        case .reference:
            subjects = [Subject.builtIn(ReferenceImplementation(), request, why: "the Swift reference")]
            startup = 0
        case let .mutant(id):
            subjects = [try Subject.mutant(id, request)]
            startup = 0
        case let .submission(path):
            let interpreter = try pythonInterpreter()
            let before = Date()
            subjects = try makeSubjects(path, interpreter: interpreter, hiding: hiding, count: max(1, min(options.workers, checks.count)))
            startup = Date().timeIntervalSince(before)
        }
        defer { for subject in subjects { subject.finish() } }
        let subject = subjects[0]
        let lock = NSLock()
        var diagnoses: [DiagnosedMistake] = [], sentences: [String: String] = [:], deviations: [String: WarningLocations.Deviation] = [:]
        let observe = { (result: CheckResult, observations: [Observation]) in
            guard let match = self.known.match(check: result.id, outcome: result.outcome, observations: observations) else { return }
            lock.withLock {
                diagnoses.append(.init(check: result.id, mistake: match.entry.mistake, kind: match.entry.kind, description: match.entry.description))
                if result.outcome == .warned {
                    deviations[result.id] = .init(text: KnownMistakes.sentence(match), pattern: match.entry.sourcePattern)
                } else {
                    sentences[result.id] = KnownMistakes.sentence(match)
                }
            }
        }
        var results: [CheckResult]
        if subjects.count == 1 {
            results = try CheckRunner(checks: checks, strict: options.strict).run(contexts(subject), onResult: onResult, onObservations: observe)
        } else {
            results = try gradeSideBySide(subjects, onResult: { r in lock.withLock { onResult(r) } }, onObservations: observe)
            diagnoses.sort { position[$0.check]! < position[$1.check]! }
        }
        for i in results.indices {
            if let text = sentences[results[i].id] { results[i].message += "\n" + text }
        }
        WarningLocations(subject: subject, checks: checks, deviations: deviations).annotate(&results)
        for i in results.indices where options.hidden.contains(where: { Glob.matches($0, results[i].id) }) { results[i].hidden = true }
        let processes = subjects.map { $0.parts.compactMap { $0.implementation as? ProcessImplementation } }
        let total = Date().timeIntervalSince(started)
        let timing = processes.joined().isEmpty ? nil : Timing(
            total: total, startup: startup,
            inCalls: processes.map { $0.reduce(0) { $0 + $1.secondsInCalls } }.max() ?? 0,
            calls: processes.joined().reduce(0) { $0 + $1.callCount }, processes: subjects.count > 1 ? subjects.count : nil)
        var run = GradingRun(
            implementation: name ?? subject.name, profile: subject.profileID, profileReason: subject.profileReason,
            seed: options.seed, toolVersion: options.toolVersion, startedAt: started, duration: total, results: results,
            strict: options.strict, isolation: subject.isolation, notes: subject.notes)
        run.diagnoses = diagnoses
        return Graded(run: run, timing: timing, submissionRoot: subject.root)
    }

    /// Each check's place in the catalog selection.
    private let position: [String: Int]

    /// One check context per part of `subject`.
    private func contexts(_ subject: Subject) -> [CheckContext] {
        subject.parts.map { part in
            CheckContext(
                implementation: part.implementation, fixtures: store, trainingData: (digits.train, digits.validation), seed: options.seed,
                profile: part.decision.profile, dropoutP: part.decision.dropoutP)
        }
    }

    /// `count` sandboxed copies of the submission, started side by side. When they do not agree
    /// on the profile (which only the submission's own nondeterminism could cause), only the
    /// first is kept.
    private func makeSubjects(_ path: String, interpreter: PythonAdapter.Interpreter, hiding: [String], count: Int) throws -> [Subject] {
        let settings = settings(hiding: hiding)
        guard count > 1 else { return [try Subject.make(submission: path, request: request, interpreter: interpreter, settings: settings)] }
        let made = Slots<Result<Subject, Error>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            made[k] = Result { try Subject.make(submission: path, request: self.request, interpreter: interpreter, settings: settings) }
        }
        var subjects: [Subject] = [], failure: Error?
        for outcome in made.values {
            switch outcome! {
            case let .success(subject): subjects.append(subject)
            case let .failure(error): failure = failure ?? error
            }
        }
        if let failure {
            for subject in subjects { subject.finish() }
            throw failure
        }
        if subjects.contains(where: { $0.profileID != subjects[0].profileID || $0.parts.count != subjects[0].parts.count }) {
            for extra in subjects.dropFirst() { extra.finish() }
            subjects = [subjects[0]]
        }
        return subjects
    }

    /// The checks divided between the subjects by `CheckShares` (a fixed split: the same
    /// submission is graded the same way every time), each share run by its own subject on a
    /// thread of its own; the results in catalog order.
    private func gradeSideBySide(
        _ subjects: [Subject], onResult: (CheckResult) -> Void, onObservations: (CheckResult, [Observation]) -> Void
    ) throws -> [CheckResult] {
        let shares = CheckShares.split(checks, into: subjects.count)
        let done = Slots<Result<[CheckResult], Error>>(count: subjects.count)
        withoutActuallyEscaping(onResult) { onResult in
            withoutActuallyEscaping(onObservations) { onObservations in
                let callbacks = Unchecked((onResult, onObservations)), each = Unchecked(subjects)
                DispatchQueue.concurrentPerform(iterations: subjects.count) { k in
                    done[k] = Result {
                        try CheckRunner(checks: shares[k], strict: self.options.strict)
                            .run(self.contexts(each.value[k]), onResult: callbacks.value.0, onObservations: callbacks.value.1)
                    }
                }
            }
        }
        var results: [CheckResult] = []
        for outcome in done.values { results += try outcome!.get() }
        return results.sorted { position[$0.id]! < position[$1.id]! }
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
