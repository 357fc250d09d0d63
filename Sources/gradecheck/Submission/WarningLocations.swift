import Checks
import Foundation
import Grading
import Implementation

/// Names the line behind a warning: a warning about an output of a course function the
/// submission defines gets where the function is (`cs231n/layers.py:211`), and, when a known
/// deviation says what to look for, the line inside it that matches.
struct WarningLocations {
    let subject: Subject
    let checks: [Check]

    func annotate(_ results: inout [CheckResult]) {
        let byID = Dictionary(uniqueKeysWithValues: checks.map { ($0.id, $0) })
        for i in results.indices where !results[i].warnings.isEmpty {
            guard let check = byID[results[i].id] else { continue }
            let spans = check.grades.compactMap(span)
            guard let first = spans.first else { continue }
            results[i].warnings = results[i].warnings.map { warning in
                if warning.contains("cs231n/") { return warning }
                return warning + " (\(first.name) is at \(first.file):\(first.line))"
            }
        }
    }

    struct Span {
        let name: String
        let file: String
        let line: Int
    }

    func span(_ function: CourseFunction) -> Span? {
        for part in subject.parts {
            guard case let .dict(fields)? = part.sources[function.definition],
                  case let .string(file)? = fields["file"], case let .integer(line)? = fields["line"] else { continue }
            return Span(name: function.definition, file: file, line: line)
        }
        return nil
    }
}
