import Adapters
import Checks
import Foundation
import Grading
import Implementation
import Mutants
import ReferenceImplementation

/// What `gradecheck grade` grades: the built-in reference, a built-in mutant, or a student's
/// submission served by the Python adapter in its own sandboxed process (one per assignment
/// when a folder holds both of a split year).
struct Subject {
    /// One implementation and the profile it is graded under.
    struct Part {
        let implementation: AssignmentImplementation
        let decision: ProfileDetector.Decision
        /// The submission's copy of `cs231n/` that the adapter loaded (to name lines in warnings).
        let source: URL?
        /// Where the adapter says each course function is defined.
        let sources: [String: Value]
    }

    let name: String
    let parts: [Part]
    /// Which isolation the submission's code ran under (empty for the built-in implementations).
    var isolation = ""
    /// What the safe copy left out (links, FIFOs, data files), one line each.
    var notes: [String] = []
    /// The submission root (`SubmissionFolder.root`); nil for the built-in implementations.
    var root: URL?
    private let cleanup: () -> Void

    func finish() { cleanup() }

    /// The plan's name (`2018-2020`, `2025-2026-a1+a2`) and the reasons it was chosen.
    var profileID: String { ProfilePlan(parts.map(\.decision.profile)).id }
    var profileReason: String {
        parts.count == 1 ? parts[0].decision.reason
            : parts.map { "\($0.decision.profile.assignment): \($0.decision.reason)" }.joined(separator: "; ")
    }

    /// What `--profile` asked for: a whole profile (`2018-2020`, `all`), a year, or a year and
    /// an assignment.
    struct Request {
        var profile: Profile?
        var year: Int?
        var assignment: Assignment?

        static let auto = Request()

        init(profile: Profile? = nil, year: Int? = nil, assignment: Assignment? = nil) {
            self.profile = profile
            self.year = year
            self.assignment = assignment
        }

        /// `auto`, `all`, `2019`, `2018-2020`, `2025-a1`, `2023/assignment1`.
        init(parsing text: String) throws {
            let lowered = text.lowercased()
            if lowered == "auto" { self.init(); return }
            if lowered == Profile.everything.id { self.init(profile: .everything); return }
            if let exact = Profile.all.first(where: { $0.id == lowered }) { self.init(profile: exact); return }
            guard let (year, assignment) = Profile.parse(lowered), Profile.named(lowered) != nil else {
                throw UsageError(message: "--profile must be auto, all, a profile (\(Profile.all.map(\.id).joined(separator: ", "))), a year 2016 ... 2026, or a year and an assignment (2025-a1); got '\(text)'")
            }
            self.init(profile: assignment != nil ? Profile.named(lowered) : nil, year: year, assignment: assignment)
        }
    }

    /// How a submission's code is run.
    struct Settings {
        var timeout = 10.0
        var globalTimeout = 900.0
        var compatibility = true
        var sandbox = Sandbox.Request()
    }

    /// A built-in mutant of the reference (`gradecheck list --mutants`).
    static func mutant(_ id: String, _ request: Request) throws -> Subject {
        guard let mutation = MutationCatalog.all.first(where: { $0.id == id }) else {
            throw UsageError(message: "no mutant '\(id)' (see `gradecheck list --mutants`)")
        }
        return builtIn(MutantImplementation(mutation), request, why: "a built-in mutant of the reference")
    }

    /// A student's submission folder, each course-layout part in its own sandbox.
    static func make(submission: String, request: Request, interpreter: PythonAdapter.Interpreter, settings: Settings) throws -> Subject {
        let folder = try SubmissionFolder(locating: submission)
        var sandboxRequest = settings.sandbox
        sandboxRequest.readOnly += interpreter.folders
            + [PythonAdapter.script?.deletingLastPathComponent().path, interpreter.compiledScript.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }].compactMap { $0 }
        sandboxRequest.hidden += folder.parts.map { $0.root.deletingLastPathComponent().path }
        var parts: [Part] = [], isolation: [String] = [], notes: [String] = []
        var cleanups: [() -> Void] = []
        let cleanup = { for c in cleanups { c() } }
        do {
            var chosen = folder.parts
            if folder.parts.count > 1, let wanted = request.assignment ?? request.profile?.assignment {
                chosen = folder.parts.filter { $0.namedAssignment == wanted }
            }
            for part in chosen {
                let started = try start(part, request, interpreter: interpreter, settings: settings, sandbox: sandboxRequest)
                cleanups.append(started.cleanup)
                parts.append(started.part)
                if !isolation.contains(started.isolation) { isolation.append(started.isolation) }
                notes += started.notes
            }
            if parts.count > 1 {
                let profiles = parts.map(\.decision.profile)
                guard Set(profiles.map(\.assignment)).count == profiles.count, profiles[0].years.overlaps(profiles[1].years) else {
                    throw UsageError(message: "\(submission): its folders were graded as \(profiles.map(\.id).joined(separator: " and ")), not the two assignments of one year; point at one of them")
                }
            }
        } catch {
            cleanup()
            throw error
        }
        let name = folder.parts.count > 1 ? folder.parts[0].root.deletingLastPathComponent().lastPathComponent : folder.parts[0].root.lastPathComponent
        var subject = Subject(name: name, parts: parts, cleanup: cleanup)
        subject.isolation = isolation.joined(separator: " | ")
        subject.notes = notes
        subject.root = folder.root
        return subject
    }

    /// The reference or a mutant: graded as `--profile` says, or under `Profile.everything`.
    static func builtIn(_ implementation: AssignmentImplementation, _ request: Request, why: String) -> Subject {
        let profile = request.profile ?? request.year.flatMap { Profile.named(String($0)) } ?? .everything
        let reason = request.profile != nil || request.year != nil ? "given with --profile" : "\(why) implements every course function (2018+ conventions)"
        let decision = ProfileDetector.Decision(profile: profile, reason: reason, dropoutP: .keep)
        return Subject(name: implementation.name, parts: [Part(implementation: implementation, decision: decision, source: nil, sources: [:])], cleanup: {})
    }

    /// One started part: the implementation, how it is isolated, what its copy left out, and
    /// what ends it.
    struct Started {
        let part: Part
        let isolation: String
        let notes: [String]
        let cleanup: () -> Void
    }

    /// Builds the part's sandbox, copies the course-layout folder into it, starts its adapter
    /// inside, decides its profile from what the adapter reports and sends it the profile's
    /// conventions. A copy that breaks the caps is still graded: every check errors with
    /// "submission rejected: ...".
    static func start(
        _ part: SubmissionFolder.Part, _ request: Request, interpreter: PythonAdapter.Interpreter, settings: Settings,
        sandbox sandboxRequest: Sandbox.Request
    ) throws -> Started {
        let sandbox: Sandbox
        do {
            sandbox = try Sandbox(sandboxRequest)
        } catch {
            throw GraderFault.badSetup(error.description)
        }
        let name = part.root.lastPathComponent
        func decide(_ evidence: ProfileEvidence) -> ProfileDetector.Decision {
            if let profile = request.profile {
                let detected = ProfileDetector.decide(evidence, year: profile.years.lowerBound, assignment: profile.assignment)
                return ProfileDetector.Decision(profile: profile, reason: "given with --profile", dropoutP: detected.dropoutP)
            }
            return ProfileDetector.decide(evidence, year: request.year, assignment: request.assignment ?? part.namedAssignment)
        }
        func broken(_ reason: String, _ decision: ProfileDetector.Decision, notes: [String], end: @escaping () -> Void) -> Started {
            let implementation = UnstartableImplementation(name: name, reason: reason)
            return Started(
                part: Part(implementation: implementation, decision: decision, source: part.root, sources: [:]),
                isolation: sandbox.isolation, notes: notes, cleanup: end)
        }
        let copied: SafeCopy.Outcome
        switch Result(catching: { () throws(SafeCopy.Rejection) in
            try SafeCopy.copy(
                from: part.root.appendingPathComponent("cs231n"), to: sandbox.submission.appendingPathComponent("cs231n"), owner: sandbox.owner)
        }) {
        case let .success(outcome):
            copied = outcome
        case let .failure(rejection):
            let decision = decide(ProfileEvidence(notebooks: part.notebooks, folderNames: part.folderNames))
            return broken(rejection.description, decision, notes: [rejection.description], end: { sandbox.finish() })
        }
        let command: [String]
        do {
            command = sandbox.wrap(try PythonAdapter.command(
                python: interpreter.executable, submission: sandbox.submission, compatibility: settings.compatibility,
                searchPath: interpreter.searchPath, compiled: interpreter.compiledScript))
        } catch {
            sandbox.finish()
            throw GraderFault.internalError("\(error)")
        }
        let process = ProcessImplementation(
            command: command,
            environment: PythonAdapter.sandboxEnvironment(home: URL(fileURLWithPath: sandbox.home), inherited: ProcessInfo.processInfo.environment),
            workingDirectory: sandbox.submission, name: name, callTimeout: settings.timeout, globalTimeout: settings.globalTimeout)
        let end = { process.shutdown(); sandbox.finish() }
        var startFailure: AdapterStartupError?
        do { try process.start() } catch { startFailure = error }
        if let error = startFailure {
            if case .spawnFailed = error { end(); throw GraderFault.internalError("\(error)") }
            // The submission stops the adapter before it can say hello (an os._exit or a crash at
            // import time): every check errors with the reason, and the report is still written.
            let decision = decide(ProfileEvidence(notebooks: part.notebooks, folderNames: part.folderNames))
            return broken(error.description, decision, notes: copied.notes, end: end)
        }
        if let fatal = process.hello?.fatal {
            end()
            throw GraderFault.internalError("the Python adapter cannot grade anything: \(fatal)")
        }
        let evidence = EvidenceReading.evidence(process.hello?.evidence ?? [:], notebooks: part.notebooks, folderNames: part.folderNames)
        let decision = decide(evidence)
        process.configuration = [
            "dropout_p": .string(decision.dropoutP.rawValue),
            "provided": .list(decision.profile.providedFunctions.map { .string($0.definition) }),
        ]
        var configureFailure: AdapterStartupError?
        do { try process.configure() } catch { configureFailure = error }
        if let error = configureFailure {
            return broken(error.description, decision, notes: copied.notes, end: end)
        }
        return Started(
            part: Part(implementation: process, decision: decision, source: part.root, sources: process.hello?.sources ?? [:]),
            isolation: sandbox.isolation, notes: copied.notes, cleanup: end)
    }
}

/// A submission whose adapter never started: every check errors with the reason, and the
/// report is still written whole.
final class UnstartableImplementation: AssignmentImplementation {
    let name: String
    let reason: String
    var supportedOperations: Set<Implementation.Operation> { Set(Implementation.Operation.allCases) }

    init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    func call(_ operation: Implementation.Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        throw .crashed("the submission could not be started: \(reason)")
    }
}
