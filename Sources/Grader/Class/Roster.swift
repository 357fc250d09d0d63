import Foundation

/// A class roster (`--roster FILE`): CSV with a header row. A column named `entry` (or `folder`,
/// `submission`, `file`) maps entries to the ids in the column named `student` (or `id`, `sid`,
/// `student_id`, `login`, `email`); with only a student column, entries are named by those ids.
/// Every student listed is in the class outputs: one without an entry scores zero as
/// `no_submission`.
public struct Roster: Sendable {
    /// Every student id, in file order.
    public let students: [String]
    let byEntry: [String: String]

    static let entryColumns = ["entry", "folder", "submission", "file"]
    static let studentColumns = ["student", "id", "sid", "student_id", "login", "email"]

    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UsageError(message: "\(path): cannot read the roster")
        }
        let rows = CSVRows.parse(text).filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw UsageError(message: "\(path): the roster is empty (a header row naming a student column is expected)")
        }
        guard let studentColumn = Self.studentColumns.lazy.compactMap({ header.firstIndex(of: $0) }).first else {
            throw UsageError(message: "\(path): no student column in the header (one of \(Self.studentColumns.joined(separator: ", ")))")
        }
        let entryColumn = Self.entryColumns.lazy.compactMap { header.firstIndex(of: $0) }.first
        var students: [String] = [], byEntry: [String: String] = [:]
        for (number, row) in rows.dropFirst().enumerated() {
            guard studentColumn < row.count, case let id = row[studentColumn].trimmingCharacters(in: .whitespaces), !id.isEmpty else {
                throw UsageError(message: "\(path): row \(number + 2) has no student id")
            }
            guard !students.contains(id) else { throw UsageError(message: "\(path): student \(id) is listed twice") }
            students.append(id)
            let entry = entryColumn.flatMap { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : nil } ?? id
            if !entry.isEmpty { byEntry[entry] = id }
        }
        self.students = students
        self.byEntry = byEntry
    }

    func student(forEntry name: String) -> String? { byEntry[name] }
}

/// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var iterator = text.makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n": row.append(field); rows.append(row); row = []; field = ""
            case "\r": continue
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
