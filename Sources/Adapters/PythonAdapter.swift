import Foundation

/// The Python adapter shipped with gradecheck (`Resources/python/gradecheck_adapter.py`, stdlib +
/// numpy): it serves the protocol for a submission in the course's layout.
public enum PythonAdapter {
    /// The adapter script inside the module's resources.
    public static var script: URL? {
        Bundle.module.url(forResource: "gradecheck_adapter", withExtension: "py", subdirectory: "python")
    }

    /// Resource limits applied by the adapter to itself before importing student code.
    public struct Limits: Sendable, Equatable {
        /// CPU seconds for the whole adapter process (RLIMIT_CPU).
        public var cpuSeconds = 300
        /// Address space in bytes (RLIMIT_AS).
        public var memoryBytes = 4 << 30
        /// Largest file the student may write, in bytes (RLIMIT_FSIZE).
        public var fileBytes = 64 << 20
        /// Processes of the sandbox user (RLIMIT_NPROC).
        public var processes = 64

        public init() {}

        /// The adapter's `--limits` argument.
        public var argument: String { "cpu=\(cpuSeconds),memory=\(memoryBytes),fsize=\(fileBytes),nproc=\(processes)" }
    }

    /// The command line that serves `submission` (a private copy holding `cs231n/`).
    /// `compatibility` turns the removed-API compatibility layer on (`--compat on`).
    public static func command(
        python: String, submission: URL, limits: Limits, isolateNetwork: Bool, user: String?, compatibility: Bool = true
    ) throws -> [String] {
        guard let script else { throw AdapterStartupError.spawnFailed(command: python, reason: "the Python adapter is missing from the build's resources") }
        var command = [python, "-I", "-B", script.path, "--submission", submission.path, "--limits", limits.argument,
                       "--compat", compatibility ? "on" : "off"]
        if isolateNetwork { command.append("--no-network") }
        if let user { command += ["--user", user] }
        return command
    }
}

extension PythonAdapter {
    /// The real interpreter behind `name` (a shim such as pyenv's needs its own environment,
    /// which the sandbox does not give it): `sys.executable`, asked once with the caller's
    /// environment.
    public static func resolveInterpreter(_ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name, "-c", "import sys, numpy; print(sys.executable)"]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw AdapterStartupError.spawnFailed(command: name, reason: "\(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else {
            let why = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw AdapterStartupError.spawnFailed(command: name, reason: "\(name) with numpy is needed to grade Python submissions: \(why)")
        }
        return path
    }

    /// A minimal environment for student code: no variables of the grader's leak in except
    /// the OpenBLAS core a machine may pin for correctness.
    public static func sandboxEnvironment(home: URL, inherited: [String: String]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home.path, "TMPDIR": home.path,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
            "PYTHONNOUSERSITE": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        ]
        for key in ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"] { environment[key] = inherited[key] }
        return environment
    }
}
