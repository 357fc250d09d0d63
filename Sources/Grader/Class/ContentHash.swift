import Foundation

/// A 64-bit FNV-1a hash (Fowler, Noll, Vo: offset basis 0xcbf29ce484222325, prime 0x100000001b3)
/// of an entry's content and the grading settings, as 16 hex digits: `--resume` re-grades a
/// student only when it changed. Not a security measure (a student gains nothing by a collision:
/// their own earlier grade is kept).
///
/// A folder hashes, in byte order of relative paths, each regular file's path and bytes (files
/// over `wholeFileLimit` by path, size and modification time, so a data set left in the folder is
/// not read) and each link's path and target; an archive hashes its bytes.
struct ContentHash {
    static let wholeFileLimit = 4 << 20
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = state
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        state = h
    }

    mutating func add(_ text: String) {
        var copy = text + "\u{0}"
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `url` (a folder or a file) and `settings`.
    static func of(_ url: URL, settings: String) -> String {
        var hash = ContentHash()
        hash.add(settings)
        var info = stat()
        guard stat(url.path, &info) == 0 else { return hash.hex }
        if info.st_mode & S_IFMT != S_IFDIR {
            hash.addFile(url.path, size: Int(info.st_size), modified: info.st_mtim.tv_sec)
            return hash.hex
        }
        let base = url.path
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(atPath: base) {
            while let relative = walker.nextObject() as? String { paths.append(relative) }
        }
        for relative in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = base + "/" + relative
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                hash.add("f " + relative)
                hash.addFile(path, size: Int(info.st_size), modified: info.st_mtim.tv_sec)
            case S_IFLNK:
                hash.add("l " + relative + " " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""))
            default:
                hash.add("d " + relative)
            }
        }
        return hash.hex
    }

    mutating func addFile(_ path: String, size: Int, modified: Int) {
        add("\(size)")
        if size > Self.wholeFileLimit {
            add("\(modified)")
        } else if let data = FileManager.default.contents(atPath: path) {
            add(data)
        }
    }
}
