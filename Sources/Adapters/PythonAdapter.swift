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
    public static func command(python: String, submission: URL, profile: String, limits: Limits, isolateNetwork: Bool) throws -> [String] {
        guard let script else { throw AdapterStartupError.spawnFailed(command: python, reason: "the Python adapter is missing from the build's resources") }
        var command = [python, "-I", "-B", script.path, "--submission", submission.path, "--profile", profile, "--limits", limits.argument]
        if isolateNetwork { command.append("--no-network") }
        return command
    }
}
