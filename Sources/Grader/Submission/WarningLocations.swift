import Checks
import Foundation
import Grading
import Implementation

/// Names the line behind a warning. A warning about an output of a course function the
/// submission defines gets where the function is (`relu_backward is at cs231n/layers.py:51`);
/// when a known deviation matched and says what to look for, the line inside the function that
/// shows it (`cs231n/layers.py:54: dx = dout * (x >= 0)`).
struct WarningLocations {
    /// A known deviation matched on a check: its diagnosis, and the source pattern that shows it.
    struct Deviation {
        let text: String
        let pattern: String?
    }

    let subject: Subject
    let checks: [Check]
    /// The known deviation matched on each warned check, added as the check's last warning.
    let deviations: [String: Deviation]

    func annotate(_ results: inout [CheckResult]) {
        let byID = Dictionary(uniqueKeysWithValues: checks.map { ($0.id, $0) })
        for i in results.indices {
            let deviation = deviations[results[i].id]
            guard !results[i].warnings.isEmpty || deviation != nil else { continue }
            let spans = byID[results[i].id].map { $0.grades.compactMap(span) } ?? []
            let at = spans.first.map { " (\($0.name) is at \($0.file):\($0.line))" } ?? ""
            results[i].warnings = results[i].warnings.map { $0.contains("cs231n/") ? $0 : $0 + at }
            guard let deviation else { continue }
            let found = deviation.pattern.flatMap { pattern in spans.lazy.compactMap { line(matching: pattern, in: $0) }.first }
            results[i].warnings.append(deviation.text + (found.map { " See \($0)." } ?? at))
        }
    }

    struct Span {
        let name: String
        let file: String
        let line: Int
        let endLine: Int
        let root: URL?
    }

    func span(_ function: CourseFunction) -> Span? {
        for part in subject.parts {
            guard case let .dict(fields)? = part.sources[function.definition],
                  case let .string(file)? = fields["file"], case let .integer(line)? = fields["line"] else { continue }
            var end = line
            if case let .integer(e)? = fields["end_line"] { end = e }
            return Span(name: function.definition, file: file, line: line, endLine: end, root: part.source)
        }
        return nil
    }

    /// `cs231n/layers.py:54: dx = dout * (x >= 0)` for the first line of `span` matching `pattern`.
    func line(matching pattern: String, in span: Span) -> String? {
        guard let root = span.root, let text = try? String(contentsOf: root.appendingPathComponent(span.file), encoding: .utf8),
              let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard span.line >= 1, span.line <= lines.count else { return nil }
        for number in span.line...min(span.endLine, lines.count) {
            let code = String(lines[number - 1])
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                return "\(span.file):\(number): \(trimmed.prefix(100))"
            }
        }
        return nil
    }
}
