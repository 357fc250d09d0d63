import Adapters

/// How a `Grader` grades: what `gradecheck grade`'s options say.
public struct GradeOptions: Sendable {
    /// Warnings fail (exact agreement with the reference instead of what the course accepts).
    public var strict = false
    /// Check-id globs: only these (all when empty), never these.
    public var only: [String] = []
    public var skip: [String] = []
    /// Check-id globs of checks hidden from students until grades are published (Gradescope).
    public var hidden: [String] = []
    /// Seed of the checks' random choices.
    public var seed: UInt32 = 0
    /// The fixtures folder (`cases/` inside); nil: the installed one, else the source tree's.
    public var fixtures: String?
    /// `auto`, `all`, a profile id, a year, or a year and an assignment (`2025-a1`).
    public var profile = "auto"
    /// The Python interpreter (with numpy) that runs a submission.
    public var python = "python3"
    /// Seconds one call into the submission may take; seconds its whole grading may take.
    public var timeout = 10.0
    public var globalTimeout = 900.0
    /// Removed numpy APIs and Python 2 builtins are served by a compatibility layer, with a warning.
    public var compatibility = true
    public var sandbox = SandboxChoice.auto
    /// The tool's version, written into every report.
    public var toolVersion = "unknown"
    /// Adapter processes (each in its own sandbox) that share one submission's checks: a fixed
    /// split of the catalog, so that the same submission is graded the same way every time.
    /// 1 in a class run, where the students already keep every core busy.
    public var workers = 1

    public init() {}

    /// The sandbox for a submission's code.
    public enum SandboxChoice: String, Sendable, CaseIterable {
        /// bubblewrap, else unshare + Landlock + seccomp; refuses where neither works.
        case auto, bubblewrap, landlock
        /// No sandbox: the submission's code runs with the grader's privileges (trusted code only).
        case none

        var kind: Sandbox.Kind? {
            switch self {
            case .auto: nil
            case .bubblewrap: .bubblewrap
            case .landlock: .landlock
            case .none: Sandbox.Kind.none
            }
        }
    }
}
