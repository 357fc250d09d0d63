import Adapters
import Foundation

/// Reads a class folder: one entry per student (a folder, or a `.zip` / `.tar.gz` / `.tgz` /
/// `.tar`), hidden files, `__MACOSX` and other files left out. A Gradescope "Export Submissions"
/// folder (`submission_metadata.yml` beside `submission_<id>/` folders, or one folder holding
/// them, as the export's zip unpacks) names its students from the metadata; a roster
/// (`Roster`) names them otherwise and lists who submitted nothing.
public enum ClassFolder {
    public static func list(_ root: String, roster: Roster? = nil) throws -> ClassListing {
        var folder = URL(fileURLWithPath: root).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageError(message: "\(root): no such class folder")
        }
        var children = try entries(folder)
        // An export unpacked into its own folder: ROOT/assignment_123_export/submission_metadata.yml.
        if children.count == 1, children[0].hasDirectoryPath,
           FileManager.default.fileExists(atPath: children[0].appendingPathComponent(GradescopeExport.metadataFile).path) {
            folder = children[0]
            children = try entries(folder)
        }
        let export = try GradescopeExport(folder: folder)
        var listed: [ClassEntry] = [], owner: [String: String] = [:]
        for child in children {
            let name = child.lastPathComponent
            let own = child.hasDirectoryPath ? name : SafeUnpack.stem(name)
            var student = export?.students[name] ?? own, note = ""
            if let roster {
                if let id = roster.student(forEntry: own) ?? roster.student(forEntry: name) { student = id } else if export == nil {
                    note = "not on the roster"
                }
            }
            if let other = owner[student] {
                throw UsageError(message: "\(root): \(other) and \(name) are both student \(student); give each its own id (a roster maps entries to ids)")
            }
            owner[student] = name
            listed.append(ClassEntry(name: name, student: student, url: child, note: note))
        }
        let present = Set(listed.map(\.student))
        let absent = (roster?.students ?? []).filter { !present.contains($0) }
        return ClassListing(entries: listed.sorted { $0.student.utf8.lexicographicallyPrecedes($1.student.utf8) }, absent: absent)
    }

    /// The folders and archives directly in `folder`.
    static func entries(_ folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw UsageError(message: "\(folder.path): cannot list the class folder (\((error as NSError).localizedDescription))")
        }
        return names.filter { !$0.hasPrefix(".") && $0 != "__MACOSX" }.sorted().compactMap { name in
            var info = stat()
            let path = folder.appendingPathComponent(name).path
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return URL(fileURLWithPath: path, isDirectory: true)
            case S_IFREG where SafeUnpack.isArchive(name): return URL(fileURLWithPath: path, isDirectory: false)
            default: return nil
            }
        }
    }
}
