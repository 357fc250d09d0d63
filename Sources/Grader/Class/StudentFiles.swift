import Foundation
import Grading
import Reports

/// A student's folder in a class output (`students/<folder>/`, `StudentGrade.folderName`):
/// `student.json` (the whole record, what class outputs and merges are rebuilt from) and, for a
/// graded student, `junit.xml`, `results.json`, `summary.md` and `report.html`; for one who was not,
/// `junit.xml` (one `grading` testcase) and `summary.md` saying why.
///
/// A folder is written beside its final place and renamed into it, so a killed run leaves the
/// previous folder or the new one, never half of one.
public enum StudentFiles {
    public static let record = "student.json"

    /// Writes `grade`'s folder under `students`; `extra` adds more files (name, bytes).
    public static func write(_ grade: StudentGrade, under students: URL, toolVersion: String, extra: [(String, Data)] = []) throws {
        let fm = FileManager.default
        let name = StudentGrade.folderName(grade.student)
        let final = students.appendingPathComponent(name)
        let staging = students.appendingPathComponent(".new-\(name)-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var files: [(String, Data)] = [(record, try encoder.encode(grade) + Data([0x0A]))]
            if let run = grade.run {
                files += [
                    ("junit.xml", JUnitReport().data(run)), ("results.json", try GradescopeReport().data(run)),
                    ("summary.md", Data(MarkdownSummary().render(run).utf8)), ("report.html", try HTMLReport().data(run)),
                ]
            } else {
                let one = ClassResults(students: [grade], toolVersion: toolVersion)
                let md = "## \(grade.student): not graded (\(grade.status.rawValue))\n\n\(grade.reason)\n"
                files += [("junit.xml", JUnitReport().data(one)), ("summary.md", Data(md.utf8))]
            }
            for (file, data) in files + extra { try data.write(to: staging.appendingPathComponent(file)) }
            let old = students.appendingPathComponent(".old-\(name)-\(UUID().uuidString.prefix(8))")
            let replacing = fm.fileExists(atPath: final.path)
            if replacing { try fm.moveItem(at: final, to: old) }
            try fm.moveItem(at: staging, to: final)
            if replacing { try? fm.removeItem(at: old) }
        } catch {
            try? fm.removeItem(at: staging)
            throw ReportWriteError(path: final.path, operation: "write", reason: (error as NSError).localizedDescription)
        }
    }

    /// The record in `folder`, or nil when there is none or it does not decode.
    public static func read(_ folder: URL) -> StudentGrade? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(record).path) else { return nil }
        return try? decoder.decode(StudentGrade.self, from: data)
    }

    /// Every record under `students` (folders starting with `.` are staging leftovers: skipped).
    public static func readAll(_ students: URL) -> [(folder: URL, grade: StudentGrade)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: students.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            let folder = students.appendingPathComponent(name)
            return read(folder).map { (folder, $0) }
        }
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
