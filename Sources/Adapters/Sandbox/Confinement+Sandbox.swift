#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The fallback sandbox: `unshare` namespaces (user, pid, network, ipc, uts, mount, a fresh
/// `/proc`), then `gradecheck confine`, which installs Landlock file-system rules and a seccomp
/// filter on itself and execs the adapter. Used where bubblewrap is missing or refused.
extension Confinement {
    static let unshare = ["/usr/bin/unshare", "/bin/unshare"].first(where: Bubblewrap.isExecutable)

    static let namespaces = ["--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--ipc", "--uts", "--mount", "--mount-proc"]

    /// A description for the reports, or why this fallback does not work here.
    static func probe(confine: [String]?) -> Result<String, SandboxError> {
        guard let confine, !confine.isEmpty else { return .failure(SandboxError("the `gradecheck confine` launcher is not available to this grader")) }
        guard let abi = landlockABI else { return .failure(SandboxError("Landlock is not available in this kernel")) }
        guard let unshare else { return .failure(SandboxError("unshare (util-linux) is not installed")) }
        let outcome = Bubblewrap.run([unshare] + namespaces + ["/bin/true"])
        guard outcome.status == 0 else {
            let why = outcome.output.split(separator: "\n").last.map(String.init) ?? "exit status \(outcome.status)"
            return .failure(SandboxError("unshare does not work here: \(why)"))
        }
        return .success("unshare (user, mount, pid, network, ipc and uts namespaces) + Landlock ABI \(abi) (file system, TCP, signals) + seccomp (no sockets, ptrace, setsid, TIOCSTI or new namespaces)")
    }

    /// The prefix that starts a command confined to `readOnly` and `writable`.
    static func arguments(confine: [String], readOnly: [String], writable: [String]) -> [String] {
        let system = Bubblewrap.systemFolders.filter { folder in
            var info = stat()
            return lstat(folder, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        var args = [unshare ?? "unshare"] + namespaces + confine
        for path in system + readOnly + ["/proc", "/dev/urandom", "/dev/random"] { args += ["--read", path] }
        for path in writable + ["/dev/null", "/dev/zero"] { args += ["--write", path] }
        return args + ["--"]
    }
}
