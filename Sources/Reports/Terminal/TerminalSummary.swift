import Grading

/// A grading run for a terminal: one line per check (status, id, points), then each failed or
/// errored check explained (title; message and tolerance indented; captured output indented
/// further), then totals:
///
///     PASS   layers.affine.forward  2/2
///     FAIL   layers.relu.backward   0/2
///     SKIP   optim.adam.trajectory  -
///
///     FAIL   layers.relu.backward: ReLU backward
///         dx differs at [3, 1]: expected 0.5, got 0
///
///     1 passed, 1 failed, 0 errored, 1 skipped; score 2/4
///
/// Colour (green / red / yellow / grey status words and non-zero counts) only when `color` is true: the
/// caller decides (a terminal on stdout, `NO_COLOR` unset). Text from checks never carries raw
/// control characters, coloured or not: they are shown as `\u{XX}` tokens.
public struct TerminalSummary: Sendable {
    public var color: Bool
    /// Cap on one check's message and, separately, on its output, in UTF-8 bytes of the original text.
    public var maxBytesPerCheck: Int

    public init(color: Bool, maxBytesPerCheck: Int = 4 * 1024) {
        self.color = color
        self.maxBytesPerCheck = maxBytesPerCheck
    }

    /// The summary, ending with a newline.
    public func render(_ run: GradingRun) -> String {
        let style = TerminalStyle(color: color)
        let ids = run.results.map { VisibleText.make($0.id, mode: .display).replacingOccurrences(of: "\n", with: " ") }
        let width = ids.map(\.count).max() ?? 0
        var text = ""
        for (result, id) in zip(run.results, ids) {
            let points =
                result.outcome == .skipped
                ? "-" : NumberFormatting.points(result.score) + "/" + NumberFormatting.points(result.points)
            text += style.paint(TerminalStyle.word(result.outcome), result.outcome) + "  "
                + id + String(repeating: " ", count: width - id.count) + "  " + points + "\n"
        }

        let problems = zip(run.results, ids).filter { $0.0.outcome == .failed || $0.0.outcome == .errored }
        for (result, id) in problems {
            let title =
                result.title.isEmpty
                ? "" : ": " + VisibleText.make(result.title, mode: .display).replacingOccurrences(of: "\n", with: " ")
            text += "\n" + style.paint(TerminalStyle.word(result.outcome), result.outcome) + "  " + id + title + "\n"
            var explanation = result.message.isEmpty ? "(no message)" : result.message
            if !result.tolerance.isEmpty { explanation += "\ntolerance: " + result.tolerance }
            text += indented(Truncation.headAndTail(explanation, maxBytes: maxBytesPerCheck), by: 4)
            if !result.output.isEmpty {
                text += "    output:\n" + indented(Truncation.headAndTail(result.output, maxBytes: maxBytesPerCheck), by: 8)
            }
        }

        if !run.results.isEmpty { text += "\n" }
        text += totals(run.results, style) + "\n"
        return text
    }

    /// Each line indented, controls made visible.
    private func indented(_ raw: String, by width: Int) -> String {
        let indent = String(repeating: " ", count: width)
        var lines = VisibleText.make(raw, mode: .display).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.isEmpty ? "\n" : indent + $0 + "\n" }.joined()
    }

    /// `1 passed, 1 failed, 0 errored, 1 skipped; score 2/4`, non-zero counts coloured.
    private func totals(_ results: [CheckResult], _ style: TerminalStyle) -> String {
        let counts = CheckOutcome.allCases.map { outcome -> String in
            let n = results.filter { $0.outcome == outcome }.count
            let words = "\(n) \(outcome.rawValue)"
            return n > 0 ? style.paint(words, outcome) : words
        }
        return counts.joined(separator: ", ") + "; score " + RunSummary.points(results)
    }
}
