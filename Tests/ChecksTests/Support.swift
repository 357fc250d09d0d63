import Checks
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

    static func grade(_ implementation: AssignmentImplementation, only: [String] = []) -> [CheckResult] {
        let context = CheckContext(
            implementation: implementation, fixtures: fixtures, trainingData: (digits.train, digits.validation), seed: 0)
        return try! CheckRunner(checks: CheckRunner.select(Catalog.checks, only: only, skip: [])).run(context)
    }
}
