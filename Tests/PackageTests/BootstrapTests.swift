import Foundation
import Testing

/// `scripts/bootstrap` installs numpy the way the interpreter allows: apt's python3-numpy for
/// the system Python (whose pip refuses, PEP 668), pip into any other interpreter. Run with
/// `--dry-run`, which prints what it would do and installs nothing, against interpreters made
/// for the test: a virtual environment without numpy and the system Python with its site
/// folders hidden (`python3 -S`: the system interpreter, as one that lacks numpy).
@Suite("scripts/bootstrap")
struct BootstrapTests {
    static let script = PackageRoot.url.appendingPathComponent("scripts/bootstrap").path
    static let systemPython = "/usr/bin/python3"

    static let missing: String? = {
        if !FileManager.default.isExecutableFile(atPath: systemPython) { return "no system Python at \(systemPython)" }
        if Tool.find("dpkg") == nil { return "not a Debian/Ubuntu machine (no dpkg): scripts/bootstrap is for those" }
        return nil
    }()

    /// `scripts/bootstrap arguments` with `folder` first on the PATH.
    func bootstrap(_ arguments: [String], pathFirst folder: URL, in scratch: URL) throws -> Tool.Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "\(folder.path):\(environment["PATH"] ?? "/usr/bin:/bin")"
        environment.removeValue(forKey: "VIRTUAL_ENV")
        return try Tool.execute(Self.script, arguments, in: scratch, environment: environment, timeout: 120)
    }

    @Test("a virtual environment without numpy gets it from pip, into that interpreter", .enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func virtualEnvironmentUsesPip() throws {
        let scratch = try ScratchFolder("gradecheck-bootstrap")
        let venv = scratch.url.appendingPathComponent("venv")
        try Tool.run(Self.systemPython, ["-m", "venv", "--without-pip", venv.path], in: scratch.url)
        let outcome = try bootstrap(["--dry-run"], pathFirst: venv.appendingPathComponent("bin"), in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors.contains("numpy for \(venv.path)/bin/python3: pip, into that interpreter"), "\(outcome.errors)")
        #expect(outcome.errors.contains("would run: python3 -m pip install --quiet numpy"), "\(outcome.errors)")
        #expect(!outcome.errors.contains("break-system-packages"), "\(outcome.errors)")
    }

    @Test("the system Python without numpy gets it from apt, never from pip", .enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func systemPythonUsesApt() throws {
        let scratch = try ScratchFolder("gradecheck-bootstrap")
        let bin = scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let wrapper = bin.appendingPathComponent("python3")
        try "#!/bin/sh\nexec \(Self.systemPython) -S \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let outcome = try bootstrap(["--dry-run"], pathFirst: bin, in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors.contains("numpy for the system Python \(Self.systemPython) comes from apt (python3-numpy), not pip"), "\(outcome.errors)")
        #expect(!outcome.errors.contains("pip install"), "\(outcome.errors)")
    }

    @Test("an interpreter that has numpy is left alone; a bad argument is exit 2", .enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func presentAndUsage() throws {
        let scratch = try ScratchFolder("gradecheck-bootstrap")
        let venv = scratch.url.appendingPathComponent("venv")
        // A virtual environment that sees the system's packages, numpy among them once apt installed it.
        try Tool.run(Self.systemPython, ["-m", "venv", "--without-pip", "--system-site-packages", venv.path], in: scratch.url)
        let hasNumpy = try Tool.execute(venv.path + "/bin/python3", ["-c", "import numpy"], in: scratch.url).status == 0
        let outcome = try bootstrap(["--dry-run"], pathFirst: venv.appendingPathComponent("bin"), in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.errors)")
        if hasNumpy {
            #expect(outcome.errors.contains("for \(venv.path)/bin/python3: nothing to install"), "\(outcome.errors)")
            #expect(!outcome.errors.contains("pip"), "\(outcome.errors)")
        }
        let usage = try bootstrap(["--install-everything"], pathFirst: venv.appendingPathComponent("bin"), in: scratch.url)
        #expect(usage.status == 2)
        #expect(usage.errors.contains("usage: scripts/bootstrap [--dry-run]"))
    }
}
