import Foundation
import Grading

/// `gradecheck merge`: the class outputs of several shard folders as one. Every shard's student
/// folders are copied into `out/students` and the class files rebuilt from the records, so a
/// merge of all shards writes the grades.csv an unsharded run writes.
public enum ClassMerge {
    /// Throws `UsageError` for a folder without `students/` records, or a student two shards
    /// graded differently (the same student graded twice with other content or settings).
    public static func merge(_ folders: [URL], into out: URL, toolVersion: String) throws -> ClassResults {
        let fm = FileManager.default
        let target = ClassOutputs.students(out)
        _ = try ReportFolders.prepare([target.appendingPathComponent("x").path])
        var seen: [String: (URL, String)] = [:]
        for folder in folders {
            let records = StudentFiles.readAll(ClassOutputs.students(folder))
            guard !records.isEmpty || fm.fileExists(atPath: folder.appendingPathComponent("grades.csv").path) else {
                throw UsageError(message: "\(folder.path): not a class output folder (no students/*/\(StudentFiles.record), no grades.csv)")
            }
            for (source, grade) in records {
                if let (other, hash) = seen[grade.student] {
                    guard hash == grade.contentHash else {
                        throw UsageError(message: "student \(grade.student) is in \(other.path) and \(folder.path) with different submissions or settings; merge shards of one run")
                    }
                    continue
                }
                seen[grade.student] = (folder, grade.contentHash)
                let destination = target.appendingPathComponent(source.lastPathComponent)
                guard source.standardizedFileURL.path != destination.standardizedFileURL.path else { continue }
                let staging = target.appendingPathComponent(".new-\(source.lastPathComponent)-\(UUID().uuidString.prefix(8))")
                do {
                    try fm.copyItem(at: source, to: staging)
                    if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
                    try fm.moveItem(at: staging, to: destination)
                } catch {
                    try? fm.removeItem(at: staging)
                    throw UsageError(message: "\(destination.path): cannot copy the student's folder (\((error as NSError).localizedDescription))")
                }
            }
        }
        let results = ClassResults(
            students: StudentFiles.readAll(target).map(\.grade).filter { seen[$0.student] != nil }, toolVersion: toolVersion)
        try ClassOutputs.write(results, to: out)
        return results
    }
}
