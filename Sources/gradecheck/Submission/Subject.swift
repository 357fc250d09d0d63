import Adapters
import Checks
import Foundation
import Grading
import Implementation
import Mutants
import ReferenceImplementation

/// What `gradecheck grade` grades: the built-in reference, a built-in mutant, or a student's
/// submission served by the Python adapter in its own sandboxed process.
struct Subject {
    let implementation: AssignmentImplementation
    let profile: Profile
    let profileReason: String
    /// Problems the adapter reported while loading the submission (file:line: reason).
    let problems: [String]
    private let cleanup: () -> Void

    func finish() { cleanup() }

    static func make(
        submission: String?, mutant: String?, profile forced: Profile?, python: String, timeout: Double, globalTimeout: Double
    ) throws -> Subject {
        if let mutant {
            guard let mutation = MutationCatalog.all.first(where: { $0.id == mutant }) else {
                throw UsageError(message: "no mutant '\(mutant)' (see `gradecheck list --mutants`)")
            }
            return Subject(implementation: MutantImplementation(mutation), profile: forced ?? .y2018,
                           profileReason: "a built-in mutant follows the 2018+ conventions", problems: [], cleanup: {})
        }
        guard let submission else {
            return Subject(implementation: ReferenceImplementation(), profile: forced ?? .y2018,
                           profileReason: "the Swift reference follows the 2018+ conventions", problems: [], cleanup: {})
        }
        let folder = try SubmissionFolder(locating: submission)
        let copy = try folder.privateCopy()
        let sandbox = copy.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let remove = { _ = try? FileManager.default.removeItem(at: sandbox) }
        let name = folder.root.lastPathComponent
        do {
            let interpreter = try PythonAdapter.resolveInterpreter(python)
            let command = try PythonAdapter.command(
                python: interpreter, submission: copy, profile: forced?.rawValue ?? "auto", limits: PythonAdapter.Limits(),
                isolateNetwork: true, user: getuid() == 0 ? "nobody" : nil)
            let process = ProcessImplementation(
                command: command, environment: PythonAdapter.sandboxEnvironment(home: sandbox, inherited: ProcessInfo.processInfo.environment),
                workingDirectory: copy, name: name, callTimeout: timeout, globalTimeout: globalTimeout)
            try process.start()
            let detected = process.profile.flatMap { Profile(parsing: $0.name) }
            let profile = forced ?? detected ?? .y2018
            let reason = forced != nil ? "given with --profile"
                : detected != nil ? "detected: \(process.profile?.reason ?? "from the submission's code")"
                : "not detected; the 2018+ conventions are assumed"
            let problems = process.problems.map { p in
                [p.file.map { f in p.line.map { "\(f):\($0)" } ?? f }, p.operation, p.reason].compactMap { $0 }.joined(separator: ": ")
            }
            return Subject(implementation: process, profile: profile, profileReason: reason, problems: problems, cleanup: {
                process.shutdown()
                remove()
            })
        } catch let error as AdapterStartupError {
            return Subject(implementation: UnstartableImplementation(name: name, reason: error.description),
                           profile: forced ?? .y2018, profileReason: "the submission could not be started", problems: [error.description],
                           cleanup: remove)
        }
    }

    /// Adds the loading problems to the checks they explain (skipped or errored ones).
    func annotate(_ results: inout [CheckResult]) {
        guard !problems.isEmpty else { return }
        let note = "Problems loading the submission: " + problems.joined(separator: "; ")
        for i in results.indices where results[i].outcome == .skipped || results[i].outcome == .errored {
            if !results[i].message.contains(note) { results[i].message += "\n" + note }
        }
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
