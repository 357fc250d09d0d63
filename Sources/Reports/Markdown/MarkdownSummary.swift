import Grading

/// A grading run as GitHub-flavoured Markdown for CI job pages (`$GITHUB_STEP_SUMMARY`, GitLab
/// job notes): a heading with the score, the run's settings, a table of groups (one column per
/// verdict, then points) with a total row, then each failed, errored and missing check in a
/// collapsed `<details>` block (message, tolerance and captured output in a fenced block), the
/// warnings of the checks that passed with warnings, and the provided and not-applicable checks
/// with their reasons.
///
/// Text from checks is escaped (backslashes before Markdown punctuation, entities inside HTML,
/// fences longer than any backtick run) and control characters are shown as `\u{XX}` tokens.
/// GitHub caps a step summary at 1 MiB, hence the smaller default cap per check (4 KiB).
public struct MarkdownSummary: Sendable {
    /// Cap on one check's details, in UTF-8 bytes of the original text.
    public var maxBytesPerCheck: Int

    public init(maxBytesPerCheck: Int = 4 * 1024) {
        self.maxBytesPerCheck = maxBytesPerCheck
    }

    /// The Markdown text, ending with a newline.
    public func render(_ run: GradingRun) -> String {
        var md = "## gradecheck: \(MarkdownEscaping.inline(run.implementation)) scored "
        md += RunSummary.points(run.results) + "\n\n"
        md += MarkdownEscaping.inline(RunSummary.settings(run)) + "\n\n"
        for line in RunSummary.context(run) { md += MarkdownEscaping.inline(line) + "\n\n" }
        md += MarkdownEscaping.inline(RunSummary.counts(run.results)) + "\n\n"
        md += table(run)

        let problems = run.results.filter { [.failed, .errored, .missing].contains($0.outcome) }
        if problems.isEmpty {
            md += "\n" + (run.results.isEmpty ? "No checks ran.\n" : "Every check that carries points passed.\n")
        } else {
            md += "\n### Failed, errored and missing checks\n"
            for result in problems { md += "\n" + details(result) }
        }

        let warned = run.results.filter { !$0.warnings.isEmpty && $0.outcome.earnsPoints }
        if !warned.isEmpty {
            md += "\n### Passed with warnings\n\n"
            for result in warned {
                md += "- " + MarkdownEscaping.inline(result.id) + "\n"
                for warning in result.warnings { md += "  - " + MarkdownEscaping.inline(warning) + "\n" }
            }
        }
        md += list("Provided by the course (no points)", run.results.filter { $0.outcome == .provided })
        md += list("Not applicable", run.results.filter { $0.outcome == .notApplicable })
        return md
    }

    private func list(_ heading: String, _ results: [CheckResult]) -> String {
        guard !results.isEmpty else { return "" }
        var md = "\n### \(heading)\n\n"
        for result in results {
            let reason = result.reason.isEmpty ? "" : ": " + MarkdownEscaping.inline(result.reason)
            md += "- " + MarkdownEscaping.inline(result.id) + reason + "\n"
        }
        return md
    }

    private func table(_ run: GradingRun) -> String {
        let headers = ["Passed", "Warned", "Failed", "Errored", "Missing", "Provided", "N/A"]
        var md = "| Group | " + headers.joined(separator: " | ") + " | Points |\n| :-- |"
            + String(repeating: " --: |", count: headers.count + 1) + "\n"
        func row(_ name: String, _ results: [CheckResult]) -> String {
            let counts = CheckOutcome.allCases.map { outcome in String(results.filter { $0.outcome == outcome }.count) }
            return "| " + ([name] + counts + [RunSummary.points(results)]).joined(separator: " | ") + " |\n"
        }
        for group in run.groups { md += row(MarkdownEscaping.inline(group.name), group.results) }
        md += row("**Total**", run.results)
        return md
    }

    private func details(_ result: CheckResult) -> String {
        let word = switch result.outcome { case .failed: "FAIL"; case .errored: "ERROR"; default: "MISSING" }
        let title = result.title.isEmpty ? "" : ": " + MarkdownEscaping.html(result.title)
        var body: [String] = []
        if !result.message.isEmpty { body.append(result.message) }
        if !result.warnings.isEmpty { body.append(RunSummary.warnings(result)) }
        if !result.tolerance.isEmpty && result.outcome != .missing { body.append("tolerance: " + result.tolerance) }
        if !result.output.isEmpty { body.append("--- output ---\n" + result.output) }
        let text = body.isEmpty ? "(no message)" : body.joined(separator: "\n")
        return "<details>\n<summary>\(word) <code>\(MarkdownEscaping.html(result.id))</code>\(title) "
            + "(\(NumberFormatting.points(result.score))/\(NumberFormatting.points(result.points)))</summary>\n\n"
            + MarkdownEscaping.fencedBlock(Truncation.headAndTail(text, maxBytes: maxBytesPerCheck))
            + "\n</details>\n"
    }
}
