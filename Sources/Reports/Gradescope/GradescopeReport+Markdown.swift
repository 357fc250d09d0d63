import Grading

/// The Markdown Gradescope shows (`output_format: "md"`): what gradecheck writes is Markdown,
/// what the submission or its messages say is either escaped (one line of text) or inside a fenced
/// code block longer than any backtick run in it (numbers, shapes, tracebacks, captured output).
extension GradescopeReport {
    /// The run's summary: score and verdict counts, the settings, the sandbox and notes, and, when
    /// some tests are hidden, that students see the total only once grades are published.
    static func summary(_ run: GradingRun, hiddenTests: Int) -> String {
        var paragraphs = ["**Score \(RunSummary.points(run.results))**: " + MarkdownEscaping.inline(RunSummary.counts(run.results))]
        paragraphs.append("Graded " + MarkdownEscaping.inline(RunSummary.settings(run)))
        paragraphs += RunSummary.context(run).map(MarkdownEscaping.inline)
        if hiddenTests > 0 {
            paragraphs.append("\(hiddenTests) \(hiddenTests == 1 ? "test is" : "tests are") hidden until your course staff publish the grades; until then Gradescope does not show the total.")
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// One test's output: the verdict in bold, the title, the message in a code block, the
    /// warnings as a list, the tolerance, and what the implementation printed in a code block.
    /// Message and captured output are each capped at half of `maxBytes`.
    static func output(_ result: CheckResult, maxBytes: Int) -> String {
        var blocks: [String] = []
        if let verdict = verdict(result) { blocks.append("**" + verdict + "**") }
        if result.outcome != .passed {
            if !result.title.isEmpty { blocks.append(MarkdownEscaping.inline(result.title)) }
            if !result.message.isEmpty { blocks.append(MarkdownEscaping.fencedBlock(Truncation.headAndTail(result.message, maxBytes: maxBytes / 2))) }
            if !result.warnings.isEmpty { blocks.append(result.warnings.map { "- " + MarkdownEscaping.inline($0) }.joined(separator: "\n")) }
            if !result.tolerance.isEmpty { blocks.append("Tolerance: " + MarkdownEscaping.inline(result.tolerance)) }
        }
        if !result.output.isEmpty {
            blocks.append("Printed while the check ran:\n\n" + MarkdownEscaping.fencedBlock(Truncation.headAndTail(result.output, maxBytes: maxBytes / 2)))
        }
        return blocks.isEmpty ? "" : blocks.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: "\n\n") + "\n"
    }

    /// The bold first line (nil for a plain pass).
    static func verdict(_ result: CheckResult) -> String? {
        switch result.outcome {
        case .passed: nil
        case .warned: "Passed with warnings (the course accepts this; it differs from the reference)."
        case .failed: "Wrong answer."
        case .errored: "Error: the implementation crashed, timed out or replied with something malformed."
        case .missing: result.missingKind == .doesNotImport ? "Missing: the file that holds it does not import." : "Missing: not implemented."
        case .provided: "Provided by the course (no points)."
        case .notApplicable: "Not applicable."
        }
    }
}
