import Adapters
import Foundation
import Testing
@testable import gradecheck
import Grader

#if canImport(Glibc)
import Glibc
#endif

/// The sandbox lives exactly as long as its grading: a grader stopped with SIGINT, SIGTERM or
/// SIGKILL leaves no student process, and (for the first two) no folder; and the containment
/// holds with the grader running as an ordinary user (created by the test).
@Suite("Sandbox lifetime", .serialized)
struct SandboxLifetimeTests {
    static let examples = ExampleSubmissionTests.examples

    /// Starts the gradecheck binary grading the endless-loop example; returns it and its report folder.
    func startGrading(_ example: String = "hostile-infinite-loop") throws -> (Process, URL) {
        let binary = try #require(GraderPaths.gradecheckBinary, "the gradecheck binary is built beside the tests")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-lifetime-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["grade", Self.examples.appendingPathComponent(example).path,
                             "--fixtures", ExampleSubmissionTests.root.appendingPathComponent("fixtures").path,
                             "--timeout", "60", "--junit", out.path + "/junit.xml", "--gradescope", out.path + "/results.json",
                             "--markdown", out.path + "/summary.md"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    /// The grading folders of `pid`.
    func folders(of pid: Int32) -> [String] {
        let temporary = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("gradecheck-\(pid)-") }
    }

    /// Waits until the grading's sandbox holds the student's looping code (its folder exists and a
    /// process runs from it).
    func waitForStudentCode(_ pid: Int32) -> String? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let folder = folders(of: pid).first, !SandboxContainmentTests.processes(containing: folder, patience: 0).isEmpty {
                usleep(1_500_000)  // into the student's loop
                return folder
            }
            usleep(100_000)
        }
        return nil
    }

    @Test("SIGINT, SIGTERM, SIGKILL: nothing of the sandbox survives", arguments: [SIGINT, SIGTERM, SIGKILL])
    func signals(_ signal: Int32) throws {
        let (process, out) = try startGrading()
        defer { try? FileManager.default.removeItem(at: out) }
        let folder = try #require(waitForStudentCode(process.processIdentifier), "the grading started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if signal == SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        } else {
            #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        }
        #expect(SandboxContainmentTests.processes(containing: folder).isEmpty, "a process of the sandbox survived")
        if signal != SIGKILL {
            #expect(folders(of: process.processIdentifier).isEmpty, "the grading folder was left behind")
        } else {
            // Removed by the next grader that starts (the folder names its dead owner).
            _ = try SandboxContainmentTests.grade("correct", extra: ["--only", "layers.affine.forward"])
            #expect(folders(of: process.processIdentifier).isEmpty, "a dead grader's folder was not swept")
        }
    }

    @Test("no sandbox, no grading: a refusal (exit 2), no results.json, a grader error in JUnit")
    func failsClosed() throws {
        let binary = try #require(GraderPaths.gradecheckBinary)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-refusal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "{\"score\": 58}".write(to: out.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["grade", Self.examples.appendingPathComponent("correct").path, "--sandbox", "bubblewrap",
                             "--fixtures", ExampleSubmissionTests.root.appendingPathComponent("fixtures").path,
                             "--junit", out.path + "/junit.xml", "--gradescope", out.path + "/results.json", "--markdown", out.path + "/summary.md"]
        process.environment = ProcessInfo.processInfo.environment.merging(["GRADECHECK_BWRAP": "/nonexistent/bwrap"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(output)")
        #expect(output.contains("no sandbox works") && output.contains("--unsafe-no-sandbox"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: out.path + "/results.json"), "a stale grade was left")
        let junit = try String(contentsOfFile: out.path + "/junit.xml", encoding: .utf8)
        #expect(junit.contains("no sandbox works"))
    }

    @Test("as an ordinary user: correct work in full, daemons gone, nothing left behind")
    func ordinaryUser() throws {
        guard getuid() == 0 else { return }
        let python = "/usr/bin/python3"
        let numpy = Process()
        numpy.executableURL = URL(fileURLWithPath: python)
        numpy.arguments = ["-c", "import numpy"]
        numpy.standardError = FileHandle.nullDevice
        guard (try? numpy.run()) != nil else { Issue.record("no \(python)"); return }
        numpy.waitUntilExit()
        try #require(numpy.terminationStatus == 0, "\(python) needs numpy (apt-get install python3-numpy; scripts/bootstrap installs it)")
        let user = "gradecheck-test"
        _ = run(["/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user])
        try #require(run(["/usr/bin/id", user]) == 0, "useradd \(user)")
        let binary = try #require(GraderPaths.gradecheckBinary)
        let script = try #require(PythonAdapter.script)
        let adapter = try Data(contentsOf: script)
        defer { #expect((try? Data(contentsOf: script)) == adapter, "the adapter changed") }
        for example in ["correct", "hostile-daemon", "hostile-leftovers", "hostile-adapter-trojan"] {
            let out = "/tmp/gradecheck-user-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: out) }
            let status = run(["/usr/sbin/runuser", "-u", user, "--", binary.path, "grade", Self.examples.appendingPathComponent(example).path,
                              "--python", python, "--fixtures", ExampleSubmissionTests.root.appendingPathComponent("fixtures").path,
                              "--junit", out + "/junit.xml", "--gradescope", out + "/results.json", "--markdown", out + "/summary.md"])
            #expect(status == 0, "\(example) as \(user): exit \(status)")
            let results = try String(contentsOfFile: out + "/results.json", encoding: .utf8)
            #expect(results.contains("bubblewrap"), "\(example): the report names the sandbox")
        }
        #expect(SandboxContainmentTests.processes(containing: "sleep 3601.5").isEmpty)
        #expect(SandboxContainmentTests.processes(containing: "sleep 3602.5").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/gradecheck-leftover-proof"))
    }

    func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
