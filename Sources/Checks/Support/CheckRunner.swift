import Dispatch
import Foundation
import Grading
import Implementation

/// Runs checks one after the other; one check's failure or error never stops the others.
public struct CheckRunner {
    public let checks: [Check]

    public init(checks: [Check]) { self.checks = checks }

    /// The checks whose id matches any `only` glob (all when empty) and no `skip` glob.
    public static func select(_ checks: [Check], only: [String], skip: [String]) -> [Check] {
        checks.filter { check in
            (only.isEmpty || only.contains { Glob.matches($0, check.id) }) && !skip.contains { Glob.matches($0, check.id) }
        }
    }

    /// Runs every check. A broken or missing fixture is the harness's problem, not the
    /// implementation's: it stops the run with `FixtureProblem` (the CLI's exit code 2).
    public func run(
        _ context: CheckContext, onResult: (CheckResult) -> Void = { _ in },
        onObservations: (CheckResult, [Observation]) -> Void = { _, _ in }
    ) throws(FixtureProblem) -> [CheckResult] {
        var results: [CheckResult] = []
        for check in checks {
            context.observations = []
            let result = try run(check, context)
            onObservations(result, context.observations)
            onResult(result)
            results.append(result)
        }
        return results
    }

    func run(_ check: Check, _ context: CheckContext) throws(FixtureProblem) -> CheckResult {
        func result(_ outcome: CheckOutcome, _ message: String, _ duration: Double) -> CheckResult {
            CheckResult(
                id: check.id, group: check.group, title: check.title, outcome: outcome, points: check.points,
                message: message, tolerance: check.tolerance, output: context.implementation.takeOutput(),
                duration: duration, hidden: check.hidden)
        }
        if let reason = context.profile.exclusion(of: check) {
            return result(.skipped, "not applicable: \(reason)", 0)
        }
        let missing = check.requires.filter { !context.implementation.supportedOperations.contains($0) }
        if !missing.isEmpty {
            return result(.skipped, "not implemented: \(missing.map(\.rawValue).joined(separator: ", "))", 0)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        do {
            try check.body(context)
            return result(.passed, "", elapsed())
        } catch let problem as FixtureProblem {
            throw problem
        } catch let failure as CheckFailure {
            return result(.failed, failure.message, elapsed())
        } catch let error as ImplementationError {
            if case .notImplemented = error { return result(.skipped, error.description, elapsed()) }
            return result(.errored, error.description, elapsed())
        } catch {
            return result(.errored, "\(error)", elapsed())
        }
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
