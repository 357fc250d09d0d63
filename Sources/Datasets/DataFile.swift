import Foundation

/// Whole-file reads for the loaders: the bytes land in one `[UInt8]` (no intermediate `Data`),
/// and every failure is a `DatasetError` naming the file.
enum DataFile {
    /// Whether `url` names an existing regular file (not a folder).
    static func isFile(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// Whether `url` names an existing folder.
    static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Size in bytes of the file at `url`; `what` describes it for the missing-file message.
    static func size(of url: URL, what: String) throws(DatasetError) -> Int {
        try checkExists(url, what: what)
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard let size = (attributes[.size] as? NSNumber)?.intValue else {
                throw DatasetError.unreadableFile(path: url.path, reason: "its size is unknown")
            }
            return size
        } catch let error as DatasetError {
            throw error
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The whole content of the file at `url`, read once into a byte array.
    static func read(_ url: URL, what: String) throws(DatasetError) -> [UInt8] {
        try checkExists(url, what: what)
        let path = url.path
        guard let file = fopen(path, "rb") else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        guard fseeko(file, 0, SEEK_END) == 0 else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(ftello(file))
        guard size >= 0, fseeko(file, 0, SEEK_SET) == 0 else {
            throw .unreadableFile(path: path, reason: "cannot determine its size")
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : fread(buffer.baseAddress, 1, size, file)
        }
        guard bytes.count == size else {
            throw .unreadableFile(path: path, reason: "read \(bytes.count) of \(size) bytes")
        }
        return bytes
    }

    private static func checkExists(_ url: URL, what: String) throws(DatasetError) {
        if isFile(url) { return }
        if isFolder(url) { throw .unreadableFile(path: url.path, reason: "is a folder, expected \(what)") }
        throw .missingFile(path: url.path, what: what)
    }
}
