#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What isolation this machine gives a grading, and why: the answer of `gradecheck doctor`,
/// found by trying each piece the way a grading would (not by reading version numbers).
public struct SandboxDiagnosis: Sendable {
    /// One finding: what was tried, whether it works, and the detail.
    public struct Finding: Sendable {
        public let name: String
        public let works: Bool
        public let detail: String
    }

    public let findings: [Finding]
    /// The sandbox `gradecheck grade` would use (`--sandbox auto`), nil when none works.
    public let chosen: Sandbox.Kind?

    /// Tries bubblewrap, the Landlock fallback (`confine` is its launcher) and a control group.
    public static func run(confine: [String]?) -> SandboxDiagnosis {
        var findings: [Finding] = []
        let root = getuid() == 0
        findings.append(Finding(name: "grader", works: true, detail: root
            ? "running as root: each grading runs as a uid of its own (setpriv inside bubblewrap)"
            : "running as uid \(getuid()): each grading is the grader's uid mapped in a user namespace"))
        let bubblewrap: Bool
        switch Bubblewrap.probe {
        case let .success(bwrap):
            bubblewrap = true
            findings.append(Finding(name: "bubblewrap", works: true, detail: "\(bwrap.version) at \(bwrap.executable): a sandbox starts here"))
        case let .failure(why):
            bubblewrap = false
            findings.append(Finding(name: "bubblewrap", works: false, detail: why.description))
        }
        let landlock: Bool
        switch Confinement.probe(confine: confine) {
        case let .success(description):
            landlock = true
            findings.append(Finding(name: "landlock", works: true, detail: description))
        case let .failure(why):
            landlock = false
            findings.append(Finding(name: "landlock", works: false, detail: why.description))
        }
        if root {
            switch ControlGroup.make(name: "gradecheck-\(getpid())-doctor", limits: SandboxLimits()) {
            case let .success(group):
                findings.append(Finding(name: "cgroup", works: true, detail: group.description + ": aggregate limits per grading"))
                group.remove()
            case let .failure(why):
                findings.append(Finding(name: "cgroup", works: false, detail: "\(why); limits are the pid namespace plus per-process rlimits"))
            }
        } else {
            findings.append(Finding(name: "cgroup", works: false, detail: "not as an ordinary user: limits are the pid namespace plus per-process rlimits"))
        }
        return SandboxDiagnosis(findings: findings, chosen: bubblewrap ? .bubblewrap : landlock ? .landlock : nil)
    }
}
