#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One grading's sandbox, built by the harness before any student code exists in a process and
/// the same for every language's adapter: its own folder (0700) holding the private copy, its
/// own uid (as root) or user-namespace mapping, its own control group where the machine gives
/// one, and a command prefix that starts the adapter inside (`wrap`).
///
/// Kinds, by preference: bubblewrap (namespaces and a read-only root built from nothing); the
/// fallback where bubblewrap is missing or refused, `unshare` namespaces plus Landlock and
/// seccomp (`gradecheck confine`); and none, only with `--unsafe-no-sandbox`. Every kind gets the
/// rlimits of `SandboxLimits`. `finish()` kills everything inside and removes the folder; it
/// also runs on SIGINT / SIGTERM (`SandboxRegistry`).
public final class Sandbox: @unchecked Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bubblewrap, landlock, none
    }

    /// What the caller wants: a kind, or the best that works (`nil`).
    public struct Request: Sendable {
        public var kind: Kind?
        public var limits = SandboxLimits()
        /// Folders and files the adapter needs read-only (the interpreter's, the adapter's).
        public var readOnly: [String] = []
        /// The grader's folders (fixtures, reports, its binary, the original submissions).
        public var hidden: [String] = []
        /// The command that confines itself and runs the rest (`gradecheck confine`), for `.landlock`.
        public var confine: [String]?

        public init(kind: Kind? = nil) { self.kind = kind }
    }

    public let kind: Kind
    public let folder: SandboxFolder
    /// Where the private copy goes (`folder/submission`, at the same path inside): an empty
    /// folder, the grading uid's.
    public let submission: URL
    /// The grading's own uid and gid (the grader runs as root), which owns the copy.
    public let owner: (uid: uid_t, gid: gid_t)?
    /// What isolation applied, for every report: `bubblewrap 0.8.0 (...); cgroup v1 (...)`.
    public let isolation: String
    /// Seconds spent building the sandbox (folder, control group, probe) so far.
    public let setupSeconds: Double
    let group: ControlGroup?
    let prefix: [String]
    let limits: SandboxLimits
    private let lock = NSLock()
    private var finished = false

    public init(_ request: Request) throws(SandboxError) {
        let started = Date()
        let root = getuid() == 0
        var chosen: (Kind, [String], String)?
        var refusals: [String] = []
        let folder = try SandboxFolder()
        let submission = folder.url.appendingPathComponent("submission")
        // As root, a bubblewrap sandbox runs as a uid of its own, which owns the copy; the
        // folder around it stays the grader's, 0700.
        var owner: (uid: uid_t, gid: gid_t)? = root ? Self.gradingUID() : nil
        let candidates: [Kind] = request.kind.map { [$0] } ?? [.bubblewrap, .landlock]
        for kind in candidates where chosen == nil {
            switch kind {
            case .bubblewrap:
                switch Bubblewrap.probe {
                case let .success(bwrap):
                    let args = bwrap.arguments(
                        readOnly: request.readOnly, hidden: request.hidden + [folder.url.path], writable: submission.path,
                        workingDirectory: submission.path, user: owner, tmpfsBytes: request.limits.tmpfsBytes)
                    let who = owner.map { "mount, pid, network, ipc and uts namespaces, read-only root, no capabilities, uid \($0.uid) of its own" }
                        ?? "user, mount, pid, network, ipc and uts namespaces, read-only root, no capabilities, the grader's uid mapped"
                    chosen = (.bubblewrap, args, "\(bwrap.version): \(who)")
                case let .failure(why):
                    refusals.append("bubblewrap: \(why)")
                }
            case .landlock:
                switch Confinement.probe(confine: request.confine) {
                case let .success(description):
                    let args = Confinement.arguments(
                        confine: request.confine ?? [], readOnly: request.readOnly, writable: [submission.path, folder.url.path + "/tmp"])
                    chosen = (.landlock, args, description)
                case let .failure(why):
                    refusals.append("Landlock: \(why)")
                }
            case .none:
                chosen = (.none, [], "none (--unsafe-no-sandbox): the student's code ran with the grader's privileges and saw its files")
            }
        }
        guard let (kind, args, description) = chosen else {
            folder.remove()
            throw SandboxError(
                "no sandbox works on this machine (\(refusals.joined(separator: "; "))); install bubblewrap (apt-get install bubblewrap), or pass --unsafe-no-sandbox to run the submission's code unconfined")
        }
        if kind != .bubblewrap {
            owner = nil
            mkdir(folder.url.path + "/tmp", 0o700)
        }
        guard mkdir(submission.path, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            folder.remove()
            throw SandboxError("cannot create \(submission.path): \(reason)")
        }
        if let owner { _ = chown(submission.path, owner.uid, owner.gid) }
        var limitText = "rlimits (memory \(request.limits.memoryBytes >> 20) MiB, cpu \(request.limits.cpuSeconds) s, files \(request.limits.fileBytes >> 20) MiB per process)"
        var group: ControlGroup?
        if root {
            switch ControlGroup.make(name: folder.url.lastPathComponent, limits: request.limits) {
            case let .success(made):
                group = made
                limitText = made.description + " + " + limitText
            case let .failure(why):
                limitText += " + the pid namespace (no control group: \(why))"
            }
        } else {
            limitText += kind == .none ? " (no control group as an ordinary user)" : " + the pid namespace (no control group as an ordinary user)"
        }
        self.kind = kind
        self.folder = folder
        self.submission = submission
        self.owner = owner
        self.group = group
        self.limits = request.limits
        // The fallback says why the preferred sandbox did not run (a container that refuses bubblewrap).
        let fallback = kind == .landlock && !refusals.isEmpty ? " (the fallback: \(refusals.joined(separator: "; ")))" : ""
        self.isolation = "\(kind.rawValue)\(fallback): \(description); limits: \(limitText)"
        self.prefix = Self.launcher(limits: request.limits, group: group, ownUID: owner != nil) + args
        self.setupSeconds = Date().timeIntervalSince(started)
        SandboxRegistry.add(self)
    }

    /// `command` started inside the sandbox.
    public func wrap(_ command: [String]) -> [String] { prefix + command }

    /// The folder student code sees as HOME and TMPDIR.
    public var home: String { kind == .bubblewrap ? "/tmp" : folder.url.path + "/tmp" }

    /// Kills everything left inside, removes the control group and the folder. Idempotent.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        group?.remove()
        folder.remove()
        SandboxRegistry.remove(self)
    }

    deinit { finish() }

    /// `/bin/sh -c` that sets the rlimits, joins the control group, then execs the rest: one
    /// process image less than `prlimit`, and no window in which a child escapes the group.
    static func launcher(limits: SandboxLimits, group: ControlGroup?, ownUID: Bool) -> [String] {
        var script = "ulimit -c 0 && ulimit -v \(limits.memoryBytes >> 10) && ulimit -t \(limits.cpuSeconds) && ulimit -f \(limits.fileBytes / 512)"
        // RLIMIT_NPROC counts every process of the uid: only a uid of the grading's own can take it.
        if ownUID { script += " && ulimit -p \(limits.processes)" }
        for file in group?.procsFiles ?? [] { script += " && echo $$ > '\(file)'" }
        script += " && exec \"$@\""
        return ["/bin/sh", "-c", script, "gradecheck-sandbox"]
    }

    /// A uid (and gid) no account uses, for one grading: 1,900,000,000 + a random 27-bit number.
    static func gradingUID() -> (uid: uid_t, gid: gid_t) {
        let id = uid_t(1_900_000_000) + uid_t.random(in: 0..<(1 << 27))
        return (id, gid_t(id))
    }
}
