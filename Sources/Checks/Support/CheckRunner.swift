import Dispatch
import Foundation
import Grading
import Implementation

/// Runs checks one after the other and turns each into a verdict; one check's failure or error
/// never stops the others.
///
/// The verdict follows the grading policy: the profile decides whether a check applies and
/// whether it carries points (course code is `provided`); an operation the implementation lacks,
/// or a call that reports missing work, is `missing` (its points stay in the maximum); an answer
/// the course accepts but the reference does not reproduce is `warned`; with `strict`, warnings
/// fail. An extra check (something the course never asks) that fails only warns.
public struct CheckRunner {
    public let checks: [Check]
    /// Warnings become failures (staff who want exact reference behaviour).
    public var strict: Bool

    public init(checks: [Check], strict: Bool = false) {
        self.checks = checks
        self.strict = strict
    }

    /// The checks whose id matches any `only` glob (all when empty) and no `skip` glob.
    public static func select(_ checks: [Check], only: [String], skip: [String]) -> [Check] {
        checks.filter { check in
            (only.isEmpty || only.contains { Glob.matches($0, check.id) }) && !skip.contains { Glob.matches($0, check.id) }
        }
    }

    /// Runs every check with one implementation, under its context's profile.
    public func run(
        _ context: CheckContext, onResult: (CheckResult) -> Void = { _ in },
        onObservations: (CheckResult, [Observation]) -> Void = { _, _ in }
    ) throws -> [CheckResult] {
        try run([context], onResult: onResult, onObservations: onObservations)
    }

    /// Runs every check under the plan of the contexts' profiles: each check is graded by the
    /// context whose profile carries its points (or provides it). A broken or missing fixture is
    /// the harness's problem, not the implementation's: it stops the run with `FixtureProblem`
    /// (exit code 2); a check that misuses its own definition stops it with
    /// `CheckDefinitionError` (exit code 3).
    public func run(
        _ contexts: [CheckContext], onResult: (CheckResult) -> Void = { _ in },
        onObservations: (CheckResult, [Observation]) -> Void = { _, _ in }
    ) throws -> [CheckResult] {
        let plan = ProfilePlan(contexts.map(\.profile))
        let ordered = plan.parts.map { part in contexts.first { $0.profile == part }! }
        var results: [CheckResult] = []
        for check in checks {
            let (part, status) = plan.assign(check)
            let context = ordered[part]
            context.check = check
            context.observations = []
            context.warnings = []
            context.figures = []
            defer { context.check = nil }
            let result = try run(check, context, status)
            onObservations(result, context.observations)
            onResult(result)
            results.append(result)
        }
        return results
    }

    func run(_ check: Check, _ context: CheckContext, _ status: CheckStatus) throws -> CheckResult {
        var points = check.points
        if case .provided = status { points = 0 }
        func result(_ outcome: CheckOutcome, _ message: String, _ duration: Double, missing: CheckResult.MissingKind? = nil) -> CheckResult {
            var warnings = context.warnings
            for w in context.implementation.takeWarnings() where !warnings.contains(w) { warnings.append(w) }
            return CheckResult(
                id: check.id, group: check.group, title: check.title, outcome: outcome, points: points,
                message: message, warnings: outcome.earnsPoints ? warnings : [], missingKind: missing,
                tolerance: check.tolerance, output: context.implementation.takeOutput(), duration: duration,
                hidden: check.hidden)
        }
        if case let .notApplicable(reason) = status {
            return result(.notApplicable, "not applicable: \(reason)", 0)
        }
        let raw = evaluate(check, context)
        let evaluation = adjust(raw, check: check)
        if let fault = evaluation.harnessFault { throw fault }
        for w in evaluation.extraWarnings { context.warn(w) }
        var made = result(evaluation.outcome, evaluation.message, evaluation.duration, missing: evaluation.missing)
        if made.outcome == .passed, !made.warnings.isEmpty {
            made = CheckResult(
                id: made.id, group: made.group, title: made.title, outcome: .warned, points: points, message: made.message,
                warnings: made.warnings, tolerance: made.tolerance, output: made.output, duration: made.duration, hidden: made.hidden)
        }
        if strict, made.outcome == .warned {
            made = CheckResult(
                id: made.id, group: made.group, title: made.title, outcome: .failed, points: points,
                message: "--strict: the answer differs from the reference engine's:\n" + made.warnings.map { "- " + $0 }.joined(separator: "\n"),
                tolerance: made.tolerance, output: made.output, duration: made.duration, hidden: made.hidden)
        }
        if case let .provided(reason) = status {
            let note: String = switch made.outcome {
            case .passed, .warned: "no points; your copy passes"
            case .missing: "no points; your copy is missing: \(made.message)"
            default: "no points; your copy does not pass: \(made.message)"
            }
            made = CheckResult(
                id: made.id, group: made.group, title: made.title, outcome: .provided, points: 0,
                message: reason + " (" + note + ")", warnings: made.warnings, tolerance: made.tolerance,
                output: made.output, duration: made.duration, hidden: made.hidden)
        }
        made.figures = figures(context.figures, failed: raw.outcome == .failed)
        return made
    }

    /// The figures a check keeps: curves always, difference maps only when an answer failed (a
    /// map drawn by a comparison the check then set aside would point at nothing wrong).
    func figures(_ figures: [CheckFigure], failed: Bool) -> [CheckFigure] {
        figures.filter { figure in
            if case .differenceMap = figure { return failed }
            return true
        }
    }

    struct Evaluation {
        var outcome: CheckOutcome
        var message: String
        var duration: Double
        var missing: CheckResult.MissingKind? = nil
        var extraWarnings: [String] = []
        /// A fault of the grader found while the check ran: it stops the run.
        var harnessFault: Error? = nil
    }

    /// Runs the check's body and classifies what happened.
    func evaluate(_ check: Check, _ context: CheckContext) -> Evaluation {
        for operation in check.requires where !context.implementation.supportedOperations.contains(operation) {
            let error = context.implementation.unavailability(of: operation)
                ?? .notImplemented(operation: operation.rawValue, detail: "\(operation.rawValue) is not provided by \(context.implementation.name)")
            return missing(error, 0)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        do {
            try check.body(context)
            return Evaluation(outcome: .passed, message: "", duration: elapsed())
        } catch let failure as CheckFailure {
            return Evaluation(outcome: .failed, message: failure.message, duration: elapsed())
        } catch let error as ImplementationError {
            if error.isMissingWork { return missing(error, elapsed()) }
            return Evaluation(outcome: .errored, message: error.description, duration: elapsed())
        } catch let problem as FixtureProblem {
            return Evaluation(outcome: .errored, message: problem.description, duration: elapsed(), harnessFault: problem)
        } catch let problem as CheckDefinitionError {
            return Evaluation(outcome: .errored, message: problem.description, duration: elapsed(), harnessFault: problem)
        } catch {
            // Anything else comes from taking the student's answer apart (a reshape of an
            // output with the wrong number of entries): the answer is unusable.
            return Evaluation(outcome: .errored, message: "the answer could not be used: \(error)", duration: elapsed())
        }
    }

    func missing(_ error: ImplementationError, _ duration: Double) -> Evaluation {
        if case let .doesNotImport(_, detail) = error {
            return Evaluation(outcome: .missing, message: detail, duration: duration, missing: .doesNotImport)
        }
        if case let .notImplemented(_, detail) = error, !detail.isEmpty {
            return Evaluation(outcome: .missing, message: detail, duration: duration, missing: .notImplemented)
        }
        return Evaluation(outcome: .missing, message: error.description, duration: duration, missing: .notImplemented)
    }

    /// An extra that fails or errors only warns.
    func adjust(_ evaluation: Evaluation, check: Check) -> Evaluation {
        var e = evaluation
        if check.extra, e.outcome == .failed || e.outcome == .errored {
            e.extraWarnings = ["not required by the course (no points): " + e.message]
            e.outcome = .passed
            e.message = ""
        }
        return e
    }
}

/// Shell-style globs over check ids: `*` matches any run of characters, `?` one character.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var (pi, ti, star, mark) = (0, 0, -1, 0)
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1; ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
