#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The report folders, made by the grader before any student code runs, and refused when
/// someone else could replace what is written there.
///
/// A folder is refused when it, or a folder above it, is writable by group or others (except a
/// sticky folder such as `/tmp` above the report folder: others may not rename or remove what is
/// not theirs there), or is owned by another user (root aside) inside a folder anyone could
/// create it in. So a student who creates `/tmp/reports` before the TA's grader runs gets a
/// refusal, not the reports; `/home/ta/reports` graded by root is fine.
public enum ReportFolders {
    /// Creates the folders of `paths` (report files) as needed, mode 0755, and checks them;
    /// returns the folders' real paths.
    public static func prepare(_ paths: [String]) throws -> [String] {
        var folders: [String] = []
        for path in paths {
            let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            } catch {
                throw GraderFault.badSetup("\(path): cannot create the report folder \(folder) (\((error as NSError).localizedDescription))")
            }
            guard let real = realpath(folder, nil) else {
                throw GraderFault.badSetup("\(path): cannot resolve the report folder \(folder)")
            }
            let resolved = String(cString: real)
            free(real)
            if let problem = unsafeComponent(resolved) {
                throw GraderFault.unsafeReportFolder("\(path): refusing to write reports: \(problem); choose a folder only you can write")
            }
            if !folders.contains(resolved) { folders.append(resolved) }
        }
        return folders
    }

    /// Why `folder` (a real path) could be written by someone else, or nil.
    public static func unsafeComponent(_ folder: String) -> String? {
        let me = geteuid()
        var prefix = ""
        let parts = folder.split(separator: "/").map(String.init)
        var components = ["/"]
        for part in parts {
            prefix += "/" + part
            components.append(prefix)
        }
        var parentOpen = false
        for (index, component) in components.enumerated() {
            var info = stat()
            guard stat(component, &info) == 0 else { return "\(component) cannot be examined" }
            if parentOpen && info.st_uid != 0 && info.st_uid != me {
                return "\(component) belongs to uid \(info.st_uid), in a folder anyone can create it in"
            }
            let othersWrite = info.st_mode & (S_IWGRP | S_IWOTH) != 0
            parentOpen = othersWrite
            guard othersWrite else { continue }
            let sticky = info.st_mode & S_ISVTX != 0
            let isLast = index == components.count - 1
            if !sticky || isLast { return "\(component) is writable by \(info.st_mode & S_IWOTH != 0 ? "everyone" : "its group")" }
        }
        return nil
    }
}
