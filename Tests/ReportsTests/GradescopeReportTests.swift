import Foundation
import Grading
import Testing

@testable import Reports

@Suite struct GradescopeReportTests {
    static func json(_ run: GradingRun, _ report: GradescopeReport = GradescopeReport()) throws -> [String: Any] {
        let data = try report.data(run)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func tests(_ json: [String: Any]) throws -> [[String: Any]] {
        try #require(json["tests"] as? [[String: Any]])
    }

    @Test(arguments: SampleRuns.all.map(\.0))
    func decodesAndScoresAdd(name: String) throws {
        let run = SampleRuns.all.first { $0.0 == name }!.1
        let json = try Self.json(run)
        let tests = try Self.tests(json)
        #expect(tests.count == run.results.filter { $0.outcome != .notApplicable }.count)
        let score = try #require(json["score"] as? Double)
        #expect(score == tests.reduce(0) { $0 + ($1["score"] as! Double) })
        #expect(score == RunSummary.score(run.results))
        #expect(tests.reduce(0) { $0 + ($1["max_score"] as! Double) } == RunSummary.maxScore(run.results))
        // Round trip through the typed model too.
        let decoded = try JSONDecoder().decode(GradescopeResults.self, from: try GradescopeReport().data(run))
        #expect(decoded == GradescopeReport().results(run))
    }

    @Test func fixedRunFields() throws {
        let run = SampleRuns.fixed
        let json = try Self.json(run)
        let tests = try Self.tests(json)
        try #require(tests.count == 9)
        #expect(json["score"] as? Double == 7)
        #expect(json["execution_time"] as? Double == 3.25)
        #expect(json["visibility"] as? String == "visible")
        #expect(json["stdout_visibility"] as? String == "hidden")
        #expect(json["output_format"] as? String == "md" && json["test_output_format"] as? String == "md")
        #expect(tests.map { $0["number"] as? String } == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "4.1"])
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed", "failed", "passed", "failed", "failed", "passed", "passed", "passed"])
        #expect(tests.map { $0["max_score"] as? Double } == [2, 2, 3, 1, 2, 2, 1, 0, 3])
        #expect(tests.map { $0["score"] as? Double } == [2, 0, 0, 1, 0, 0, 1, 0, 3])
        #expect(tests.map { ($0["extra_data"] as? [String: Any])?["outcome"] as? String }
            == ["passed", "failed", "errored", "warned", "missing", "missing", "passed", "provided", "passed"])
        #expect(tests[0]["output"] as? String == "", "a plain pass that printed nothing says nothing")
        let warned = try #require(tests[3]["output"] as? String)
        #expect(warned.hasPrefix("**Passed with warnings") && warned.contains("- out has shape (1, 5) where the course's docstring says (5,) \\<ok\\>"), "\(warned)")
        #expect((tests[4]["output"] as? String)?.contains("does not import") == true)
        #expect((tests[7]["output"] as? String)?.hasPrefix("**Provided by the course") == true)
        #expect(tests[1]["name"] as? String == "layers.relu.backward: ReLU backward pass")
        #expect(tests[1]["tags"] as? [String] == ["layers"])
        let failed = try #require(tests[1]["output"] as? String)
        #expect(failed.hasPrefix("**Wrong answer.**\n\nReLU backward pass\n\n```text\n" + run.results[1].message + "\n```\n"), "\(failed)")
        #expect(failed.contains("```text\ndebug: x.shape = (4, 5)\n\\u{1B}[31mwarning\\u{1B}[0m <b>bold & \"quoted\"</b>\n```"), "captured output verbatim in a code block")
        #expect(!failed.contains("\u{1B}"))
        let errored = try #require(tests[2]["output"] as? String)
        #expect(errored.hasPrefix("**Error:") && errored.contains("bell\\u{07}nul\\u{00}end"))
        #expect(errored.contains("````text\nTraceback: ]]> | pipe | `tick` ```fence```"), "a fence longer than any backtick run in the text")
        #expect(!errored.contains("\r") && !errored.contains("\u{07}"))
        let summary = try #require(json["output"] as? String)
        #expect(summary.hasPrefix("**Score 7/16**: 3 passed,") && summary.contains("1 test is hidden until your course staff publish"), "\(summary)")
        let extra = try #require(json["extra_data"] as? [String: Any])
        #expect(extra["profile"] as? String == "2024" && extra["profile_reason"] as? String == "found `ln_param` in fc_net.py")
        #expect(extra["tool_version"] as? String == "0.4.0" && extra["seed"] as? Int == 231 && extra["isolation"] as? String == "")
        #expect((extra["warnings"] as? [[String: String]]) == [["check": "layers.relu.forward", "warning": run.results[3].warnings[0]]])
        #expect(!tests.contains { ($0["name"] as? String)?.hasPrefix("optim.adam.trajectory") == true }, "not applicable: omitted")
    }

    @Test func hiddenChecksGetTheirVisibility() throws {
        let run = SampleRuns.fixed
        let visibilities = { (report: GradescopeReport) in try Self.tests(Self.json(run, report)).map { $0["visibility"] as? String } }
        let visible = Array(repeating: "visible", count: 6) + ["after_published", "visible", "visible"]
        #expect(try visibilities(GradescopeReport()) == visible)
        #expect(try visibilities(GradescopeReport(visibility: .afterDueDate, hiddenCheckVisibility: .hidden))
            == Array(repeating: "after_due_date", count: 6) + ["hidden", "after_due_date", "after_due_date"])
        let allHidden = try Self.tests(Self.json(SampleRuns.hidden))
        #expect(allHidden.allSatisfy { $0["visibility"] as? String == "after_published" })
        let summary = { (report: GradescopeReport) in try Self.json(run, report)["output"] as? String ?? "" }
        #expect(try summary(GradescopeReport(hiddenCheckVisibility: .visible)).contains("hidden") == false, "nothing hidden, nothing said")
    }

    @Test func nonFiniteNumbersBecomeZero() throws {
        var result = CheckResult(id: "x", group: "g", title: "", outcome: .passed, points: 1)
        result.score = .nan
        result.points = .infinity
        let run = GradingRun(
            implementation: "i", profile: "p", profileReason: "", seed: 0, toolVersion: "v",
            startedAt: SampleRuns.fixedStart, duration: .nan, results: [result])
        let json = try Self.json(run)
        #expect(json["score"] as? Double == 0)
        #expect(json["execution_time"] as? Double == 0)
        #expect(try Self.tests(json).first?["max_score"] as? Double == 0)
    }

    @Test func outputIsCapped() throws {
        let tests = try Self.tests(Self.json(SampleRuns.hugeOutput, GradescopeReport(maxBytesPerCheck: 2000)))
        for test in tests {
            let output = try #require(test["output"] as? String)
            #expect(output.utf8.count < 2300 && output.contains("[truncated ") && output.hasSuffix("END\n```\n"), "\(output.utf8.count) bytes")
        }
    }
}
