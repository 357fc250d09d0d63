import Adapters
import Foundation
import Grading
import Testing
@testable import gradecheck

#if canImport(Glibc)
import Glibc
#endif

/// The hostile examples are contained: each attack earns nothing, leaves no process, file or
/// socket behind, and the reports are whole. Each observation the examples print is compared
/// with what the same code sees without the sandbox (`--unsafe-no-sandbox`) where that is
/// harmless, so a test that passes only because the attack was badly written would show.
@Suite("Sandbox containment", .serialized)
struct SandboxContainmentTests {
    static let root = ExampleSubmissionTests.root
    static let examples = ExampleSubmissionTests.examples

    /// Grades `folder` in-process; returns the run and the JUnit text (captured output included).
    static func grade(_ folder: URL, extra: [String] = []) throws -> (run: GradingRun, junit: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-containment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let command = try GradeCommand.parse(
            [folder.path, "--fixtures", root.appendingPathComponent("fixtures").path, "--timeout", "5",
             "--junit", out.appendingPathComponent("junit.xml").path, "--gradescope", out.appendingPathComponent("results.json").path,
             "--markdown", out.appendingPathComponent("summary.md").path] + extra)
        let run = try command.grade().run
        let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
        for name in ["results.json", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) written")
        }
        return (run, junit)
    }

    static func grade(_ name: String, extra: [String] = []) throws -> (run: GradingRun, junit: String) {
        try grade(examples.appendingPathComponent(name), extra: extra)
    }

    /// Processes whose command line contains `text`, after waiting up to `patience` seconds for them to go.
    static func processes(containing text: String, patience: Double = 3) -> [String] {
        let deadline = Date().addingTimeInterval(patience)
        while true {
            var found: [String] = []
            for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(pid) != nil {
                guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
                let cmdline = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
                if cmdline.contains(text) { found.append("\(pid): \(cmdline)") }
            }
            if found.isEmpty || Date() > deadline { return found }
            usleep(50_000)
        }
    }

    /// A listening Unix socket bound at `path` (its descriptor).
    static func listeningSocket(at path: String) -> Int32 {
        let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        listen(s, 4)
        return s
    }

    /// Grading folders of this process still on disk that hold a copy of `example` (other
    /// suites grade other examples in this process at the same time).
    /// A copy of hostile-daemon whose two sleeps last a duration of its own, so that another
    /// suite grading the example at the same time is not mistaken for a survivor of this one.
    struct Daemon {
        let folder: URL
        let detached: String
        let grouped: String

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: SandboxContainmentTests.examples.appendingPathComponent("hostile-daemon"), to: folder)
            let layers = folder.appendingPathComponent("cs231n/layers.py")
            let tag = String(Int.random(in: 100_000..<1_000_000))
            detached = "sleep 3601.\(tag)"
            grouped = "sleep 3602.\(tag)"
            let code = try String(contentsOf: layers, encoding: .utf8)
                .replacingOccurrences(of: "'3601.5'", with: "'3601.\(tag)'").replacingOccurrences(of: "'3602.5'", with: "'3602.\(tag)'")
            try code.write(to: layers, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func leftoverCopies(of example: String) -> [String] {
        leftoverCopies(of: examples.appendingPathComponent(example))
    }

    /// Sandbox folders of this process still holding a copy of the submission at `folder`.
    static func leftoverCopies(of folder: URL) -> [String] {
        let temporary = FileManager.default.temporaryDirectory
        let layers = FileManager.default.contents(atPath: folder.appendingPathComponent("cs231n/layers.py").path)
        return ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { name in
            name.hasPrefix("gradecheck-\(getpid())-")
                && FileManager.default.contents(atPath: temporary.appendingPathComponent(name + "/submission/cs231n/layers.py").path) == layers
        }
    }

    @Test("the fixture oracle finds no expected values (it does without the sandbox) and earns nothing")
    func fixtureOracle() throws {
        let (run, junit) = try Self.grade("hostile-fixture-oracle")
        #expect(junit.contains("ORACLE: read 0 fixture files"), "\(junit.components(separatedBy: "ORACLE").dropFirst().first?.prefix(80) ?? "no ORACLE line")")
        #expect(run.results.first { $0.id == "layers.affine.backward" }?.outcome == .failed)
        let (_, open) = try Self.grade("hostile-fixture-oracle", extra: ["--unsafe-no-sandbox", "--only", "layers.affine.backward"])
        #expect(!open.contains("ORACLE: read 0 fixture files"), "without the sandbox the oracle reads the fixtures: the example works")
        #expect(Self.leftoverCopies(of: "hostile-fixture-oracle").isEmpty)
    }

    @Test("the fallback (unshare + Landlock + seccomp): full marks for correct work, the oracle finds nothing, no daemon survives")
    func fallback() throws {
        let (run, _) = try Self.grade("correct", extra: ["--sandbox", "landlock"])
        #expect(run.score == run.maxScore && run.isolation.hasPrefix("landlock"), "\(run.score)/\(run.maxScore) \(run.isolation)")
        let (oracle, junit) = try Self.grade("hostile-fixture-oracle", extra: ["--sandbox", "landlock", "--only", "layers.affine.backward"])
        #expect(junit.contains("ORACLE: read 0 fixture files"))
        #expect(oracle.results.first?.outcome == .failed)
        let daemon = try Daemon()
        defer { daemon.remove() }
        _ = try Self.grade(daemon.folder, extra: ["--sandbox", "landlock", "--only", "layers.affine.forward"])
        #expect(Self.processes(containing: daemon.detached).isEmpty)
        #expect(Self.processes(containing: daemon.grouped).isEmpty)
        #expect(Self.leftoverCopies(of: daemon.folder).isEmpty)
    }

    @Test("a daemon (double fork + setsid) and a process-group escape do not outlive the grading")
    func daemons() throws {
        let daemon = try Daemon()
        defer { daemon.remove() }
        let (run, _) = try Self.grade(daemon.folder)
        #expect(run.score == run.maxScore)
        #expect(Self.processes(containing: daemon.detached).isEmpty)
        #expect(Self.processes(containing: daemon.grouped).isEmpty)
        #expect(Self.leftoverCopies(of: daemon.folder).isEmpty)
    }

    @Test("no file in /tmp, /var/tmp, /dev/shm, no socket outside; other gradings are invisible")
    func leftoversAndNeighbours() throws {
        // A grading that seems to run beside it: a copy the hostile code would read.
        let neighbour = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-1-neighbour/submission/cs231n")
        try FileManager.default.createDirectory(at: neighbour, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: neighbour.deletingLastPathComponent().deletingLastPathComponent()) }
        try "secret = 1\n".write(to: neighbour.appendingPathComponent("layers.py"), atomically: true, encoding: .utf8)
        // A service's socket outside the sandbox (as root; /tmp otherwise).
        let servicePath = getuid() == 0 ? "/run/gradecheck-test-\(getpid()).sock" : "/tmp/gradecheck-test-\(getpid()).sock"
        let service = Self.listeningSocket(at: servicePath)
        defer { close(service); unlink(servicePath) }
        let (run, junit) = try Self.grade("hostile-leftovers")
        #expect(run.score == run.maxScore)
        #expect(junit.contains("reached 0 sockets outside"))
        for path in ["/tmp/gradecheck-leftover-proof", "/var/tmp/gradecheck-leftover-proof", "/dev/shm/gradecheck-leftover-proof", "/tmp/gradecheck-leftover.sock"] {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) left behind")
        }
        let (_, cross) = try Self.grade("hostile-cross-grading")
        #expect(cross.contains("CROSS: read 0 other submissions; could signal 0 processes"))
        let (_, open) = try Self.grade("hostile-cross-grading", extra: ["--unsafe-no-sandbox", "--only", "layers.affine.forward"])
        #expect(!open.contains("CROSS: read 0 other submissions; could signal 0 processes"), "without the sandbox the neighbour is readable")
        let (_, reachable) = try Self.grade("hostile-leftovers", extra: ["--unsafe-no-sandbox", "--only", "layers.affine.forward"])
        #expect(!reachable.contains("reached 0 sockets outside"), "without the sandbox the service's socket is reachable")
        for path in ["/tmp/gradecheck-leftover-proof", "/var/tmp/gradecheck-leftover-proof", "/dev/shm/gradecheck-leftover-proof", "/tmp/gradecheck-leftover.sock"] {
            unlink(path)
        }
    }

    @Test("the adapter cannot be trojaned, the terminal cannot be typed into, killing the grader only stops the student's own code")
    func graderIntact() throws {
        let script = try #require(PythonAdapter.script)
        let before = try Data(contentsOf: script)
        let (trojan, _) = try Self.grade("hostile-adapter-trojan")
        #expect(trojan.score == trojan.maxScore)
        #expect(try Data(contentsOf: script) == before, "the adapter changed")
        let (tty, junit) = try Self.grade("hostile-tiocsti")
        #expect(tty.score == tty.maxScore)
        #expect(junit.contains("TIOCSTI: blocked"))
        let (killer, _) = try Self.grade("hostile-kills-grader")
        #expect(killer.score == 0 && killer.count(.errored) > 0, "the grader survives and reports")
    }

    @Test("forged reply frames and hidden operations earn nothing")
    func forgery() throws {
        let (forged, _) = try Self.grade("hostile-reply-forgery")
        #expect(forged.results.first { $0.id == "layers.affine.forward" }?.outcome == .errored)
        #expect(forged.score < forged.maxScore)
        let (hidden, _) = try Self.grade("hostile-hides-operations")
        #expect(hidden.score == 0 && hidden.maxScore == 58, "\(hidden.score)/\(hidden.maxScore)")
    }

    // MARK: The safe copy

    /// A copy of the correct example with `change` applied to its cs231n/ folder.
    func variant(_ change: (URL) throws -> Void) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-variant-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent("correct"), to: folder)
        try change(folder.appendingPathComponent("cs231n"))
        return folder
    }

    @Test("a FIFO, a socket and links are left out with a note; the work is graded in full")
    func oddFiles() throws {
        let folder = try variant { cs231n in
            #expect(mkfifo(cs231n.appendingPathComponent("pipe").path, 0o644) == 0)
            close(Self.listeningSocket(at: cs231n.appendingPathComponent("sock").path))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, _) = try Self.grade(folder)
        #expect(run.score == run.maxScore)
        #expect(run.notes.contains { $0.contains("cs231n/pipe: a FIFO") }, "\(run.notes)")
        #expect(run.notes.contains { $0.contains("a socket") }, "\(run.notes)")
    }

    @Test("too large (a sparse 2 GiB file), too many files, too deep: rejected, with a complete report", arguments: ["sparse", "many", "deep"])
    func rejected(_ kind: String) throws {
        let folder = try variant { cs231n in
            switch kind {
            case "sparse":
                let fd = open(cs231n.appendingPathComponent("weights.npy").path, O_WRONLY | O_CREAT, 0o644)
                _ = ftruncate(fd, 2 << 30)
                close(fd)
            case "many":
                let many = cs231n.appendingPathComponent("many")
                try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
                for i in 0..<6_000 { FileManager.default.createFile(atPath: many.appendingPathComponent("f\(i)").path, contents: nil) }
            default:
                var deep = cs231n
                for _ in 0..<600 { deep = deep.appendingPathComponent("d") }
                try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
            }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, junit) = try Self.grade(folder)
        #expect(run.score == 0 && run.maxScore > 0)
        #expect(run.results.filter(\.carriesPoints).allSatisfy { $0.outcome == .errored })
        #expect(junit.contains("submission rejected"))
    }

    @Test("cs231n/ itself a link to another folder: rejected, the linked folder never runs or changes")
    func linkedPackage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-linked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent("correct/cs231n"), to: folder.appendingPathComponent("elsewhere"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("student"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("student/cs231n").path, withDestinationPath: folder.appendingPathComponent("elsewhere").path)
        let (run, junit) = try Self.grade(folder.appendingPathComponent("student"))
        #expect(run.score == 0 && junit.contains("is a symbolic link"))
    }

    // MARK: Report folders

    @Test("a report folder others can write is refused: nothing is written there, exit 2")
    func hijackedReportFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-hijack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        chmod(folder.path, 0o777)
        var command = try GradeCommand.parse(["--only", "layers.affine.forward", "--junit", folder.path + "/junit.xml",
                                              "--gradescope", folder.path + "/results.json", "--markdown", folder.path + "/summary.md"])
        #expect(throws: (any Error).self) { try command.run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        if getuid() == 0 {
            chmod(folder.path, 0o755)
            chown(folder.path, 65534, 65534)
            command = try GradeCommand.parse(["--only", "layers.affine.forward", "--junit", folder.path + "/junit.xml",
                                              "--gradescope", folder.path + "/results.json", "--markdown", folder.path + "/summary.md"])
            #expect(throws: (any Error).self) { try command.run() }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }
}
