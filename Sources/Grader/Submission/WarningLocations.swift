import Checks
import Foundation
import Grading
import Implementation

/// Names the line behind a warning. A warning about an output of a course function the
/// submission defines gets where the function is (`relu_backward is at cs231n/layers.py:51`);
/// when a known deviation matched and says what to look for, the line inside the function that
/// shows it (`cs231n/layers.py:54: dx = dout * (x >= 0)`). A failed, errored, missing or warned
/// check also gets its `location`: that line; for an errored or missing check the line its error
/// names (`at cs231n/classifiers/fc_net.py:61`, a file's syntax error); else the first graded
/// function's definition.
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
        let plan = subject.parts.isEmpty ? nil : ProfilePlan(subject.parts.map(\.decision.profile))
        for i in results.indices {
            let deviation = deviations[results[i].id]
            let check = byID[results[i].id]
            // The part that graded the check first (both assignments may define a function).
            let grading = check.flatMap { check in plan.map { $0.parts[$0.assign(check).part] } }
            let parts = subject.parts.filter { $0.decision.profile == grading } + subject.parts.filter { $0.decision.profile != grading }
            let spans = check.map { $0.grades.compactMap { span($0, in: parts) } } ?? []
            if Self.located.contains(results[i].outcome) {
                let raised = [.errored, .missing].contains(results[i].outcome)
                    ? raisingLine(results[i].message, in: parts.first?.source, function: spans.first?.name) : nil
                results[i].location = raised ?? spans.first.map { location($0, line: $0.line) }
            }
            guard !results[i].warnings.isEmpty || deviation != nil else { continue }
            let at = spans.first.map { " (\($0.name) is at \($0.file):\($0.line))" } ?? ""
            results[i].warnings = results[i].warnings.map { $0.contains("cs231n/") ? $0 : $0 + at }
            guard let deviation else { continue }
            let found = deviation.pattern.flatMap { pattern in
                spans.lazy.compactMap { span in line(matching: pattern, in: span).map { (span: span, number: $0.number, code: $0.code) } }.first
            }
            if let found { results[i].location = location(found.span, line: found.number) }
            results[i].warnings.append(deviation.text + (found.map { " See \($0.span.file):\($0.number): \($0.code)." } ?? at))
        }
    }

    /// The verdicts whose checks get a location.
    static let located: Set<CheckOutcome> = [.failed, .errored, .missing, .warned]

    /// `line` of `span`'s file, relative to the submission root.
    func location(_ span: Span, line: Int) -> SourceLocation {
        SourceLocation(file: relativeToRoot(span.root, span.file), line: line, function: span.name)
    }

    /// `file` (relative to the course-layout folder `part`) relative to the submission root.
    func relativeToRoot(_ part: URL?, _ file: String) -> String {
        guard let part, let root = subject.root?.standardizedFileURL.path else { return file }
        let folder = part.standardizedFileURL.path
        guard folder.hasPrefix(root + "/") else { return file }
        return String(folder.dropFirst(root.count + 1)) + "/" + file
    }

    /// The line an error names (`... at cs231n/classifiers/fc_net.py:61`, or a file that does not
    /// import: `cs231n/optim.py:26: SyntaxError ...`): the first `cs231n/....py:N` in `message`,
    /// in the course-layout folder `part`.
    func raisingLine(_ message: String, in part: URL?, function: String?) -> SourceLocation? {
        guard let match = message.firstMatch(of: /(cs231n\/[^:\s]+\.py):([0-9]+)/), let line = Int(match.2) else { return nil }
        return SourceLocation(file: relativeToRoot(part, String(match.1)), line: line, function: function)
    }

    struct Span {
        let name: String
        let file: String
        let line: Int
        let endLine: Int
        let root: URL?
    }

    /// Where the first of `parts` that defines `function` has it.
    func span(_ function: CourseFunction, in parts: [Subject.Part]) -> Span? {
        for part in parts {
            guard case let .dict(fields)? = part.sources[function.definition],
                  case let .string(file)? = fields["file"], case let .integer(line)? = fields["line"] else { continue }
            var end = line
            if case let .integer(e)? = fields["end_line"] { end = e }
            return Span(name: function.definition, file: file, line: line, endLine: end, root: part.source)
        }
        return nil
    }

    /// The first line of `span` matching `pattern`: its number and its code (trimmed, at most
    /// 100 characters), as in `cs231n/layers.py:54: dx = dout * (x >= 0)`.
    func line(matching pattern: String, in span: Span) -> (number: Int, code: String)? {
        guard let root = span.root, let text = try? String(contentsOf: root.appendingPathComponent(span.file), encoding: .utf8),
              let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard span.line >= 1, span.line <= lines.count else { return nil }
        for number in span.line...min(span.endLine, lines.count) {
            let code = String(lines[number - 1])
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                return (number, String(trimmed.prefix(100)))
            }
        }
        return nil
    }
}
