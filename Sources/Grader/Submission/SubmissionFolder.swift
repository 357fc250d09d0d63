import Checks
import Foundation

/// A student's submission on disk: the folder that holds the course's `cs231n/` package, or, for
/// the years the exercise spans two assignments, a folder holding both (`assignment1/cs231n`,
/// `assignment2/cs231n`).
struct SubmissionFolder {
    /// One course-layout folder: the folder containing `cs231n/`.
    struct Part {
        let root: URL
        /// The assignment the folder's name says (`assignment1`), if it says.
        let namedAssignment: Assignment?
        /// File names beside `cs231n/` (the notebooks), and the folder names above it, lowercased.
        let notebooks: Set<String>
        let folderNames: [String]
    }

    let parts: [Part]
    /// The submission root: the folder given, or the parent of a given `cs231n/` (locations in
    /// reports are relative to it).
    let root: URL

    /// The files the course's layout has; at least one must exist.
    static let layout = ["cs231n/layers.py", "cs231n/layer_utils.py", "cs231n/classifiers/fc_net.py", "cs231n/optim.py", "cs231n/solver.py"]
    /// How deep below the given folder `cs231n/` is looked for (students zip `Assignments/assignment1/...`).
    static let searchDepth = 3

    /// Accepts the folder holding `cs231n/`, the `cs231n/` folder itself, or a folder above it (up
    /// to `searchDepth` levels). Two course-layout folders are one submission only when they are
    /// the two assignments of one course (named `assignment1` and `assignment2`).
    init(locating path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError(message: "\(path): no such submission folder")
        }
        var url = URL(fileURLWithPath: path).standardizedFileURL
        if url.lastPathComponent == "cs231n", Self.holdsPackage(url.deletingLastPathComponent()) { url = url.deletingLastPathComponent() }
        root = url
        var found: [URL] = []
        Self.search(url, depth: 0, into: &found)
        guard !found.isEmpty else {
            throw UsageError(message: "\(path): no cs231n/ package found (expected \(Self.layout.joined(separator: ", ")))")
        }
        let parts = found.map(Self.part)
        if parts.count == 1 {
            self.parts = parts
            return
        }
        let one = parts.filter { $0.namedAssignment == .one }, two = parts.filter { $0.namedAssignment == .two }
        guard one.count == 1, two.count == 1 else {
            let names = found.map { $0.path.replacingOccurrences(of: url.path + "/", with: "") }
            throw UsageError(message: "\(path) holds \(found.count) submissions (\(names.joined(separator: ", "))); point at one of them")
        }
        self.parts = [one[0], two[0]]
    }

    static func holdsPackage(_ u: URL) -> Bool {
        layout.contains { FileManager.default.fileExists(atPath: u.appendingPathComponent($0).path) }
    }

    /// Course-layout folders at `url` or below (not below one that is one).
    static func search(_ url: URL, depth: Int, into found: inout [URL]) {
        if holdsPackage(url) {
            found.append(url)
            return
        }
        guard depth < searchDepth else { return }
        let children = (try? FileManager.default.contentsOfDirectory(
            at: url, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])) ?? []
        for child in children.sorted(by: { $0.path < $1.path }) {
            let values = try? child.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            guard values?.isDirectory == true, values?.isSymbolicLink != true, child.lastPathComponent != "__MACOSX" else { continue }
            search(child, depth: depth + 1, into: &found)
        }
    }

    static func part(_ root: URL) -> Part {
        let names = [root.lastPathComponent, root.deletingLastPathComponent().lastPathComponent].map { $0.lowercased() }
        let assignment = names.lazy.compactMap { name -> Assignment? in
            Assignment.allCases.first { name == $0.folderName || name.hasSuffix($0.folderName) || name == "a\($0.rawValue)" }
        }.first
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return Part(root: root, namedAssignment: assignment, notebooks: Set(listing.filter { $0.hasSuffix(".ipynb") }), folderNames: names)
    }
}
