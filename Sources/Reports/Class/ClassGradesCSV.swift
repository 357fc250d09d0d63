import Grading

/// A class run as `grades.csv`, ready to import into a gradebook (RFC 4180: CRLF-free `\n` rows,
/// fields with a comma, quote or line break quoted, quotes doubled).
///
/// Columns: `student`, `score`, `max_score`, `percent` (one decimal), `status`
/// (`StudentGrade.Status`), `profile`, then one column per check (`ClassResults.checks`) holding the
/// points the student earned on it (empty where the check does not apply or nothing was graded).
/// Rows are sorted by student; there are no timing columns, so re-grading the same submissions
/// writes the same bytes. A field starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with `'`, so that a spreadsheet never evaluates a student-chosen name as a formula
/// (OWASP, "CSV injection").
public struct ClassGradesCSV: Sendable {
    public init() {}

    public func render(_ results: ClassResults) -> String {
        let checks = results.checks
        var lines = [(["student", "score", "max_score", "percent", "status", "profile"] + checks.map(\.id)).map(Self.field).joined(separator: ",")]
        for student in results.students {
            let max = results.maxScore(student)
            let percent = max > 0 ? Self.oneDecimal(100 * student.score / max) : "0.0"
            var row = [
                student.student, NumberFormatting.points(student.score), NumberFormatting.points(max), percent, student.status.rawValue,
                student.run?.profile ?? "",
            ]
            for check in checks {
                guard let result = student.run?.results.first(where: { $0.id == check.id }), result.outcome != .notApplicable else {
                    row.append("")
                    continue
                }
                row.append(NumberFormatting.points(result.score))
            }
            lines.append(row.map(Self.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12.345` -> `12.3` (half away from zero), locale-independent.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int64((NumberFormatting.finite(value) * 10).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// One CSV field, quoted as needed and defused against formula evaluation.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
