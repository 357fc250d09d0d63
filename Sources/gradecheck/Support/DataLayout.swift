import Grader
import DataLocation
import Foundation

/// The installed data folder's layout, `scripts/data-layout`: the one list `scripts/install` and
/// `gradecheck gradescope-bundle` both follow.
enum DataLayout {
    /// A path under `PREFIX/share/gradecheck`, and the checkout's file or folder copied there.
    struct Entry: Equatable {
        let installed: String
        let source: String
    }

    /// The list in the checkout this binary was built from.
    static let sourceList = FixturesFolder.sourceTree.appendingPathComponent("scripts/data-layout")

    /// The entries of a layout list: one `installed source` pair a line; blank lines and `#` comments skipped.
    static func parse(_ text: String) throws -> [Entry] {
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            guard fields.count == 2, !first.hasPrefix("/"), !first.split(separator: "/").contains("..") else {
                throw GraderFault.missingData("scripts/data-layout line \(index + 1): expected an installed path and a source path, got '\(line)'")
            }
            entries.append(Entry(installed: first, source: fields[1]))
        }
        return entries
    }

    /// Every data file gradecheck runs with, by its path under `share/gradecheck`: the installed
    /// data folder (or `GRADECHECK_DATA`) as it is; else, for a binary run from its build, the
    /// checkout's files laid out as `scripts/data-layout` says.
    static func files() throws -> [(path: String, url: URL)] {
        if let installed = DataLocation.installed { return try files(below: installed, as: "") }
        guard let text = try? String(contentsOf: sourceList, encoding: .utf8) else {
            throw GraderFault.missingData("cannot find the data to pack: this gradecheck is not installed (no share/gradecheck beside its bin/) and \(sourceList.path) cannot be read")
        }
        var found: [(path: String, url: URL)] = []
        for entry in try parse(text) {
            found += try files(below: FixturesFolder.sourceTree.appendingPathComponent(entry.source), as: entry.installed)
        }
        return found
    }

    /// The regular files at or below `url` (sorted; hidden files and `__pycache__` left out),
    /// each named `name` + its path below `url`.
    static func files(below url: URL, as name: String) throws -> [(path: String, url: URL)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw GraderFault.missingData("cannot find the data to pack: \(url.path) does not exist")
        }
        guard isFolder.boolValue else { return [(name, url)] }
        let base = url.resolvingSymlinksInPath().standardizedFileURL.path
        var found: [(path: String, url: URL)] = []
        let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: base), includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey], options: [.skipsHiddenFiles])
        while let item = enumerator?.nextObject() as? URL {
            let values = try? item.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isDirectory == true, item.lastPathComponent == "__pycache__" { enumerator?.skipDescendants(); continue }
            guard values?.isRegularFile == true else { continue }
            let relative = String(item.standardizedFileURL.path.dropFirst(base.count + 1))
            found.append((name.isEmpty ? relative : name + "/" + relative, item))
        }
        return found.sorted { $0.path < $1.path }
    }
}
