import Foundation
import Grading

/// A grading run as GitHub Actions workflow commands: an `::error` annotation at the student's
/// line for each failed, errored or missing check, a `::warning` for each check that passed with
/// warnings, and, past GitHub's cap of 10 annotations of a kind per step, one `::notice` saying
/// how many more there are (the job summary lists every check).
///
/// ```
/// ::error file=cs231n/layers.py,line=31,title=layers.affine.backward failed (0/2)::dw: relative error 1.0e0 > 1.0e-7; ...
/// ```
///
/// `file` is the check's `location` with `pathPrefix` in front (the submission root relative to
/// the repository root); without a location, or with `pathPrefix` nil (the submission is outside
/// the repository), the annotation has no file and GitHub attaches it to the run. Text is escaped
/// as GitHub's toolkit does (`@actions/core` `escapeData` / `escapeProperty`): `%` `\r` `\n` as
/// `%25` `%0D` `%0A` everywhere, and `:` `,` as `%3A` `%2C` in properties; control characters
/// are shown as `\u{XX}` tokens first, so no text can end a command or start another.
public struct GitHubAnnotations: Sendable {
    /// GitHub shows at most this many annotations of each kind (error, warning) per step.
    public static let gitHubCap = 10

    public var maxPerKind: Int
    /// Prepended to each location's file (`""`: the submission root is the repository root);
    /// nil: no annotation names a file.
    public var pathPrefix: String?
    /// Cap on one annotation's message, in UTF-8 bytes of the original text.
    public var maxMessageBytes: Int

    public init(maxPerKind: Int = gitHubCap, pathPrefix: String? = "", maxMessageBytes: Int = 2048) {
        self.maxPerKind = maxPerKind
        self.pathPrefix = pathPrefix
        self.maxMessageBytes = maxMessageBytes
    }

    /// The workflow commands, one per line, ending with a newline (empty when nothing is annotated).
    public func render(_ run: GradingRun) -> String {
        let problems = run.results.filter { [.failed, .errored, .missing].contains($0.outcome) }
        let warned = run.results.filter { $0.outcome == .warned }
        let cap = max(0, maxPerKind)
        var lines = problems.prefix(cap).map { command("error", $0, message: $0.message) }
        lines += warned.prefix(cap).map { command("warning", $0, message: $0.warnings.joined(separator: "\n")) }
        let moreProblems = max(0, problems.count - cap), moreWarnings = max(0, warned.count - cap)
        if moreProblems + moreWarnings > 0 {
            let text = "\(moreProblems) more failed, errored or missing \(moreProblems == 1 ? "check" : "checks") and \(moreWarnings) more "
                + "\(moreWarnings == 1 ? "warning" : "warnings") are not annotated (GitHub shows at most \(cap) of each kind per step); "
                + "the job summary lists every check."
            lines.append("::notice title=" + Self.property("gradecheck: more checks") + "::" + Self.data(text))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `::kind file=...,line=...,title=...::message`.
    private func command(_ kind: String, _ result: CheckResult, message: String) -> String {
        var properties: [String] = []
        if let location = result.location, let pathPrefix {
            let prefix = pathPrefix.isEmpty || pathPrefix.hasSuffix("/") ? pathPrefix : pathPrefix + "/"
            properties += ["file=" + Self.property(prefix + location.file), "line=" + String(max(1, location.line))]
        }
        let points = "(\(NumberFormatting.points(result.score))/\(NumberFormatting.points(result.points)))"
        properties.append("title=" + Self.property("\(result.id) \(result.outcome.label) \(points)"))
        var text = message.isEmpty ? result.title : message
        if let function = result.location?.function { text += "\n(in \(function))" }
        return "::\(kind) " + properties.joined(separator: ",") + "::" + Self.data(Truncation.headAndTail(text, maxBytes: maxMessageBytes))
    }

    /// A command's message: `%`, CR and LF escaped.
    static func data(_ raw: String) -> String {
        VisibleText.escaped(raw, mode: .xml) { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            default: nil
            }
        }
    }

    /// A property value: as `data`, and `:` `,` escaped too.
    static func property(_ raw: String) -> String {
        data(raw).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
