import Foundation

/// Every fixture case under a folder, by id.
///
/// Reads each `*.json` file below the folder (recursively, hidden files and folders skipped, in
/// the byte order of their relative paths). Any file that is not a valid fixture file is an
/// error naming it; so is an id that two files define.
public struct FixtureStore: Sendable {
    /// The folder, as given.
    public let folder: String
    /// The files read, in reading order (paths start with `folder`).
    public let files: [String]
    /// Every case, by id.
    public let cases: [String: FixtureCase]
    /// The ids, sorted (by their UTF-8 bytes).
    public let ids: [String]

    /// Reads every fixture file under `folder`.
    public init(folder: String) throws(FixtureError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingFolder(path: folder)
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw .unreadable(path: folder, reason: "cannot list the folder")
        }
        var relativePaths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            guard relative.hasSuffix(".json"), !components.contains(where: { $0.hasPrefix(".") }) else { continue }
            relativePaths.append(relative)
        }
        relativePaths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var files: [String] = []
        var loaded: [FixtureCase] = []
        var fileOfID: [String: String] = [:]
        for relative in relativePaths {
            let path = base + relative
            var entryIsFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &entryIsFolder), !entryIsFolder.boolValue else { continue }
            files.append(path)
            for fixture in try FixtureFile.read(from: path).cases {
                if let first = fileOfID[fixture.id] {
                    throw .duplicateCase(id: fixture.id, firstPath: first, secondPath: path)
                }
                fileOfID[fixture.id] = path
                loaded.append(fixture)
            }
        }
        self.folder = folder
        self.files = files
        self.cases = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
        self.ids = loaded.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every case, sorted by id.
    public var sortedCases: [FixtureCase] { ids.compactMap { cases[$0] } }

    /// Case `id`, or nil.
    public subscript(id: String) -> FixtureCase? { cases[id] }

    /// Case `id`; throws an error naming the folder when there is none.
    public func fixture(_ id: String) throws(FixtureError) -> FixtureCase {
        guard let fixture = self[id] else { throw .missingCase(id: id, path: folder) }
        return fixture
    }

    /// The cases whose id starts with `prefix` (e.g. `"layers.affine."`), sorted by id.
    public func cases(withPrefix prefix: String) -> [FixtureCase] {
        ids.filter { $0.hasPrefix(prefix) }.compactMap { cases[$0] }
    }
}
