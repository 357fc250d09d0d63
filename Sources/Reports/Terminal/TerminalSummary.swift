import Grading

/// A grading run for a terminal: one line per check (verdict, id, points, and for missing,
/// provided and not-applicable checks the reason), then each failed, errored and warned check
/// explained (title; message, warnings and tolerance indented; captured output indented
/// further), then the totals of all seven verdicts:
///
///     PASS     layers.affine.forward  2/2
///     WARN     layers.relu.backward   2/2
///     MISSING  optim.adam.step        0/2  cs231n/optim.py:26: SyntaxError (Python 2 print statement)
///     GIVEN    losses.softmax.value   0/0  provided by the course
///     N/A      nets.two_layer.init    -    not part of the 2021 assignment 2
///
///     WARN     layers.relu.backward: ReLU backward
///         warning: dx passes the gradient at x == 0 ...
///
///     1 passed, 1 passed with warnings, 0 failed, 0 errored, 1 missing, 1 provided, 1 not applicable; score 4/6
///
/// Colour only when `color` is true: the caller decides (a terminal on stdout, `NO_COLOR` unset).
/// Text from checks never carries raw control characters, coloured or not: they are shown as
/// `\u{XX}` tokens.
public struct TerminalSummary: Sendable {
    public var color: Bool
    /// Cap on one check's message and, separately, on its output, in UTF-8 bytes of the original text.
    public var maxBytesPerCheck: Int
    /// Cap on the reason shown on a check's line, in characters.
    public var maxReasonCharacters: Int

    public init(color: Bool, maxBytesPerCheck: Int = 4 * 1024, maxReasonCharacters: Int = 160) {
        self.color = color
        self.maxBytesPerCheck = maxBytesPerCheck
        self.maxReasonCharacters = maxReasonCharacters
    }

    /// The summary, ending with a newline.
    public func render(_ run: GradingRun) -> String {
        let style = TerminalStyle(color: color)
        let ids = run.results.map { oneLine($0.id) }
        let width = ids.map(\.count).max() ?? 0
        let pointTexts = run.results.map(points)
        let pointWidth = pointTexts.map(\.count).max() ?? 0
        var text = ""
        for ((result, id), points) in zip(zip(run.results, ids), pointTexts) {
            var line = style.paint(TerminalStyle.word(result.outcome), result.outcome) + "  "
                + id + String(repeating: " ", count: width - id.count) + "  " + points
            if [.missing, .provided, .notApplicable].contains(result.outcome), !result.reason.isEmpty {
                line += String(repeating: " ", count: pointWidth - points.count) + "  " + shortReason(result.reason)
            }
            text += line + "\n"
        }

        let explained = zip(run.results, ids).filter { [.failed, .errored, .warned].contains($0.0.outcome) }
        for (result, id) in explained {
            let title = result.title.isEmpty ? "" : ": " + oneLine(result.title)
            text += "\n" + style.paint(TerminalStyle.word(result.outcome), result.outcome) + "  " + id + title + "\n"
            var parts: [String] = []
            if !result.message.isEmpty { parts.append(result.message) }
            if !result.warnings.isEmpty { parts.append(RunSummary.warnings(result)) }
            if parts.isEmpty { parts.append("(no message)") }
            if !result.tolerance.isEmpty { parts.append("tolerance: " + result.tolerance) }
            text += indented(Truncation.headAndTail(parts.joined(separator: "\n"), maxBytes: maxBytesPerCheck), by: 4)
            if !result.output.isEmpty && result.outcome != .warned {
                text += "    output:\n" + indented(Truncation.headAndTail(result.output, maxBytes: maxBytesPerCheck), by: 8)
            }
        }

        if !run.results.isEmpty { text += "\n" }
        text += totals(run.results, style) + "\n"
        return text
    }

    /// `2/2`, `0/0` for a provided check, `-` for one that does not apply.
    private func points(_ result: CheckResult) -> String {
        result.outcome == .notApplicable
            ? "-" : NumberFormatting.points(result.score) + "/" + NumberFormatting.points(result.points)
    }

    private func oneLine(_ raw: String) -> String {
        VisibleText.make(raw, mode: .display).replacingOccurrences(of: "\n", with: " ")
    }

    private func shortReason(_ reason: String) -> String {
        let line = oneLine(reason)
        return line.count <= maxReasonCharacters ? line : String(line.prefix(maxReasonCharacters - 3)) + "..."
    }

    /// Each line indented, controls made visible.
    private func indented(_ raw: String, by width: Int) -> String {
        let indent = String(repeating: " ", count: width)
        var lines = VisibleText.make(raw, mode: .display).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.isEmpty ? "\n" : indent + $0 + "\n" }.joined()
    }

    /// All seven counts, non-zero ones coloured, then the score.
    private func totals(_ results: [CheckResult], _ style: TerminalStyle) -> String {
        let counts = CheckOutcome.allCases.map { outcome -> String in
            let n = results.filter { $0.outcome == outcome }.count
            let words = "\(n) \(outcome.label)"
            return n > 0 ? style.paint(words, outcome) : words
        }
        return counts.joined(separator: ", ") + "; score " + RunSummary.points(results)
    }
}
