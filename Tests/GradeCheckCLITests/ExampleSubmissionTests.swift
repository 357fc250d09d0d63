import Foundation
import Grading
import Reports
import Testing
@testable import gradecheck

/// Every example submission is graded end to end (Python adapter, sandboxed process) and ends
/// exactly as `examples/submissions/expected.json` says: the profile, the score, and which checks
/// end in each verdict other than passed (every check not listed passes without a warning), plus
/// words its messages and warnings must contain.
@Suite("Example submissions")
struct ExampleSubmissionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples/submissions")

    struct Expectation: Decodable {
        var profile: String
        var score: Double
        var max_score: Double
        var warned: [String]?
        var failed: [String]?
        var errored: [String]?
        var missing: [String]?
        var provided: [String]?
        var not_applicable: [String]?
        /// check id -> words its message or warnings must contain.
        var mentions: [String: [String]]?
        /// Arguments beyond the defaults (e.g. `--numpy-compat off`).
        var arguments: [String]?
        /// The folder, when the case is not named after it (two cases grade one folder).
        var folder: String?

        func ids(_ outcome: CheckOutcome) -> Set<String> {
            let list: [String]? = switch outcome {
            case .warned: warned ?? []
            case .failed: failed ?? []
            case .errored: errored ?? []
            case .missing: missing ?? []
            case .provided: provided ?? []
            case .notApplicable: not_applicable ?? []
            case .passed: []
            }
            return Set(list ?? [])
        }
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

    @Test("graded as expected, with valid reports", arguments: expected.keys.sorted())
    func example(_ name: String) throws {
        let want = try #require(Self.expected[name])
        let (run, out) = try Self.grade(want.folder ?? name, extra: want.arguments ?? [])
        defer { try? FileManager.default.removeItem(at: out) }
        for outcome in CheckOutcome.allCases where outcome != .passed {
            let got = Set(run.results.filter { $0.outcome == outcome }.map(\.id))
            #expect(got == want.ids(outcome), "\(name) \(outcome.label): \(got.sorted()) \(run.results.filter { $0.outcome == outcome && !want.ids(outcome).contains($0.id) }.prefix(2).map { $0.message + " " + $0.warnings.joined(separator: " | ") })")
        }
        #expect(run.profile == want.profile, "\(name): profile \(run.profile) (\(run.profileReason))")
        #expect(run.score == want.score && run.maxScore == want.max_score, "\(name): score \(run.score)/\(run.maxScore)")
        #expect(run.allPassed == (want.ids(.failed).isEmpty && want.ids(.errored).isEmpty && want.ids(.missing).isEmpty))
        for (id, words) in want.mentions ?? [:] {
            let result = try #require(run.results.first { $0.id == id }, "\(name): no \(id)")
            let text = ([result.message] + result.warnings).joined(separator: "\n")
            for word in words { #expect(text.contains(word), "\(name) \(id): '\(word)' not in: \(text)") }
        }
        for schema in [JUnitSchema.windyroad, .junit10] {
            let errors = SchemaValidator.validate(file: out.appendingPathComponent("junit.xml"), schema: schema)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(3))")
        }
        for r in run.results where [.failed, .errored, .missing, .provided, .notApplicable].contains(r.outcome) { #expect(!r.message.isEmpty) }
        for r in run.results where r.outcome == .warned { #expect(!r.warnings.isEmpty) }
    }

    @Test("the original submission folder is never written to")
    func untouched() throws {
        let folder = Self.examples.appendingPathComponent("hostile-escapes")
        func listing() -> [String] {
            (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        }
        let before = listing()
        let (_, out) = try Self.grade("hostile-escapes", extra: ["--only", "layers.dropout.*"])
        try? FileManager.default.removeItem(at: out)
        #expect(listing() == before)
        #expect(!FileManager.default.fileExists(atPath: Self.examples.appendingPathComponent("outside.txt").path))
    }
}
