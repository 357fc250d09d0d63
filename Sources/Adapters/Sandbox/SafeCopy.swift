#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Copies a submission's `cs231n/` into the sandbox: regular files and folders only, within caps.
///
/// Symbolic links, FIFOs, sockets and devices are left out with a note (a FIFO opened for
/// reading would block the grader; a link would reach outside). `__pycache__` is left out (its
/// byte code need not match the sources), and so are the data files under `cs231n/datasets/`
/// (the grader brings its own data; students often upload CIFAR-10's 170 MB with their code).
/// Nothing is followed: every entry is `lstat`ed, opened with `O_NOFOLLOW | O_NONBLOCK` and
/// checked again with `fstat`. A file's *apparent* size counts, so a sparse file cannot hide.
public enum SafeCopy {
    /// Defaults: 50 MiB in all, 5,000 entries, 24 folders deep, 20 s.
    public struct Caps: Sendable, Equatable {
        public var totalBytes = 50 << 20
        public var entries = 5_000
        public var depth = 24
        public var seconds = 20.0
        public init() {}
    }

    /// What was copied and what was left out.
    public struct Outcome: Sendable, Equatable {
        public var files = 0
        public var bytes = 0
        /// One line per entry left out: `cs231n/data -> /etc: a symbolic link (not copied)`.
        public var notes: [String] = []
    }

    /// Why a submission was not copied at all.
    public struct Rejection: Error, CustomStringConvertible, Sendable {
        public let reason: String
        public var description: String { "submission rejected: \(reason)" }
    }

    /// Copies folder `source` to `destination` (which must not exist), owned by `owner` when
    /// given (the grading's own uid and gid), folders 0755 and files 0644 (0755 if executable).
    public static func copy(
        from source: URL, to destination: URL, owner: (uid: uid_t, gid: gid_t)? = nil, caps: Caps = Caps()
    ) throws(Rejection) -> Outcome {
        var info = stat()
        guard lstat(source.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            let what = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a folder"
            throw Rejection(reason: "\(source.lastPathComponent) is \(what): the grader copies only regular files and folders")
        }
        var state = State(caps: caps, owner: owner, deadline: Date().addingTimeInterval(caps.seconds))
        try state.folder(source.path, destination.path, relative: source.lastPathComponent, depth: 0)
        return state.outcome
    }

    private struct State {
        let caps: Caps
        let owner: (uid: uid_t, gid: gid_t)?
        let deadline: Date
        var outcome = Outcome()
        var entries = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)

        init(caps: Caps, owner: (uid: uid_t, gid: gid_t)?, deadline: Date) {
            self.caps = caps
            self.owner = owner
            self.deadline = deadline
        }

        mutating func count(_ relative: String) throws(Rejection) {
            entries += 1
            if entries > caps.entries { throw Rejection(reason: "more than \(caps.entries) files and folders in cs231n/") }
            if Date() > deadline { throw Rejection(reason: "copying took longer than \(Int(caps.seconds)) s (at \(relative))") }
        }

        mutating func folder(_ source: String, _ destination: String, relative: String, depth: Int) throws(Rejection) {
            if depth > caps.depth { throw Rejection(reason: "folders nested deeper than \(caps.depth) levels (at \(relative))") }
            guard mkdir(destination, 0o755) == 0 else { throw Rejection(reason: "cannot create \(destination): \(String(cString: strerror(errno)))") }
            chown(destination)
            guard let names = DirectoryEntries.names(source) else {
                throw Rejection(reason: "cannot read the folder \(relative): \(String(cString: strerror(errno)))")
            }
            for name in names.sorted() {
                let path = source + "/" + name, target = destination + "/" + name, inner = relative + "/" + name
                try count(inner)
                var info = stat()
                guard lstat(path, &info) == 0 else { note(inner, "unreadable (\(String(cString: strerror(errno))))"); continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if name == "__pycache__" || name == ".ipynb_checkpoints" { continue }
                    try folder(path, target, relative: inner, depth: depth + 1)
                case S_IFREG:
                    if isDatasetFile(inner) { note(inner, "a data file under cs231n/datasets/ (the grader brings its own data)"); continue }
                    try file(path, target, relative: inner, size: Int(info.st_size), mode: info.st_mode)
                case S_IFLNK:
                    note(inner, "a symbolic link" + (DirectoryEntries.linkTarget(path).map { " to \($0)" } ?? ""))
                case S_IFIFO: note(inner, "a FIFO")
                case S_IFSOCK: note(inner, "a socket")
                case S_IFCHR, S_IFBLK: note(inner, "a device")
                default: note(inner, "not a regular file")
                }
            }
        }

        mutating func file(_ source: String, _ destination: String, relative: String, size: Int, mode: mode_t) throws(Rejection) {
            if outcome.bytes + size > caps.totalBytes {
                throw Rejection(reason: "cs231n/ holds more than \(caps.totalBytes >> 20) MiB (at \(relative), \(size) bytes)")
            }
            let input = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard input >= 0 else { note(relative, "unreadable (\(String(cString: strerror(errno))))"); return }
            defer { close(input) }
            var info = stat()
            guard fstat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { note(relative, "changed while being copied"); return }
            let executable = info.st_mode & 0o111 != 0
            let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, executable ? 0o755 : 0o644)
            guard output >= 0 else { throw Rejection(reason: "cannot create \(destination): \(String(cString: strerror(errno)))") }
            defer { close(output) }
            if let owner { _ = fchown(output, owner.uid, owner.gid) }
            var copied = 0
            while true {
                let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw Rejection(reason: "cannot read \(relative): \(String(cString: strerror(errno)))") }
                if n == 0 { break }
                copied += n
                if outcome.bytes + copied > caps.totalBytes {
                    throw Rejection(reason: "cs231n/ holds more than \(caps.totalBytes >> 20) MiB (at \(relative), growing while copied)")
                }
                var offset = 0
                while offset < n {
                    let w = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, n - offset) }
                    if w < 0 && errno == EINTR { continue }
                    guard w > 0 else { throw Rejection(reason: "cannot write \(destination): \(String(cString: strerror(errno)))") }
                    offset += w
                }
                if Date() > deadline { throw Rejection(reason: "copying took longer than \(Int(caps.seconds)) s (at \(relative))") }
            }
            outcome.files += 1
            outcome.bytes += copied
        }

        func chown(_ path: String) {
            if let owner { _ = Glibc.chown(path, owner.uid, owner.gid) }
        }

        mutating func note(_ relative: String, _ what: String) {
            outcome.notes.append("\(relative): \(what), not copied")
        }

        func isDatasetFile(_ relative: String) -> Bool {
            let parts = relative.split(separator: "/")
            return parts.count > 2 && parts[1] == "datasets" && !relative.hasSuffix(".py")
        }
    }
}
