#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// bubblewrap (`bwrap`, Flatpak's sandbox), the default isolation on Linux.
///
/// The sandbox gets new user (when not root), mount, pid, network, ipc, uts and cgroup
/// namespaces; `--die-with-parent` (nothing outlives the grader); `--new-session` (no
/// controlling terminal, so no `TIOCSTI` into the grader's terminal); every capability dropped.
/// Its root is built from nothing: the system folders (`/usr`, the `/bin`, `/lib*` links, `/etc`)
/// and the interpreter's folders read-only, private tmpfs at `/tmp`, `/var/tmp`, `/dev/shm`,
/// `/home`, `/root` and `/run`, a fresh `/proc` and a minimal `/dev`, tmpfs over every folder of
/// the grader that falls inside a bound one (fixtures, reports, the binary), the adapter
/// read-only and the private copy read-write, at the paths they have outside; then the root is
/// remounted read-only.
///
/// As root, a user namespace would map the sandbox's uid to 0 outside (files readable by root
/// would be readable), so bubblewrap runs without one and keeps only CAP_SETUID and CAP_SETGID,
/// which `setpriv` uses to become the grading's own unprivileged uid and drop everything
/// before the command runs. As an ordinary user, the user namespace maps the grader's uid.
public struct Bubblewrap: Sendable {
    public let executable: String
    /// `setpriv` (util-linux), needed as root.
    public let setpriv: String?
    public let version: String

    /// The folders every sandbox sees read-only, as on this machine (links kept as links).
    static let systemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"]
    static let privateFolders = ["/tmp", "/var/tmp", "/dev/shm", "/home", "/root", "/run"]

    /// bubblewrap where it is installed and works here, or why not (cached: probed once).
    public static let probe: Result<Bubblewrap, SandboxError> = detect()

    static func detect() -> Result<Bubblewrap, SandboxError> {
        // GRADECHECK_BWRAP names another bubblewrap (an unusual install, or a test of the refusal).
        if let chosen = ProcessInfo.processInfo.environment["GRADECHECK_BWRAP"], !isExecutable(chosen) {
            return .failure(SandboxError("GRADECHECK_BWRAP=\(chosen) is not an executable"))
        }
        let places = ProcessInfo.processInfo.environment["GRADECHECK_BWRAP"].map { [$0] } ?? ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"]
        guard let executable = places.first(where: isExecutable) else {
            return .failure(SandboxError("bubblewrap is not installed (apt-get install bubblewrap)"))
        }
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: isExecutable)
        if getuid() == 0 && setpriv == nil {
            return .failure(SandboxError("setpriv (util-linux) is missing: as root, bubblewrap needs it to switch to an unprivileged uid"))
        }
        let version = run([executable, "--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let found = Bubblewrap(executable: executable, setpriv: setpriv, version: version.isEmpty ? "bubblewrap" : version)
        let probe = found.arguments(
            readOnly: [], hidden: [], writable: nil, workingDirectory: "/", user: getuid() == 0 ? (uid_t(65534), gid_t(65534)) : nil,
            tmpfsBytes: 1 << 20) + ["/bin/true"]
        let outcome = run(probe)
        guard outcome.status == 0 else {
            let why = outcome.output.split(separator: "\n").last.map(String.init) ?? "exit status \(outcome.status)"
            return .failure(SandboxError("\(executable) does not work here: \(why)"))
        }
        return .success(found)
    }

    /// bubblewrap's arguments up to (not including) the command. `user` is the uid and gid to
    /// switch to (root only); `writable` the private copy; `hidden` the grader's folders.
    public func arguments(
        readOnly: [String], hidden: [String], writable: String?, workingDirectory: String, user: (uid: uid_t, gid: gid_t)?,
        tmpfsBytes: Int
    ) -> [String] {
        var layout = Layout()
        var args = [executable]
        if user == nil { args += ["--unshare-user", "--disable-userns"] }
        args += ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                 "--hostname", "gradecheck", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        if user != nil { args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"] }
        for folder in Self.systemFolders {
            var info = stat()
            guard lstat(folder, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK, let target = DirectoryEntries.linkTarget(folder) {
                args += ["--symlink", target, folder]
            } else if info.st_mode & S_IFMT == S_IFDIR {
                args += ["--ro-bind", folder, folder]
                layout.mirror(folder)
            }
        }
        args += ["--proc", "/proc", "--dev", "/dev"]
        for folder in Self.privateFolders {
            // Sticky and writable by all where programs expect to write; the others stay 0755.
            let mode = ["/tmp", "/var/tmp", "/dev/shm"].contains(folder) ? "1777" : "0755"
            args += layout.parents(of: folder) + ["--perms", mode, "--size", String(tmpfsBytes), "--tmpfs", folder]
            layout.empty(folder)
        }
        for path in readOnly where !layout.covers(path) {
            args += layout.parents(of: path) + ["--ro-bind", path, path]
            layout.mirror(path)
        }
        for path in hidden where layout.covers(path) && FileManager.default.fileExists(atPath: path) {
            args += ["--size", "65536", "--tmpfs", path]
            layout.empty(path)
        }
        // The adapter may sit inside a hidden folder (the grader's resources): bound again on top.
        for path in readOnly where !layout.covers(path) {
            args += layout.parents(of: path) + ["--ro-bind", path, path]
            layout.mirror(path)
        }
        if let writable {
            args += layout.parents(of: writable) + ["--bind", writable, writable]
        }
        args += ["--chdir", workingDirectory, "--remount-ro", "/"]
        if let user, let setpriv {
            args += [setpriv, "--reuid", String(user.uid), "--regid", String(user.gid), "--clear-groups",
                     "--inh-caps=-all", "--bounding-set=-all", "--"]
        }
        return args
    }

    /// What the sandbox's root holds so far, in mount order, to create the folders a bind needs
    /// (mode 0755: bubblewrap would make them 0700, which the unprivileged uid cannot enter).
    struct Layout {
        enum Kind { case mirror, empty, made }
        var mounts: [(path: String, kind: Kind)] = []

        static func isInside(_ path: String, _ folder: String) -> Bool {
            folder == "/" || path == folder || path.hasPrefix(folder + "/")
        }

        mutating func mirror(_ path: String) { mounts.append((path, .mirror)) }
        mutating func empty(_ path: String) { mounts.append((path, .empty)) }

        /// Whether `path` is inside a bind of the outside tree (so it shows what is there).
        func covers(_ path: String) -> Bool {
            for mount in mounts.reversed() where Self.isInside(path, mount.path) {
                switch mount.kind {
                case .mirror: return true
                case .empty: return false
                case .made: continue
                }
            }
            return false
        }

        /// Whether the folder `path` exists in the sandbox's root so far.
        func exists(_ path: String) -> Bool {
            for mount in mounts.reversed() where Self.isInside(path, mount.path) {
                switch mount.kind {
                case .mirror: return true
                case .empty: return path == mount.path
                case .made: if path == mount.path { return true }
                }
            }
            return false
        }

        mutating func parents(of path: String) -> [String] {
            var args: [String] = [], prefix = ""
            for part in path.split(separator: "/").dropLast() {
                prefix += "/" + part
                if exists(prefix) { continue }
                args += ["--perms", "0755", "--dir", prefix]
                mounts.append((prefix, .made))
            }
            return args
        }
    }

    /// Whether `path` is a file this process may execute.
    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// Runs a short command, returning its exit status and its output (stdout and stderr).
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
