import Adapters
import Foundation
import Testing
@testable import gradecheck
import Grader

/// `gradecheck gradescope-bundle`'s zip, unpacked into a stand-in for Gradescope's `/autograder`
/// (`GRADECHECK_AUTOGRADER_ROOT`) as Gradescope does (the zip in `source/`, `run_autograder`
/// copied to the root), grades submissions uploaded a folder or two deep and writes a
/// results.json as Gradescope's spec says; a grader fault still writes one, and exits non-zero.
@Suite("Gradescope bundle", .serialized)
struct GradescopeBundleTests {
    static let examples = ExampleSubmissionTests.examples

    /// A stand-in autograder root: the bundle built with `arguments` and unpacked.
    final class StandIn {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-autograder-\(UUID().uuidString)")
        var source: URL { root.appendingPathComponent("source") }
        var results: URL { root.appendingPathComponent("results/results.json") }
        let bundleOutput: String

        init(_ arguments: [String] = []) throws {
            let binary = try #require(GraderPaths.gradecheckBinary, "the gradecheck binary is built beside the tests")
            let zip = root.appendingPathComponent("autograder.zip")
            let made = try ChildRun.run([binary.path, "gradescope-bundle", "--out", zip.path] + arguments)
            try #require(made.status == 0, "gradescope-bundle: \(made.stderr)")
            bundleOutput = made.stdout
            // Unpacked by Python's zipfile (which checks every CRC), modes restored from the entries.
            let unpack = """
                import os, sys, zipfile
                with zipfile.ZipFile(sys.argv[1]) as z:
                    assert z.testzip() is None
                    for info in z.infolist():
                        z.extract(info, sys.argv[2])
                        os.chmod(os.path.join(sys.argv[2], info.filename), (info.external_attr >> 16) & 0o7777)
                """
            let unpacked = try ChildRun.run(["/usr/bin/python3", "-c", unpack, zip.path, source.path])
            try #require(unpacked.status == 0, "unzip: \(unpacked.stderr)")
            try FileManager.default.copyItem(at: source.appendingPathComponent("run_autograder"), to: root.appendingPathComponent("run_autograder"))
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Puts `example` at `submission/<nesting>/` (replacing any earlier submission).
        func submit(_ example: String, nesting: [String]) throws {
            let submission = root.appendingPathComponent("submission")
            try? FileManager.default.removeItem(at: submission)
            let folder = nesting.reduce(submission) { $0.appendingPathComponent($1) }
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: examples.appendingPathComponent(example), to: folder)
        }

        /// Runs `run_autograder` as Gradescope does (in the root); returns its run and the results.json.
        func grade(environment: [String: String] = [:]) throws -> (ChildRun, [String: Any]) {
            let run = try ChildRun.run(
                [root.appendingPathComponent("run_autograder").path], in: root,
                environment: ["GRADECHECK_AUTOGRADER_ROOT": root.path].merging(environment) { $1 })
            let data = try Data(contentsOf: results)
            return (run, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "results.json is a JSON object"))
        }
    }

    /// What Gradescope's spec asks of every graded results.json.
    func expectSpec(_ json: [String: Any], _ name: String) throws -> [[String: Any]] {
        let tests = try #require(json["tests"] as? [[String: Any]], "\(name): tests")
        let score = try #require(json["score"] as? Double, "\(name): score")
        #expect(abs(score - tests.reduce(0) { $0 + (($1["score"] as? Double) ?? .nan) }) < 1e-9, "\(name): score is the sum of the tests'")
        for test in tests {
            #expect(test["max_score"] is Double && test["score"] is Double && test["name"] is String, "\(name): \(test["name"] ?? "?")")
            #expect(["passed", "failed"].contains(test["status"] as? String), "\(name): status of \(test["name"] ?? "?")")
            let outcome = (test["extra_data"] as? [String: Any])?["outcome"] as? String
            #expect((test["status"] as? String == "passed") == ["passed", "warned", "provided"].contains(outcome ?? ""))
        }
        #expect(json["output_format"] as? String == "md" && json["test_output_format"] as? String == "md")
        let extra = try #require(json["extra_data"] as? [String: Any], "\(name): extra_data")
        for key in ["profile", "profile_reason", "isolation", "tool_version"] { #expect(!((extra[key] as? String) ?? "").isEmpty, "\(name): extra_data.\(key)") }
        #expect(extra["warnings"] is [Any])
        return tests
    }

    /// The tests whose check ends `outcome`.
    func checks(_ tests: [[String: Any]], _ outcome: String) -> Set<String> {
        Set(tests.compactMap { test in
            let extra = test["extra_data"] as? [String: Any]
            return extra?["outcome"] as? String == outcome ? extra?["check"] as? String : nil
        })
    }

    @Test("a correct and a wrong submission, uploaded a folder or two deep, graded as the spec says")
    func correctAndWrong() throws {
        let standIn = try StandIn(["--hidden", "solver.*"])
        #expect(standIn.bundleOutput.contains("'--hidden' 'solver.*'") && standIn.bundleOutput.contains("glibc 2."))
        for file in ["setup.sh", "run_autograder", "bin/gradecheck"] {
            #expect(FileManager.default.isExecutableFile(atPath: standIn.source.appendingPathComponent(file).path), "\(file) is executable")
        }
        for file in ["share/gradecheck/fixtures/cases", "share/gradecheck/python/gradecheck_adapter.py", "share/gradecheck/digits/digits.csv.gz"] {
            #expect(FileManager.default.fileExists(atPath: standIn.source.appendingPathComponent(file).path), "\(file) is in the bundle")
        }
        for (example, nesting) in [("correct", ["Assignment 2", "assignment2"]), ("wrong-dw-transposed", ["my-work"])] {
            let want = try #require(ExampleSubmissionTests.expected[example])
            try standIn.submit(example, nesting: nesting)
            let (run, json) = try standIn.grade()
            #expect(run.status == 0, "\(example): \(run.stderr)")
            let tests = try expectSpec(json, example)
            #expect(json["score"] as? Double == want.score, "\(example): score")
            #expect(tests.reduce(0) { $0 + ($1["max_score"] as? Double ?? 0) } == want.max_score)
            #expect(checks(tests, "failed") == want.ids(.failed) && checks(tests, "errored") == want.ids(.errored))
            #expect(checks(tests, "provided") == want.ids(.provided) && checks(tests, "warned") == want.ids(.warned))
            for test in tests {
                let solver = (test["name"] as? String)?.hasPrefix("solver.") == true
                #expect(test["visibility"] as? String == (solver ? "after_published" : "visible"), "\(test["name"] ?? "?")")
            }
            #expect((json["output"] as? String)?.contains("hidden until your course staff publish") == true)
            #expect(run.stdout.contains("sandbox: bubblewrap"), "run_autograder logs gradecheck doctor for the staff")
        }
        let (_, wrong) = try standIn.grade()
        let backward = try #require((wrong["tests"] as? [[String: Any]])?.first { ($0["name"] as? String)?.hasPrefix("layers.affine.backward") == true })
        let output = try #require(backward["output"] as? String)
        #expect(output.hasPrefix("**Wrong answer.**") && output.contains("```text\n"), "Markdown, the message in a code block: \(output)")
    }

    @Test("where bubblewrap cannot run, the Landlock fallback grades, and the output says so")
    func fallbackSandbox() throws {
        guard SandboxDiagnosis.run(confine: GraderPaths.confineCommand).findings.contains(where: { $0.name == "landlock" && $0.works }) else { return }
        let standIn = try StandIn()
        try standIn.submit("correct", nesting: ["upload"])
        let (run, json) = try standIn.grade(environment: ["GRADECHECK_BWRAP": "/nonexistent/bwrap"])
        #expect(run.status == 0, "\(run.stderr)")
        _ = try expectSpec(json, "fallback")
        #expect(json["score"] as? Double == 58)
        let output = try #require(json["output"] as? String)
        #expect(output.contains("landlock (the fallback: bubblewrap: GRADECHECK\\_BWRAP=/nonexistent/bwrap is not an executable)"), "\(output)")
    }

    @Test("a grader fault (a corrupt fixture, a crash) and an upload without cs231n/ still write results.json, and exit non-zero")
    func faults() throws {
        let standIn = try StandIn()
        try standIn.submit("correct", nesting: ["upload"])
        let fixture = standIn.source.appendingPathComponent("share/gradecheck/fixtures/cases/layers.json")
        let intact = try Data(contentsOf: fixture)
        try Data("{\"format\": \"gradecheck-fixtures\", \"sch".utf8).write(to: fixture)
        var (run, json) = try standIn.grade()
        #expect(run.status == 2, "a corrupt fixture is exit 2: \(run.stderr)")
        #expect(json["score"] as? Double == 0 && (json["tests"] as? [Any])?.isEmpty == true && json["output_format"] as? String == "md")
        #expect((json["extra_data"] as? [String: Any])?["fault"] as? String == "grader")
        var output = try #require(json["output"] as? String)
        #expect(output.contains("a fault of the grader or of its setup, not of your work") && output.contains("layers.json"), "\(output)")
        try intact.write(to: fixture)

        let binary = standIn.source.appendingPathComponent("bin/gradecheck")
        try FileManager.default.removeItem(at: binary)
        try "#!/bin/sh\ncase \"$1\" in grade) kill -SEGV $$ ;; esac\n".write(to: binary, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        (run, json) = try standIn.grade()
        #expect(run.status == 139, "the crash's status: \(run.stderr)")
        output = try #require(json["output"] as? String)
        #expect(output.contains("gradecheck crashed (signal 11)"), "\(output)")

        try FileManager.default.removeItem(at: standIn.root.appendingPathComponent("submission"))
        try FileManager.default.createDirectory(at: standIn.root.appendingPathComponent("submission/notes"), withIntermediateDirectories: true)
        try "my answers".write(to: standIn.root.appendingPathComponent("submission/notes/README.txt"), atomically: true, encoding: .utf8)
        let original = try #require(GraderPaths.gradecheckBinary)
        try FileManager.default.removeItem(at: binary)
        try FileManager.default.copyItem(at: original, to: binary)
        (run, json) = try standIn.grade()
        #expect(run.status == 2, "\(run.stderr)")
        #expect((json["extra_data"] as? [String: Any])?["fault"] as? String == "upload")
        output = try #require(json["output"] as? String)
        #expect(output.contains("could not find your code") && output.contains("no cs231n/ package found"), "\(output)")
    }

    @Test("setup.sh installs the packages, then checks that the packed binary grades")
    func setup() throws {
        let standIn = try StandIn()
        let fake = standIn.root.appendingPathComponent("fake-bin")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        let log = standIn.root.appendingPathComponent("apt.log")
        try "#!/bin/sh\necho \"$@\" >> '\(log.path)'\n".write(to: fake.appendingPathComponent("apt-get"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.appendingPathComponent("apt-get").path)
        let path = fake.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var run = try ChildRun.run(["/bin/bash", standIn.source.appendingPathComponent("setup.sh").path], in: standIn.source, environment: ["PATH": path])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let installed = try String(contentsOf: log, encoding: .utf8)
        #expect(installed.contains("install -y -qq --no-install-recommends " + AutograderScripts.packages.joined(separator: " ")), "\(installed)")
        try Data("{".utf8).write(to: standIn.source.appendingPathComponent("share/gradecheck/fixtures/cases/layers.json"))
        run = try ChildRun.run(["/bin/bash", standIn.source.appendingPathComponent("setup.sh").path], in: standIn.source, environment: ["PATH": path])
        #expect(run.status != 0, "setup.sh fails when the packed data is broken")
    }

    @Test("scripts/data-layout, the one layout list: every source exists, and the bundle holds every entry")
    func layout() throws {
        let entries = try DataLayout.parse(String(contentsOf: DataLayout.sourceList, encoding: .utf8))
        #expect(entries.map(\.installed).sorted() == ["digits/README.md", "digits/digits.csv.gz", "fixtures", "python", "schemas"])
        for entry in entries {
            #expect(FileManager.default.fileExists(atPath: FixturesFolder.sourceTree.appendingPathComponent(entry.source).path), "\(entry.source)")
        }
        let standIn = try StandIn()
        for entry in entries {
            #expect(FileManager.default.fileExists(atPath: standIn.source.appendingPathComponent("share/gradecheck/" + entry.installed).path), "\(entry.installed)")
        }
        #expect(throws: GraderFault.self) { try DataLayout.parse("../outside fixtures\n") }
        #expect(throws: GraderFault.self) { try DataLayout.parse("fixtures\n") }
        #expect(try DataLayout.parse("# comment\n\n  python   Sources/x  \n") == [.init(installed: "python", source: "Sources/x")])
    }

    @Test("bad bundle arguments: one line, exit 2, no zip")
    func badArguments() throws {
        let binary = try #require(GraderPaths.gradecheckBinary)
        let zip = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-bad-\(UUID().uuidString).zip")
        for arguments in [["--profile", "1999"], ["--hidden", "no.such.*"], ["--sandbox", "landlock", "--unsafe-no-sandbox"]] {
            let run = try ChildRun.run([binary.path, "gradescope-bundle", "--out", zip.path] + arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: zip.path))
        }
    }

    @Test("shell quoting survives quotes and spaces")
    func quoting() throws {
        let words = ["a b", "it's", "*.x", "$HOME", ""]
        let run = try ChildRun.run(["/bin/sh", "-c", "for w in " + words.map(ShellQuoting.quote).joined(separator: " ") + "; do printf '<%s>' \"$w\"; done"])
        #expect(run.stdout == words.map { "<\($0)>" }.joined())
    }
}
