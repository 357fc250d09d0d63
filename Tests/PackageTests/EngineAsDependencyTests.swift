import Foundation
import Testing

/// `examples/use-the-engine` built the way another package builds gradecheck: as a *versioned*
/// dependency (`from:`), which is where SwiftPM refuses `unsafeFlags` in a manifest older than
/// tools version 6.2 (a path dependency would hide that). The checkout is cloned into a
/// temporary folder (its last commit: commit first), the clone is tagged with the CLI's
/// version, the example is copied beside it with its dependency URL pointed at the clone
/// (`file://`, `from:` kept), and `swift build` + `swift run` must train the net and pass every
/// gradient check. Everything SwiftPM writes (build, cache, configuration, fingerprints) stays
/// in the temporary folder, so the run starts clean; gradecheck's own dependencies resolve from
/// their usual URLs as for any package.
@Suite("The engine as a versioned dependency")
struct EngineAsDependencyTests {
    static let root = PackageRoot.url

    /// Why the test cannot run here, or nil when it can.
    static let missing: String? = {
        for tool in ["git", "swift"] where Tool.find(tool) == nil {
            return "`\(tool)` is not on the PATH: the example package cannot be built as a dependency here"
        }
        return nil
    }()

    @Test("examples/use-the-engine builds against a tagged clone and its gradient checks pass",
          .enabled(if: missing == nil, Comment(rawValue: missing ?? "")), .timeLimit(.minutes(20)))
    func exampleBuildsAgainstTaggedClone() throws {
        let version = try Self.toolVersion()
        let scratch = try ScratchFolder("gradecheck-use-the-engine")
        let folder = scratch.url
        // SwiftPM leaves its lock files in /tmp, named after the paths it locked.
        defer { Self.removeLocks(of: folder) }

        // The package identity comes from the URL's last component: the clone must be "gradecheck".
        let clone = folder.appendingPathComponent("gradecheck")
        try Tool.run("git", ["clone", "--quiet", Self.root.path, clone.path], in: folder)
        try Tool.run("git", ["-C", clone.path, "tag", "--force", version], in: folder)

        let example = folder.appendingPathComponent("use-the-engine")
        try FileManager.default.copyItem(at: clone.appendingPathComponent("examples/use-the-engine"), to: example)
        let manifest = example.appendingPathComponent("Package.swift")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        let rewritten = try Self.pointing(original, at: clone)
        try rewritten.write(to: manifest, atomically: true, encoding: .utf8)

        let swiftPM = [
            "--package-path", example.path, "--scratch-path", folder.appendingPathComponent("build").path,
            "--cache-path", folder.appendingPathComponent("cache").path,
            "--config-path", folder.appendingPathComponent("configuration").path,
            "--security-path", folder.appendingPathComponent("security").path,
        ]
        try Tool.run("swift", ["build"] + swiftPM, in: folder, nice: true)
        let output = try Tool.run("swift", ["run", "--skip-build"] + swiftPM + ["use-the-engine"], in: folder)

        // The spiral is learned (a linear classifier reaches about 50% on it).
        let accuracy = try #require(Self.number(after: "validation accuracy ", in: output), "no accuracy in:\n\(output)")
        #expect(accuracy >= 0.9, "validation accuracy \(accuracy):\n\(output)")
        // The notebook's initial losses, then all 12 parameter checks (6 parameters, 2 regs) pass.
        #expect(output.contains("reg 0.0: initial loss 2.30047908976849"), "\(output)")
        #expect(output.contains("reg 3.14: initial loss 7.05211477653301"), "\(output)")
        let checks = output.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(checks.count == 12 && checks.allSatisfy { $0.contains(": passed;") }, "\(output)")
    }

    @Test("the dependency URL is replaced and `from:` kept; a manifest without one is an error")
    func manifestRewriting() throws {
        let manifest = #".package(url: "https://github.com/your-org/gradecheck.git", from: "0.1.0"),"#
        let clone = URL(fileURLWithPath: "/tmp/x/gradecheck")
        #expect(try Self.pointing(manifest, at: clone) == #".package(url: "file:///tmp/x/gradecheck", from: "0.1.0"),"#)
        #expect(throws: TestFailure.self) { try Self.pointing(#".package(path: "../..")"#, at: clone) }
        #expect(throws: TestFailure.self) { try Self.pointing(#".package(url: "https://x/gradecheck.git", branch: "main")"#, at: clone) }
    }

    /// The version the CLI reports (`version: "0.1.0"` in GradeCheck.swift): the tag to make.
    static func toolVersion() throws -> String {
        let source = try String(contentsOf: root.appendingPathComponent("Sources/gradecheck/GradeCheck.swift"), encoding: .utf8)
        guard let match = source.firstMatch(of: #/version: "(\d+\.\d+\.\d+)"/#) else {
            throw TestFailure("no `version: \"X.Y.Z\"` in Sources/gradecheck/GradeCheck.swift")
        }
        return String(match.1)
    }

    /// `manifest` with gradecheck's versioned dependency (`.package(url: "...gradecheck...",
    /// from: ...)`) pointed at `clone`; an error unless there is exactly one.
    static func pointing(_ manifest: String, at clone: URL) throws -> String {
        let dependency = #/\.package\(url: "[^"]*gradecheck[^"]*", from: /#
        guard manifest.matches(of: dependency).count == 1 else {
            throw TestFailure("the example's manifest has no single `.package(url: \"...gradecheck...\", from: ...)` dependency")
        }
        return manifest.replacing(dependency, with: ".package(url: \"\(clone.absoluteURL.absoluteString)\", from: ")
    }

    /// The lock files SwiftPM leaves in /tmp for the paths under `folder`
    /// (`_tmp_NAME_build.lock`, `_tmp_NAME_cache_repositories.lock`, ...).
    static func removeLocks(of folder: URL) {
        let prefix = folder.path.replacingOccurrences(of: "/", with: "_")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".lock") {
            try? FileManager.default.removeItem(atPath: "/tmp/\(name)")
        }
    }

    /// The decimal number printed right after `label`.
    static func number(after label: String, in text: String) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
}
