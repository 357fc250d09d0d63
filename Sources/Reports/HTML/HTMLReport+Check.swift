import Foundation
import Grading

extension HTMLReport {
    /// One check: badge, id, points and title; then, unless it plainly passed, its message, the
    /// diagnosis, the warnings and the tolerance; the captured output, collapsed; its figures.
    /// `id` is the article's page-unique id; `figureNumber` numbers the figures across the page
    /// (their SVG ids must be unique too).
    func check(_ result: CheckResult, id: String, figureNumber: inout Int) -> String {
        let e = HTMLEscaping.text
        let points = result.outcome == .notApplicable
            ? "not counted" : NumberFormatting.points(result.score) + "/" + NumberFormatting.points(result.points)
        var html = "<article class=\"check \(HTMLStyle.className(result.outcome))\" id=\"\(id)\">\n"
        html += "<header>\(badge(result.outcome)) <code>\(e(result.id))</code>"
        if result.hidden { html += " <span class=\"tag\">hidden until published</span>" }
        html += " <span class=\"points\">\(points)</span></header>\n"
        if !result.title.isEmpty { html += "<p class=\"title\">\(e(result.title))</p>\n" }
        if result.outcome != .passed { html += "<p class=\"verdict\">\(e(verdict(result)))</p>\n" }

        let message = result.message.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !CheckResult.isDiagnosis(String($0)) }.joined(separator: "\n")
        if !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            html += "<pre class=\"message\">\(e(Truncation.headAndTail(message, maxBytes: maxBytesPerCheck)))</pre>\n"
        }
        for diagnosis in result.diagnoses {
            html += "<p class=\"diagnosis\"><strong>Diagnosis:</strong> \(e(diagnosis))</p>\n"
        }
        let warnings = result.warnings.filter { !CheckResult.isDiagnosis($0) }
        if !warnings.isEmpty {
            html += "<ul class=\"warnings\">\n" + warnings.map { "<li>warning: \(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !result.tolerance.isEmpty, ![.passed, .missing, .notApplicable].contains(result.outcome) {
            html += "<p class=\"tolerance\">tolerance: \(e(result.tolerance))</p>\n"
        }
        if !result.output.isEmpty {
            html += "<details><summary>output the implementation printed (\(result.output.utf8.count) bytes)</summary>"
            html += "<pre class=\"output\">\(e(Truncation.headAndTail(result.output, maxBytes: maxBytesPerCheck)))</pre></details>\n"
        }
        if !result.figures.isEmpty {
            html += "<div class=\"figures\">\n"
            for figure in result.figures {
                html += self.figure(figure, idPrefix: "fig\(figureNumber)-")
                figureNumber += 1
            }
            html += "</div>\n"
        }
        return html + "</article>\n"
    }

    /// What the verdict means for the points, in words.
    private func verdict(_ result: CheckResult) -> String {
        switch result.outcome {
        case .passed: "passed"   // not shown: the badge says it
        case .warned: "passed with warnings: the course accepts this; it differs from the reference engine"
        case .failed: "failed: the course would not accept this answer"
        case .errored: "errored: the implementation crashed, timed out or replied with something malformed"
        case .missing: result.missingKind == .doesNotImport ? "missing: the file that holds it does not import" : "missing: not implemented"
        case .provided: "provided by the course: no points"
        case .notApplicable: "not applicable to this assignment: not counted"
        }
    }
}
