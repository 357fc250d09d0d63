import ArgumentParser
import Checks
import Foundation
import Testing
@testable import gradecheck

/// Bad input is one line and exit code 2; failed checks are 1; success is 0.
@Suite("CLI exit codes", .serialized)
struct ExitCodeTests {
    /// Every temporary folder a test makes, removed when the test's suite instance goes.
    final class TemporaryFolders {
        private(set) var urls: [URL] = []
        /// A new name under the temporary directory (not created), for a folder or, with a suffix, a file.
        func make(_ prefix: String, suffix: String = "") -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
            urls.append(url)
            return url
        }
        deinit { for url in urls { try? FileManager.default.removeItem(at: url) } }
    }
    let temporary = TemporaryFolders()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func code(_ arguments: [String]) -> Int32 {
        do {
            var command = try GradeCheck.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            return GradeCheck.exitCode(for: error) == .validationFailure ? 2 : GradeCheck.exitCode(for: error).rawValue
        }
    }

    func temporaryFixtures(_ content: String) throws -> String {
        let folder = temporary.make("gradecheck")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cases"), withIntermediateDirectories: true)
        try content.write(to: folder.appendingPathComponent("cases/a.json"), atomically: true, encoding: .utf8)
        return folder.path
    }

    var reportArguments: [String] {
        let out = temporary.make("gradecheck-reports").path
        return ["--junit", out + "/junit.xml", "--gradescope", out + "/results.json", "--markdown", out + "/summary.md"]
    }

    @Test("a missing fixture folder, corrupt JSON, an unknown schema version, an unknown check id: exit 2")
    func badInput() throws {
        #expect(code(["grade", "--fixtures", "/nonexistent/fixtures"] + reportArguments) == 2)
        #expect(code(["grade", "--fixtures", try temporaryFixtures("{\"format\": \"gradecheck-fixtures\", \"sch")] + reportArguments) == 2)
        #expect(code(["grade", "--fixtures", try temporaryFixtures("{\"format\": \"gradecheck-fixtures\", \"schema_version\": 7, \"cases\": []}")] + reportArguments) == 2)
        #expect(code(["grade", "--only", "no.such.check"] + reportArguments) == 2)
        #expect(code(["grade", "--hidden", "no.such.*"] + reportArguments) == 2, "a --hidden glob that hides nothing is a typo")
        #expect(code(["grade", "--fixtures", try temporaryFixtures("{\"format\": \"gradecheck-fixtures\", \"schema_version\": 1, \"cases\": []}"), "--only", "layers.affine.forward"] + reportArguments) == 2, "a fixture case missing from the folder is the harness's problem")
        #expect(code(["grade", "--bogus"]) == 2)
        #expect(code(["validate-report", "/nonexistent.xml"]) == 2)
        #expect(code(["list", "--mutants", "--profiles"]) == 2)
        for sizes in [["--hidden", "100000000"], ["--hidden", "60000,60000"], ["--epochs", "1000000000000000000"], ["--batch-size", "99999999999"]] {
            #expect(code(["train"] + sizes) == 2, "train \(sizes.joined(separator: " "))")
        }
    }

    /// A copy of the recorded fixtures with one expected array of `layers.affine.forward.golden`
    /// rewritten by `edit` (as JSON text), in a fresh folder.
    func editedFixtures(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let folder = temporary.make("gradecheck")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("fixtures"), to: folder)
        let file = folder.appendingPathComponent("cases/layers.json")
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var cases = document["cases"] as! [[String: Any]]
        let index = cases.firstIndex { $0["id"] as? String == "layers.affine.forward.golden" }!
        var expected = cases[index]["expected"] as! [String: Any]
        var out = expected["out"] as! [String: Any]
        edit(&out)
        expected["out"] = out
        cases[index]["expected"] = expected
        document["cases"] = cases
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        return folder.path
    }

    /// Report paths in a fresh folder that already holds a stale results.json from an earlier grade.
    func reportsWithStaleGrade() throws -> (arguments: [String], folder: URL) {
        let out = temporary.make("gradecheck-reports")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try #"{"score": 54, "tests": []}"#.write(to: out.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        let arguments = ["--junit", out.path + "/junit.xml", "--gradescope", out.path + "/results.json", "--markdown", out.path + "/summary.md"]
        return (arguments, out)
    }

    /// What a grader fault leaves behind: no results.json that could pass for a grade, and a JUnit
    /// report whose one test case is the grader's error.
    func expectFaultReports(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("results.json").path), "a stale grade is removed", sourceLocation: sourceLocation)
        let junit = try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains(#"<testcase name="grader""#) && junit.contains("<error"), sourceLocation: sourceLocation)
        #expect(!junit.contains(#"<testcase name="layers."#), "no check is charged to the student", sourceLocation: sourceLocation)
    }

    @Test("list --profiles shows every profile with what its starter provides")
    func profileList() {
        let text = Profile.all.map(ListCommand.summary(of:)).joined(separator: "\n")
        for profile in Profile.all { #expect(text.contains("\(profile.id): "), "\(profile.id)") }
        let y2016 = ListCommand.summary(of: .y2016)
        #expect(y2016.contains("provided (0 points):") && y2016.contains("losses.softmax.value") && y2016.contains("dropout p = drop"))
        #expect(!ListCommand.summary(of: .everything).contains("provided"), "the everything profile grades every check")
    }

    @Test("timeouts that are not a positive number of seconds are bad usage: exit 2")
    func badTimeouts() {
        for value in ["0", "nan", "-1", "inf", "soon"] {
            #expect(code(["grade", "--timeout=\(value)"] + reportArguments) == 2, "--timeout \(value)")
            #expect(code(["grade", "--global-timeout=\(value)"] + reportArguments) == 2, "--global-timeout \(value)")
        }
    }

    @Test("an interpreter that cannot run, or has no numpy, is the grader's fault: exit 2, no grade written")
    func missingInterpreter() throws {
        let (arguments, folder) = try reportsWithStaleGrade()
        let submission = Self.root.appendingPathComponent("examples/submissions/correct").path
        let fixtures = Self.root.appendingPathComponent("fixtures").path
        #expect(code(["grade", submission, "--python", "/nonexistent/python3", "--fixtures", fixtures] + arguments) == 2)
        try expectFaultReports(folder)
        // An interpreter that starts but has no numpy: what a bare virtualenv does.
        let python = folder.appendingPathComponent("python-without-numpy")
        try "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'numpy'\" >&2\nexit 1\n".write(to: python, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python.path)
        let (again, secondFolder) = try reportsWithStaleGrade()
        #expect(code(["grade", submission, "--python", python.path, "--fixtures", fixtures] + again) == 2)
        try expectFaultReports(secondFolder)
    }

    @Test("a fixture whose expected array is NaN or mis-shaped is the grader's fault: exit 2, no grade written")
    func badFixtures() throws {
        let nan = try editedFixtures { out in out["values"] = [["nan", "nan", "nan"], ["nan", "nan", "nan"]] }
        let misShaped = try editedFixtures { out in out["shape"] = [3]; out["values"] = [1.0, 2.0, 3.0] }
        for fixtures in [nan, misShaped] {
            let (arguments, folder) = try reportsWithStaleGrade()
            #expect(code(["grade", "--fixtures", fixtures, "--only", "layers.affine.*"] + arguments) == 2)
            try expectFaultReports(folder)
        }
    }

    @Test("the reference passes the selected checks (exit 0); an invalid report fails validation (exit 1)")
    func outcomes() throws {
        let fixtures = Self.root.appendingPathComponent("fixtures").path
        #expect(code(["grade", "--fixtures", fixtures, "--only", "optim.*"] + reportArguments) == 0)
        let bad = temporary.make("gradecheck-bad", suffix: ".xml")
        try "<testsuites><testsuite/></testsuites>".write(to: bad, atomically: true, encoding: .utf8)
        #expect(code(["validate-report", bad.path]) == 1)
    }
}
