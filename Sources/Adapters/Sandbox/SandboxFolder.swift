#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The folder of one grading, `TMPDIR/gradecheck-PID-RANDOM` (mode 0700, the grader's): the
/// private copy of the submission lives in it, and nothing else of the grading lives anywhere
/// else on disk. It is removed when the grading ends, on SIGINT and SIGTERM
/// (`SandboxRegistry`), and, for a grader killed outright, by the next grader that starts
/// (the PID in the name is the owner's).
public final class SandboxFolder: @unchecked Sendable {
    public let url: URL
    private var removed = false

    /// A new folder with `mode` (0700: a grading's; 0755 for what every sandbox reads, such as
    /// the compiled adapter).
    public init(mode: mode_t = 0o700) throws(SandboxError) {
        let base = URL(fileURLWithPath: NSTemporaryDirectory().isEmpty ? "/tmp" : NSTemporaryDirectory())
        Self.removeStale(in: base)
        var random = SystemRandomNumberGenerator()
        let name = "gradecheck-\(getpid())-\(String(random.next() as UInt64, radix: 36))"
        url = base.appendingPathComponent(name)
        guard mkdir(url.path, 0o700) == 0 else {
            throw SandboxError("cannot create the grading folder \(url.path): \(String(cString: strerror(errno)))")
        }
        _ = chmod(url.path, mode)
    }

    /// Removes the folder and everything in it (student files included, whoever owns them).
    public func remove() {
        guard !removed else { return }
        removed = true
        Self.removeTree(url.path)
    }

    deinit { remove() }

    /// The grader's pid in a `gradecheck-PID-...` name.
    static func ownerPID(_ name: String) -> pid_t? {
        let parts = name.split(separator: "-")
        guard parts.count == 3, parts[0] == "gradecheck" else { return nil }
        return pid_t(parts[1])
    }

    /// Folders of graders that no longer run.
    static func removeStale(in base: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] {
            guard let owner = ownerPID(name), owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
            removeTree(base.appendingPathComponent(name).path)
        }
    }

    /// `rm -rf` without following links; folders the student made unwritable are opened up first.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            _ = chmod(path, 0o700)
            for name in DirectoryEntries.names(path) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
