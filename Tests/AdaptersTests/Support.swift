import Adapters
import Foundation
import Implementation
import NumericCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder holding the fake adapter script.
final class FakeAdapterFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FakeAdapterScript.source.write(to: url.appendingPathComponent("fake_adapter.py"), atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The environment a caller would pass: scrubbed to what Python needs, plus the fake's mode.
    func environment(mode: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "FAKE_MODE": mode,
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// The Python interpreter itself, not a launcher script (a pyenv shim is a shell script that
    /// adds variables of its own to the environment).
    static let python: String = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        guard (try? probe.run()) != nil else { return "python3" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? "python3" : path
    }()

    func adapter(
        mode: String = "normal", extra: [String: String] = [:], callTimeout: Double = 10, startTimeout: Double = 20,
        globalTimeout: Double? = nil, exitGrace: Double = 2
    ) -> ProcessImplementation {
        ProcessImplementation(
            command: [Self.python, "-I", "fake_adapter.py"], environment: environment(mode: mode, extra: extra),
            workingDirectory: url, name: "fake", callTimeout: callTimeout, startTimeout: startTimeout,
            globalTimeout: globalTimeout, exitGrace: exitGrace)
    }
}

/// True when two values are the same down to the bits of every float (NaN payloads, -0.0),
/// which `==` on `Value` cannot say (NaN != NaN).
func identical(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case let (.number(x), .number(y)): return x.bitPattern == y.bitPattern
    case let (.array(x), .array(y)):
        return x.shape == y.shape && x.scalars.count == y.scalars.count
            && zip(x.scalars, y.scalars).allSatisfy { $0.bitPattern == $1.bitPattern }
    case let (.list(x), .list(y)): return x.count == y.count && zip(x, y).allSatisfy(identical)
    case let (.dict(x), .dict(y)):
        return x.keys.sorted() == y.keys.sorted() && x.allSatisfy { key, value in identical(value, y[key]!) }
    default: return a == b
    }
}

/// The error a call throws, or nil if it answered.
func callError(_ adapter: ProcessImplementation, _ operation: String, _ arguments: [String: Value] = [:]) -> ImplementationError? {
    do {
        _ = try adapter.call(operationNamed: operation, arguments)
        return nil
    } catch {
        return error
    }
}

/// Processes of group `pgid` that are still alive (zombies waiting for their parent are dead).
func liveMembers(ofGroup pgid: Int32) -> [Int32] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { Int32($0) }.filter { pid in
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        // After "pid (comm) ": state, ppid, pgrp.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 2 && fields[2] == "\(pgid)" && fields[0] != "Z" && fields[0] != "X"
    }
}

/// Whether `pid` is alive (not gone, not a zombie).
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].split(separator: " ").first
    return state != "Z" && state != "X"
}

/// Waits up to `patience` seconds for `pid` to die: a SIGKILL takes effect when the target is
/// next scheduled, so a grandchild may still be running for a moment after the group was killed.
func diesSoon(_ pid: Int32, patience: Double = 5) -> Bool {
    let start = ContinuousClock.now
    while isAlive(pid) {
        if seconds(since: start) > patience { return false }
        usleep(10_000)
    }
    return true
}

/// `kill(-pgid, 0)` fails with ESRCH: no process of the group exists, zombies included.
func groupIsGone(_ pgid: Int32) -> Bool {
    kill(-pgid, 0) == -1 && errno == ESRCH
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}
