import Foundation
import Testing
@testable import gradecheck
import Grader

/// The GitHub Action's grading step (`scripts/github-check`, run by `action.yml`) with the
/// environment a runner gives it: annotations at the student's lines with paths from the
/// repository root, the step summary within its cap, the outputs, gradecheck's exit status.
@Suite("GitHub Action step")
struct GitHubActionTests {
    static let root = ExampleSubmissionTests.root
    static let script = root.appendingPathComponent("scripts/github-check")

    /// Runs the step on `path` (relative to the checkout) in a fresh runner temp folder holding the
    /// summary (which starts with `earlier`) and the outputs file.
    func step(_ path: String, cap: Int? = nil, earlier: String = "") throws -> (ChildRun, summary: String, outputs: String) {
        let binary = try #require(GraderPaths.gradecheckBinary)
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let summary = temp.appendingPathComponent("step_summary"), outputs = temp.appendingPathComponent("output")
        try earlier.write(to: summary, atomically: true, encoding: .utf8)
        var environment = [
            "GRADECHECK": binary.path, "INPUT_PATH": path, "INPUT_PROFILE": "auto", "RUNNER_TEMP": temp.path,
            "GITHUB_STEP_SUMMARY": summary.path, "GITHUB_OUTPUT": outputs.path,
        ]
        if let cap { environment["GRADECHECK_SUMMARY_CAP"] = String(cap) }
        let run = try ChildRun.run(["/bin/bash", Self.script.path], in: Self.root, environment: environment)
        return (run, try String(contentsOf: summary, encoding: .utf8), (try? String(contentsOf: outputs, encoding: .utf8)) ?? "")
    }

    @Test("a wrong submission: exit 1, annotations at its lines from the repository root, the summary, the outputs")
    func wrongSubmission() throws {
        let path = "examples/submissions/wrong-dw-transposed"
        let (run, summary, outputs) = try step(path, earlier: "earlier step\n")
        #expect(run.status == 1, "\(run.stderr)")
        let commands = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        let source = try String(contentsOf: Self.root.appendingPathComponent(path + "/cs231n/layers.py"), encoding: .utf8)
        let line = try #require(source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("def affine_backward") }) + 1
        #expect(commands.contains { $0.hasPrefix("::error file=\(path)/cs231n/layers.py,line=\(line),title=layers.affine.backward failed (0/3)::") }, "\(commands)")
        #expect(commands.contains { $0.hasPrefix("::error file=\(path)/cs231n/classifiers/fc_net.py,line=61,title=nets.two_layer.loss errored") },
            "an error is annotated at the line that raised")
        #expect(commands.filter { $0.hasPrefix("::error ") }.count == 9 && commands.filter { $0.hasPrefix("::warning ") }.count == 1)
        #expect(summary.hasPrefix("earlier step\n## gradecheck: wrong-dw-transposed scored 35/58"), "\(summary.prefix(200))")
        #expect(outputs.contains("status=1\n") && outputs.contains("reports="))
    }

    @Test("the step summary stays within its cap, cut before a details block, with a note")
    func summaryCap() throws {
        let earlier = String(repeating: "x", count: 499) + "\n"
        let (run, summary, _) = try step("examples/submissions/wrong-dw-transposed", cap: 3000, earlier: earlier)
        #expect(run.status == 1)
        #expect(summary.utf8.count <= 3000 && summary.hasPrefix(earlier), "\(summary.utf8.count) bytes")
        #expect(summary.contains("## gradecheck: wrong-dw-transposed") && summary.hasSuffix("every check is in the JUnit artifact.\n"))
        let body = summary.components(separatedBy: "> **Summary cut**")[0]
        #expect(body.components(separatedBy: "<details>").count == body.components(separatedBy: "</details>").count, "only whole blocks")
        let (_, full, _) = try step("examples/submissions/wrong-dw-transposed")
        #expect(!full.contains("Summary cut") && full.contains("</details>"))
    }

    @Test("gradecheck cannot grade: its status, and one ::error saying why")
    func fault() throws {
        let (run, _, outputs) = try step("examples/submissions/no-such-folder")
        #expect(run.status == 2)
        #expect(run.stdout.contains("::error title=gradecheck could not grade::exit 2: gradecheck: examples/submissions/no-such-folder: no such submission folder"), "\(run.stdout)")
        #expect(outputs.contains("status=2"))
    }
}
