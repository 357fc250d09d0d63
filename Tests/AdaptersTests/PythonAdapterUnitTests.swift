import Foundation
import Testing

/// The Python adapter's own unit tests (`Tests/PythonAdapterTests/test_adapter.py`: transport,
/// values, the relay that keeps the harness's pipes away from student code, loading), run with
/// the `python3` on the PATH.
@Suite("Python adapter unit tests")
struct PythonAdapterUnitTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("python3 -m unittest passes")
    func unittests() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "unittest", "discover", "-s", Self.root.appendingPathComponent("Tests/PythonAdapterTests").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.suffix(3000))")
        #expect(output.contains("Ran ") && output.contains("OK"), "\(output.suffix(500))")
    }
}
