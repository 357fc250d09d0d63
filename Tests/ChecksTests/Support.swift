@testable import Checks
import Datasets
import Fixtures
import Foundation
import Grading
import Implementation
import NumericCore

/// The project's fixtures and the digits, loaded once for all check tests.
enum Shared {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures: FixtureStore = try! FixtureStore(folder: root.appendingPathComponent("fixtures/cases").path)
    static let digits: DataSplits<Double> = try! Digits.load()

    static func context(_ implementation: AssignmentImplementation, profile: Profile = .everything) -> CheckContext {
        CheckContext(
            implementation: implementation, fixtures: fixtures, trainingData: (digits.train, digits.validation), seed: 0,
            profile: profile)
    }

    /// Every selected check against `implementation`, all of them graded (`Profile.everything`)
    /// unless a profile is given.
    static func grade(_ implementation: AssignmentImplementation, only: [String] = [], profile: Profile = .everything, strict: Bool = false) -> [CheckResult] {
        try! CheckRunner(checks: CheckRunner.select(Catalog.checks, only: only, skip: []), strict: strict)
            .run(context(implementation, profile: profile))
    }

    static func run(_ results: [CheckResult]) -> GradingRun {
        GradingRun(implementation: "test", profile: "all", profileReason: "", seed: 0, toolVersion: "test", startedAt: Date(), duration: 0, results: results)
    }
}

extension ProbeAnswers {
    /// What `answer` gives at `points` asked in `order`, as an adapter's `evaluate_batch` reports
    /// it: each value less the first one, the first as `base` and its size as `scale`.
    static func evaluated(_ points: [ProbePlan.Point], _ order: [Int], at x: Tensor<Double>, _ answer: (Tensor<Double>) -> Double) -> ProbeAnswers {
        var first: Double?
        var out = ProbeAnswers(base: 0, scale: 0, values: [])
        for p in order {
            let v = answer(ProbePlan.apply(points[p], to: x))
            if first == nil { first = v; out.base = v; out.scale = abs(v) }
            out.values.append(v - first!)
        }
        return out
    }
}
