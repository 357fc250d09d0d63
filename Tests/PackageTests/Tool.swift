import Foundation

/// Command-line tools the package tests run, found on the PATH.
enum Tool {
    /// How a command ended.
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The executable called `name` on the PATH, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name arguments` in `folder` and returns its standard output; a non-zero exit is an
    /// error carrying the command and both outputs (see `execute`).
    @discardableResult
    static func run(_ name: String, _ arguments: [String], in folder: URL, nice: Bool = false) throws -> String {
        let outcome = try execute(name, arguments, in: folder, nice: nice)
        guard outcome.status == 0 else {
            throw TestFailure("`\(name) \(arguments.joined(separator: " "))` exited with status \(outcome.status)\nstdout:\n\(outcome.output)\nstderr:\n\(outcome.errors)")
        }
        return outcome.output
    }

    /// Runs `name arguments` (`name` looked up on the PATH, or a path) in `folder`, with
    /// `environment` (default: this process's), and returns how it ended. Output goes to files,
    /// so no pipe can fill up and stall the child. No exit within `timeout` seconds is an error
    /// (the process is then terminated). `nice`: at the lowest CPU priority, so that a long
    /// build yields to the tests running beside it.
    static func execute(
        _ name: String, _ arguments: [String], in folder: URL, environment: [String: String]? = nil,
        nice: Bool = false, timeout: TimeInterval = 900
    ) throws -> Outcome {
        guard let executable = name.contains("/") ? name : find(name) else { throw TestFailure("\(name) is not on the PATH") }
        let stdout = folder.appendingPathComponent(".tool-\(UUID().uuidString).out")
        let stderr = folder.appendingPathComponent(".tool-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
        }
        let process = Process()
        if nice, let niceTool = find("nice") {
            process.executableURL = URL(fileURLWithPath: niceTool)
            process.arguments = ["-n", "19", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        if let environment { process.environment = environment }
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw TestFailure("`\(name) \(arguments.joined(separator: " "))` did not finish within \(Int(timeout)) s")
        }
        return Outcome(
            status: process.terminationStatus,
            output: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }
}

/// A failure a package test reports with its own message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A temporary folder under /tmp of the test's own, removed when the value goes.
final class ScratchFolder {
    let url: URL
    init(_ prefix: String) throws {
        url = URL(fileURLWithPath: "/tmp").appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The package's root folder (the checkout the tests run from).
enum PackageRoot {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
