import Adapters
import Foundation
@testable import Grader
import Testing

/// How the grader starts the shipped Python adapter: compiled once by the probed interpreter,
/// without `site` (the probed `sys.path` instead), and announcing the protocol features the
/// harness relies on for speed.
@Suite("Adapter start")
struct AdapterStartTests {
    @Test("the adapter runs as a .pyc with -S and the probed sys.path, and serves evaluate_batch with dense points")
    func start() throws {
        let interpreter = try PythonAdapter.resolveInterpreter("python3")
        let compiled = try #require(interpreter.compiledScript, "the probe compiled the adapter")
        #expect(compiled.hasSuffix("gradecheck_adapter.pyc") && FileManager.default.isReadableFile(atPath: compiled))
        var info = stat()
        #expect(stat(compiled, &info) == 0 && info.st_mode & 0o777 == 0o644, "readable by every sandbox's user, writable by none but the grader")
        #expect(stat(URL(fileURLWithPath: compiled).deletingLastPathComponent().path, &info) == 0 && info.st_mode & 0o777 == 0o755)
        let path = try #require(interpreter.searchPath)
        #expect(path.contains { $0.hasSuffix("-packages") }, "site-packages is on the probed path: \(path)")

        let grader = try Grader(GradeOptions())
        let subject = try Subject.make(
            submission: ExampleSubmissionTests.examples.appendingPathComponent("correct").path, request: .auto,
            interpreter: interpreter, settings: grader.settings(hiding: []))
        defer { subject.finish() }
        let process = try #require(subject.parts.first?.implementation as? ProcessImplementation)
        #expect(process.command.contains("-S") && process.command.contains("--sys-path"))
        #expect(process.command.contains(compiled))
        #expect(process.supportsBatchEvaluation && process.supportsDensePoints, "the adapter announces \(ProtocolCodec.densePointsFeature)")
    }
}
