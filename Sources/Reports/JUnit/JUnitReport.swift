import Foundation
import Grading

/// A grading run as JUnit XML, valid under both windyroad's `JUnit.xsd` (Ant) and the Jenkins
/// xUnit plugin's `junit-10.xsd` (see `Resources/schemas/README.md`).
///
/// Shape: a `<testsuites>` root without attributes; one `<testsuite>` per check group, in
/// first-appearance order, with `name` (the group), `package` (`gradecheck`), `id` (0, 1, ...),
/// `timestamp` (the run's start, UTC, `yyyy-MM-ddTHH:mm:ss`), `hostname`, `tests`, `failures`,
/// `errors`, `skipped` and `time` (the sum of its testcases' times). Children in windyroad's order:
/// `<properties>` (implementation, profile, profile reason, seed, tool version, one
/// `tolerance.<check id>` per check that states a tolerance, one `verdict.<check id>` per check,
/// `warning.<check id>` for each warning and `provided.<check id>` for course code), the
/// testcases, `<system-out>` (for passed, warned, provided and not-applicable checks: the warnings
/// and captured output, each under a `[<check id>]` line) and an empty `<system-err>`.
///
/// Each `<testcase>` has `name` (the check id), `classname` (`gradecheck.<group>`: GitLab groups
/// by it) and `time`, and at most one child: `<failure type="WrongAnswer">` (failed),
/// `<failure type="NotImplemented">` (missing), `<error type="ImplementationError">` (errored),
/// `<error type="DoesNotImport">` (missing because its file does not import) or `<skipped>` (not
/// applicable). Passed, warned and provided checks are plain testcases. A failure or error
/// carries the message in its `message` attribute and, as text, the title, message, warnings,
/// tolerance and captured output. Testcases never hold `<system-out>` (windyroad forbids it).
///
/// Times are `%.3f` seconds, locale-independent, finite, >= 0. Invisible and non-XML characters
/// are shown as `\u{XX}` tokens (`VisibleText`); text per check is capped with head + tail and a
/// `[truncated N bytes]` marker (`Truncation`).
public struct JUnitReport: Sendable {
    /// `testsuite@hostname`; blank becomes `localhost`. The caller decides (the CLI may pass
    /// `ProcessInfo.processInfo.hostName`); the default keeps reports reproducible.
    public var hostname: String
    /// Cap on the text of one check's failure/error body and on its captured output, in UTF-8
    /// bytes of the original text. The `message` attribute is capped at `min(1024, this)`.
    public var maxBytesPerCheck: Int

    public init(hostname: String = "localhost", maxBytesPerCheck: Int = Truncation.defaultMaxBytes) {
        self.hostname = hostname
        self.maxBytesPerCheck = maxBytesPerCheck
    }

    /// The XML document, UTF-8, ending with a newline.
    public func render(_ run: GradingRun) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, group) in run.groups.enumerated() {
            xml += suite(group.name, group.results, id: index, run: run)
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// A class run as one document: every graded student's suites, one per group, named
    /// `<student>.<group>`, testcase `classname` `<student>.gradecheck.<group>` (GitLab keeps only
    /// the first of duplicate names, so the student id keeps them apart across shards); a
    /// student who was not graded is one `grading` testcase: an `<error>` for a grader fault, a
    /// `<failure>` for an unusable entry or no submission.
    public func render(_ results: ClassResults) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        var id = 0
        for student in results.students {
            if let run = student.run {
                for group in run.groups {
                    xml += suite(group.name, group.results, id: id, run: run, student: student.student)
                    id += 1
                }
                continue
            }
            let outcome: CheckOutcome = student.status == .graderFault ? .errored : .failed
            let result = CheckResult(
                id: "grading", group: "grading", title: "the student's entry (\(student.status.rawValue))", outcome: outcome,
                points: results.maxScore, score: 0, message: student.reason)
            let run = GradingRun(
                implementation: student.student, profile: "none", profileReason: student.reason, seed: 0, toolVersion: results.toolVersion,
                startedAt: Date(timeIntervalSince1970: 0), duration: 0, results: [result])
            xml += suite("grading", [result], id: id, run: run, student: student.student)
            id += 1
        }
        return xml + "</testsuites>\n"
    }

    /// `render(results)` as UTF-8 data.
    public func data(_ results: ClassResults) -> Data { Data(render(results).utf8) }

    /// `render(run)` as UTF-8 data.
    public func data(_ run: GradingRun) -> Data { Data(render(run).utf8) }

    /// The testsuite name for a group: `xs:token` with at least one character in windyroad, so a
    /// blank group is named `ungrouped`.
    static func suiteName(_ group: String) -> String { nonBlank(group, or: "ungrouped") }

    /// `value`, or `fallback` if `value` is empty once XML whitespace is collapsed.
    static func nonBlank(_ value: String, or fallback: String) -> String {
        value.unicodeScalars.allSatisfy { [" ", "\t", "\n", "\r"].contains($0) } ? fallback : value
    }
}
