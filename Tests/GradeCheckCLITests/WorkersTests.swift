@testable import Checks
import Foundation
@testable import Grader
import Grading
import Testing

/// `gradecheck grade --workers N`: processes that share one submission's checks grade it exactly
/// as one process does (same outcomes, points, messages and warnings, in catalog order), and the
/// split of the checks is fixed and even.
@Suite("Processes side by side")
struct WorkersTests {
    static func grade(_ example: String, workers: Int) throws -> GradingRun {
        var options = GradeOptions()
        options.workers = workers
        options.timeout = 10
        options.toolVersion = "test"
        let grader = try Grader(options)
        return try grader.grade(.submission(ExampleSubmissionTests.examples.appendingPathComponent(example).path)).run
    }

    /// What a report says of each check, without its timing and captured output (and with the
    /// random request ids that messages about a forged reply quote made alike).
    static func verdicts(_ run: GradingRun) -> [String] {
        run.results.map { "\($0.id) \($0.outcome) \($0.points) \($0.message) \($0.warnings)".replacing(/request \d+/, with: "request N") }
    }

    @Test("two processes grade as one does", arguments: [
        "correct", "wrong-dw-transposed", "accepted-dropout-mask-drawn-differently", "hostile-perturbation-oracle",
        "hostile-reply-forgery", "missing-starter-stubs",
    ])
    func sameVerdicts(example: String) throws {
        let one = try Self.grade(example, workers: 1), two = try Self.grade(example, workers: 2)
        #expect(two.results.map(\.id) == one.results.map(\.id), "catalog order")
        #expect(Self.verdicts(two) == Self.verdicts(one))
        #expect(two.profile == one.profile && two.diagnoses == one.diagnoses)
    }

    @Test("the split covers every check once, keeps catalog order in each share, and is even")
    func split() {
        let checks = Catalog.checks
        for count in 2...4 {
            let shares = CheckShares.split(checks, into: count)
            #expect(shares.count == count)
            #expect(shares.flatMap { $0.map(\.id) }.sorted() == checks.map(\.id).sorted())
            let position = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1.id, $0) })
            for share in shares { #expect(share.map { position[$0.id]! } == share.map { position[$0.id]! }.sorted()) }
            let loads = shares.map { $0.reduce(0) { $0 + $1.cost } }
            #expect(loads.max()! - loads.min()! <= checks.map(\.cost).max()!, "\(loads)")
            #expect(CheckShares.split(checks, into: count).map { $0.map(\.id) } == shares.map { $0.map(\.id) }, "fixed")
        }
        #expect(CheckShares.split(checks, into: 1).map { $0.map(\.id) } == [checks.map(\.id)])
    }
}
