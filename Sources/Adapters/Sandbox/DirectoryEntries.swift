#if canImport(Glibc)
import Glibc
#endif

/// The two file-system reads the sandbox makes without following links: a folder's entry names
/// and a link's target.
enum DirectoryEntries {
    /// The names in `path` (without `.` and `..`), or nil when it cannot be opened.
    static func names(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Where the symbolic link `path` points, or nil.
    static func linkTarget(_ path: String) -> String? {
        var bytes = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &bytes, bytes.count - 1)
        return n > 0 ? String(decoding: bytes[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }
}
