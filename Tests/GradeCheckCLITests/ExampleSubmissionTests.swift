import Foundation
import Grading
import Reports
import Testing
@testable import gradecheck

/// Every example submission is graded end to end (Python adapter, sandboxed process) and ends
/// exactly as `examples/submissions/expected.json` says: which checks fail, error and skip.
@Suite("Example submissions")
struct ExampleSubmissionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples/submissions")

    struct Expectation: Decodable {
        var profile: String
        var failed: [String]
        var errored: [String]
        var skipped: [String]
    }

    static let expected: [String: Expectation] = {
        let data = try! Data(contentsOf: examples.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([String: Expectation].self, from: data)
    }()

    static func grade(_ name: String, extra: [String] = []) throws -> (GradingRun, URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-example-\(UUID().uuidString)")
        let command = try GradeCommand.parse(
            [examples.appendingPathComponent(name).path, "--fixtures", root.appendingPathComponent("fixtures").path,
             "--timeout", "3", "--junit", out.appendingPathComponent("junit.xml").path,
             "--gradescope", out.appendingPathComponent("results.json").path, "--markdown", out.appendingPathComponent("summary.md").path] + extra)
        return (try command.grade().run, out)
    }

    @Test("graded as expected, with a valid JUnit report", arguments: expected.keys.sorted())
    func example(_ name: String) throws {
        let want = try #require(Self.expected[name])
        let (run, out) = try Self.grade(name)
        func ids(_ outcome: CheckOutcome) -> Set<String> { Set(run.results.filter { $0.outcome == outcome }.map(\.id)) }
        #expect(ids(.failed) == Set(want.failed), "\(name) failed: \(ids(.failed).sorted())")
        #expect(ids(.errored) == Set(want.errored), "\(name) errored: \(ids(.errored).sorted()) \(run.results.filter { $0.outcome == .errored }.prefix(2).map(\.message))")
        #expect(ids(.skipped) == Set(want.skipped), "\(name) skipped: \(ids(.skipped).sorted())")
        #expect(run.profile == want.profile, "\(name): profile \(run.profile) (\(run.profileReason))")
        #expect(run.results.count == 42)
        for schema in [JUnitSchema.windyroad, .junit10] {
            let errors = SchemaValidator.validate(file: out.appendingPathComponent("junit.xml"), schema: schema)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(3))")
        }
        for r in run.results where r.outcome == .failed || r.outcome == .errored { #expect(!r.message.isEmpty) }
    }

    @Test("the original submission folder is never written to")
    func untouched() throws {
        let folder = Self.examples.appendingPathComponent("hostile-escapes")
        func listing() -> [String] {
            (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        }
        let before = listing()
        _ = try Self.grade("hostile-escapes", extra: ["--only", "layers.dropout.*"])
        #expect(listing() == before)
        #expect(!FileManager.default.fileExists(atPath: Self.examples.appendingPathComponent("outside.txt").path))
    }
}
