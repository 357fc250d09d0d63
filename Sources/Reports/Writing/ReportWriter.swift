import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes report files atomically: a reader (or a run killed half-way) sees the old file or the
/// new one, never half a file; `writeSet` writes several as a set.
///
/// The bytes go to a temporary file in the destination's directory (`.<name>.tmp-<pid>-<random>`,
/// created exclusively, mode 0644 before the umask), which is flushed with `fsync` and renamed over
/// the destination; the directory is then synced too (best effort). Missing directories are
/// created. On failure the temporary file is removed and a `ReportWriteError` names the path.
public enum ReportWriter {
    public static func write(_ data: Data, to url: URL) throws(ReportWriteError) {
        try writeSet([(data, url)])
    }

    /// Writes several files as a set: every temporary file is written and synced first, then
    /// all are renamed, so a failure before the renames leaves every old file in place.
    public static func writeSet(_ files: [(data: Data, url: URL)]) throws(ReportWriteError) {
        var staged: [(temporary: String, destination: String)] = []
        do {
            for file in files { staged.append(try stage(file.data, file.url)) }
        } catch {
            for s in staged { unlink(s.temporary) }
            throw error
        }
        for (index, s) in staged.enumerated() where rename(s.temporary, s.destination) != 0 {
            let code = errno
            for rest in staged[index...] { unlink(rest.temporary) }
            throw ReportWriteError(path: s.destination, operation: "rename", reason: String(cString: strerror(code)))
        }
        for directory in Set(staged.map { URL(fileURLWithPath: $0.destination).deletingLastPathComponent().path }) {
            let directoryFD = open(directory, O_RDONLY | O_CLOEXEC)
            if directoryFD >= 0 {
                _ = fsync(directoryFD)
                close(directoryFD)
            }
        }
    }

    /// The bytes in a synced temporary file beside the destination.
    private static func stage(_ data: Data, _ url: URL) throws(ReportWriteError) -> (temporary: String, destination: String) {
        let destination = url.standardizedFileURL
        let path = destination.path
        let directory = destination.deletingLastPathComponent()
        func failure(_ operation: String, _ code: Int32 = errno) -> ReportWriteError {
            ReportWriteError(path: path, operation: operation, reason: String(cString: strerror(code)))
        }

        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportWriteError(path: path, operation: "create directory \(directory.path)", reason: reason(error))
        }

        let temporary = directory.appendingPathComponent(
            ".\(destination.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("create temporary file") }

        let writeError = data.withUnsafeBytes { writeAll(fd, $0) }
        let syncFailed = writeError == nil && fsync(fd) != 0 ? errno : nil
        close(fd)
        if let code = writeError ?? syncFailed {
            unlink(temporary)
            throw failure(writeError != nil ? "write" : "sync", code)
        }
        return (temporary, path)
    }

    /// The most specific reason Foundation gives: the POSIX error behind a Cocoa error, if any.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// Writes every byte, retrying after interruptions; the `errno` of a failure, or nil.
private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var written = 0
    while written < bytes.count {
        let n = write(fd, base + written, bytes.count - written)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        written += n
    }
    return nil
}
