import Foundation
import Testing
@testable import Adapters

#if canImport(Glibc)
import Glibc
#endif

/// The sandbox's pieces on their own: the control group's aggregate memory limit (forks cannot
/// multiply it), the safe copy's rules, and bubblewrap's view of the file system.
@Suite("Sandbox", .serialized)
struct SandboxTests {
    /// Runs `python3 -c code` inside a sandbox with `limits`; returns its standard output.
    func run(_ code: String, limits: SandboxLimits, kind: Sandbox.Kind = .bubblewrap) throws -> String {
        let interpreter = try PythonAdapter.resolveInterpreter("python3")
        var request = Sandbox.Request(kind: kind)
        request.limits = limits
        request.readOnly = interpreter.folders
        let sandbox = try Sandbox(request)
        defer { sandbox.finish() }
        let process = Process()
        let command = sandbox.wrap([interpreter.executable, "-I", "-c", code])
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = sandbox.submission
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    static let forks = """
        import os, time
        children = []
        for _ in range(3):
            pid = os.fork()
            if pid == 0:
                block = bytearray(200 << 20)
                for i in range(0, len(block), 4096):
                    block[i] = 1
                time.sleep(1)
                os._exit(0)
            children.append(pid)
        print(' '.join(str(os.waitpid(p, 0)[1]) for p in children))
        """

    @Test("three forks of 200 MiB each: a 384 MiB grading loses one, a 2 GiB grading none")
    func aggregateMemory() throws {
        guard getuid() == 0, case .success = Bubblewrap.probe else { return }
        var tight = SandboxLimits()
        tight.memoryBytes = 384 << 20
        let statuses = try run(Self.forks, limits: tight).split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(statuses.count == 3 && statuses.contains { $0 != 0 }, "\(statuses): the aggregate limit held")
        var roomy = SandboxLimits()
        roomy.memoryBytes = 2 << 30
        let fine = try run(Self.forks, limits: roomy).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(fine == "0 0 0", "\(fine)")
    }

    @Test("inside bubblewrap: no grader command line in /proc, no home, writable copy only")
    func view() throws {
        guard case .success = Bubblewrap.probe else { return }
        let code = """
            import os
            def can_write(p):
                try:
                    open(p, 'w').close(); return 'w'
                except OSError:
                    return '-'
            print(sorted(os.listdir('/root')), len([p for p in os.listdir('/proc') if p.isdigit()]) <= 3,
                  can_write('/etc/x'), can_write('/usr/x'), can_write(os.getcwd() + '/x'), can_write('/tmp/x'),
                  os.path.exists('/var/lib'), os.path.exists('/srv'))
            """
        let seen = try run(code, limits: SandboxLimits()).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(seen.hasSuffix("True - - w w False False"), "\(seen)")
    }

    // MARK: Safe copy

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-safecopy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("cs231n/classifiers"), withIntermediateDirectories: true)
        try "x = 1\n".write(to: url.appendingPathComponent("cs231n/layers.py"), atomically: true, encoding: .utf8)
        return url
    }

    @Test("links, FIFOs, __pycache__ and dataset files are left out; regular files copied exactly")
    func leavesOut() throws {
        let source = try scratch()
        defer { try? FileManager.default.removeItem(at: source) }
        let cs231n = source.appendingPathComponent("cs231n")
        try FileManager.default.createSymbolicLink(atPath: cs231n.appendingPathComponent("up").path, withDestinationPath: "/")
        #expect(mkfifo(cs231n.appendingPathComponent("fifo").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: cs231n.appendingPathComponent("__pycache__"), withIntermediateDirectories: true)
        try "stale".write(to: cs231n.appendingPathComponent("__pycache__/layers.cpython-311.pyc"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: cs231n.appendingPathComponent("datasets/cifar-10-batches-py"), withIntermediateDirectories: true)
        try "data".write(to: cs231n.appendingPathComponent("datasets/cifar-10-batches-py/data_batch_1"), atomically: true, encoding: .utf8)
        try "".write(to: cs231n.appendingPathComponent("datasets/__init__.py"), atomically: true, encoding: .utf8)
        let destination = source.appendingPathComponent("copy")
        let outcome = try SafeCopy.copy(from: cs231n, to: destination)
        #expect(try String(contentsOf: destination.appendingPathComponent("layers.py"), encoding: .utf8) == "x = 1\n")
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("datasets/__init__.py").path))
        for gone in ["up", "fifo", "__pycache__", "datasets/cifar-10-batches-py/data_batch_1"] {
            #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent(gone).path), "\(gone) copied")
        }
        #expect(outcome.notes.count == 3, "\(outcome.notes)")
        #expect(outcome.files == 2)
    }

    @Test("the caps: total size (apparent), entries, depth")
    func caps() throws {
        let source = try scratch()
        defer { try? FileManager.default.removeItem(at: source) }
        let cs231n = source.appendingPathComponent("cs231n")
        var caps = SafeCopy.Caps()
        caps.totalBytes = 1 << 20
        let fd = open(cs231n.appendingPathComponent("sparse").path, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, 2 << 20)
        close(fd)
        #expect(throws: SafeCopy.Rejection.self) { try SafeCopy.copy(from: cs231n, to: source.appendingPathComponent("a"), caps: caps) }
        unlink(cs231n.appendingPathComponent("sparse").path)
        caps = SafeCopy.Caps()
        caps.depth = 3
        try FileManager.default.createDirectory(at: cs231n.appendingPathComponent("a/b/c/d/e"), withIntermediateDirectories: true)
        #expect(throws: SafeCopy.Rejection.self) { try SafeCopy.copy(from: cs231n, to: source.appendingPathComponent("b"), caps: caps) }
        caps = SafeCopy.Caps()
        caps.entries = 4
        #expect(throws: SafeCopy.Rejection.self) { try SafeCopy.copy(from: cs231n, to: source.appendingPathComponent("c"), caps: caps) }
        caps.entries = 100
        caps.depth = 10
        #expect(try SafeCopy.copy(from: cs231n, to: source.appendingPathComponent("d"), caps: caps).files == 1)
    }
}
