import CConfine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fallback confinement, for machines where bubblewrap is missing or refused: the launcher
/// (`gradecheck confine`) confines itself, then execs the adapter command, which inherits the
/// confinement. It runs inside the caller's `unshare --user --map-root-user --net --pid --fork
/// --kill-child`; the namespaces are the caller's, the steps below are this one's
/// (Sources/CConfine/confine.c has the lists and the kernel documents they follow):
///
/// 1. A new session with no controlling terminal (TIOCSTI and /dev/tty cannot reach the
///    grader's terminal). The launcher must not lead its process group: `unshare --fork` runs it
///    in a child that does not. The confined process leaves the caller's process group, so it
///    is stopped through the pid namespace (or by pid), not by a group kill.
/// 2. `PR_SET_NO_NEW_PRIVS`.
/// 3. Landlock, with every file-system right the kernel's ABI knows handled: `read` paths may be
///    read, listed and executed, `write` paths anything; every other path nothing. TCP bind and
///    connect are denied (ABI 4+), signals and abstract UNIX sockets outside the domain too
///    (ABI 6+). A path that does not exist is an error, not skipped: the caller's list is wrong.
/// 4. A seccomp filter: EPERM for `socket` (any family; `socketpair` is allowed), `ptrace` and
///    its kin, `setsid`/`setpgid`, TIOCSTI and TIOCLINUX, mounts, namespaces (`unshare`,
///    `setns`, `clone` with a `CLONE_NEW*` flag), `bpf`, keys, `userfaultfd`, `perf_event_open`,
///    io_uring, modules, kexec, `reboot`, swap, `acct`, `open_by_handle_at` and `kill(-1, _)`;
///    ENOSYS for `clone3`; another architecture's syscalls kill the process.
///
/// Confinement is irreversible and fails closed: after an error the process may be partly
/// confined, and the caller must exit without running the untrusted command.
public enum Confinement {
    /// Why confinement could not be applied, in one line.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// Confines the calling process (steps 1 to 4 above). Call it from the thread that then
    /// calls `execute`: before Landlock ABI 8, the Landlock domain binds the calling thread only.
    ///
    /// - Throws: `Confinement.Failure` when any step fails, Landlock missing included.
    public static func confine(read: [String], write: [String]) throws {
        var message = [CChar](repeating: 0, count: 512)
        let status = withCStrings(read) { readPaths in
            withCStrings(write) { writePaths in
                message.withUnsafeMutableBufferPointer { buffer in
                    gc_confine(readPaths, Int32(read.count), writePaths, Int32(write.count), buffer.baseAddress, buffer.count)
                }
            }
        }
        guard status == 0 else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw Failure(message: text.isEmpty ? "confinement failed" : text)
        }
    }

    /// Replaces the process with `arguments[0]` (looked up in `environment["PATH"]` when it has
    /// no slash, as execvp does), with exactly `environment`, keeping every descriptor that is
    /// not close-on-exec (the protocol pipes on 3 and 4). If no exec succeeds, writes one line to
    /// stderr and exits with 126, the shell's "found but could not run".
    public static func execute(_ arguments: [String], environment: [String: String]) -> Never {
        guard let program = arguments.first, !program.isEmpty else { abandon("no command to run") }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var failure = ENOENT
        for candidate in candidates(for: program, path: environment["PATH"]) {
            execve(candidate, argv, envp)
            let code = errno
            // As execvp: look further past a missing or unreadable candidate, remember EACCES.
            if code == EACCES {
                failure = code
            } else if code != ENOENT && code != ENOTDIR {
                failure = code
                break
            }
        }
        abandon("cannot run \(program): \(String(cString: strerror(failure)))")
    }

    /// The Landlock ABI version of the running kernel, or nil when Landlock is not available
    /// (not built in, or not enabled at boot). For `gradecheck doctor` and the reports.
    public static var landlockABI: Int? {
        let version = gc_landlock_abi()
        return version > 0 ? Int(version) : nil
    }

    // MARK: Helpers

    /// The paths to try for `program`: itself when it has a slash, else each folder of `path`
    /// (an empty entry is the current folder), or of "/bin:/usr/bin" when there is none.
    static func candidates(for program: String, path: String?) -> [String] {
        if program.contains("/") { return [program] }
        return (path ?? "/bin:/usr/bin").split(separator: ":", omittingEmptySubsequences: false).map { folder in
            folder.isEmpty ? program : "\(folder)/\(program)"
        }
    }

    /// Calls `body` with a C array of copies of `strings` (NULL when the array is empty).
    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        let copies: [UnsafePointer<CChar>?] = strings.map { strdup($0).map { UnsafePointer($0) } }
        defer { for copy in copies { free(UnsafeMutablePointer(mutating: copy)) } }
        return copies.withUnsafeBufferPointer { body($0.count == 0 ? nil : $0.baseAddress) }
    }

    /// One line on stderr, then exit 126 without running atexit handlers or flushing buffers.
    private static func abandon(_ message: String) -> Never {
        let line = Array("gradecheck confine: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        _exit(126)
    }
}
