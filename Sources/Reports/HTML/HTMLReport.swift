import Foundation
import Grading

/// A grading run as one self-contained HTML page, for a student or a TA: no scripts, no fonts, no
/// images or style sheets from elsewhere (the CSS and every figure, as SVG, are inline), readable
/// on a phone (a viewport meta tag; one column that shrinks to 390 px).
///
/// The page: a header with the implementation, the score out of the maximum (and a bar), the
/// profile and why, the seed, `--strict`, the sandbox, the notes, the tool version and when it ran;
/// the count of every verdict; a table of groups (points and the counts of the verdicts the run
/// has, linked); then one
/// section per group with every check as an `<article class="check <verdict>">`: a badge
/// (`PASS`, `FAIL`, ...: colour and text), the id, the points, the title, and for a check that did
/// not plainly pass its message in a `<pre>`, the diagnosis (a known mistake or deviation), the
/// warnings, the tolerance, the captured output (collapsed) and the check's figures: the Solver's
/// curves beside the reference's, and for a failing array output a heat map of |got - expected|
/// (`HTMLReport+Figures.swift`).
///
/// Every piece of text from a run is escaped (`HTMLEscaping`: `& < > " '` as entities, control
/// characters shown as `\u{XX}` tokens), so student-controlled text (messages, output, names)
/// never becomes markup; messages and output are capped per check with head + tail and a
/// `[truncated N bytes]` marker.
public struct HTMLReport: Sendable {
    /// Cap on one check's message and, separately, on its captured output, in UTF-8 bytes of the
    /// original text.
    public var maxBytesPerCheck: Int

    public init(maxBytesPerCheck: Int = Truncation.defaultMaxBytes) {
        self.maxBytesPerCheck = maxBytesPerCheck
    }

    /// The page, UTF-8, ending with a newline. Nothing in it throws today; the signature matches
    /// the writers that take a run and give the file's bytes.
    public func data(_ run: GradingRun) throws -> Data {
        Data(render(run).utf8)
    }

    /// The page as text.
    public func render(_ run: GradingRun) -> String {
        let e = HTMLEscaping.text
        let points = RunSummary.points(run.results)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="gradecheck \(e(run.toolVersion))">
            <title>\(e(run.implementation)): \(points) (gradecheck)</title>
            <style>
            \(HTMLStyle.css)</style>
            </head>
            <body>
            <div class="page">

            """
        html += header(run)
        html += "<ul class=\"summary\" aria-label=\"verdicts\">\n"
        for outcome in CheckOutcome.allCases {
            html += "<li>\(badge(outcome)) \(run.count(outcome)) \(e(outcome.label))</li>\n"
        }
        html += "</ul>\n"
        var ids = HTMLIdentifiers()
        let groupIDs = run.groups.map { ids.unique("group-", Self.groupName($0.name)) }
        html += groupTable(run, ids: groupIDs)
        var figureNumber = 0
        for (group, id) in zip(run.groups, groupIDs) {
            html += "<section id=\"\(id)\">\n"
            html += "<h2>\(e(Self.groupName(group.name))) <span class=\"points\">\(RunSummary.points(group.results)) points</span></h2>\n"
            for result in group.results {
                html += check(result, id: ids.unique("check-", result.id), figureNumber: &figureNumber)
            }
            html += "</section>\n"
        }
        if run.results.isEmpty { html += "<p>No checks ran.</p>\n" }
        html += "<footer>gradecheck \(e(run.toolVersion)); seed \(run.seed); started \(JUnitTimestamp.format(run.startedAt)) UTC, "
            + "took \(NumberFormatting.seconds(run.duration)) s.</footer>\n"
        html += "</div>\n</body>\n</html>\n"
        return html
    }

    /// `<span class="badge failed">FAIL</span>`: the colour comes from the class, the word says it.
    func badge(_ outcome: CheckOutcome) -> String {
        "<span class=\"badge \(HTMLStyle.className(outcome))\" title=\"\(HTMLEscaping.text(outcome.label))\">\(HTMLEscaping.text(VerdictWord.of(outcome)))</span>"
    }

    private func header(_ run: GradingRun) -> String {
        let e = HTMLEscaping.text
        let score = RunSummary.score(run.results), maximum = RunSummary.maxScore(run.results)
        let percent = maximum > 0 ? min(100, max(0, 100 * score / maximum)) : 0
        var html = "<header>\n<h1>gradecheck report: \(e(run.implementation))</h1>\n"
        html += "<p class=\"score\">\(NumberFormatting.points(score)) <small>of \(NumberFormatting.points(maximum)) points</small></p>\n"
        html += "<div class=\"bar\" role=\"img\" aria-label=\"\(NumberFormatting.points(percent)) percent\"><span style=\"width:\(NumberFormatting.points(percent))%\"></span></div>\n"
        var rows: [(String, String)] = [("profile", run.profile + (run.profileReason.isEmpty ? "" : " (\(run.profileReason))"))]
        rows.append(("seed", String(run.seed)))
        if run.strict { rows.append(("strict", "warnings fail (--strict)")) }
        rows.append(("sandbox", run.isolation.isEmpty ? "none (graded in-process)" : run.isolation))
        rows.append(("gradecheck", run.toolVersion))
        html += "<dl class=\"settings\">\n"
        for (term, value) in rows { html += "<dt>\(e(term))</dt><dd>\(e(value))</dd>\n" }
        html += "</dl>\n"
        if !run.notes.isEmpty {
            html += "<ul class=\"notes\">\n" + run.notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</header>\n"
    }

    /// A group's name, `ungrouped` for a blank one (as the JUnit suites).
    static func groupName(_ name: String) -> String { JUnitReport.suiteName(name) }

    /// Points and verdict counts per group, one column per verdict the run has (the summary
    /// above counts all seven), so that the table fits a phone.
    private func groupTable(_ run: GradingRun, ids: [String]) -> String {
        guard !run.groups.isEmpty else { return "" }
        let outcomes = CheckOutcome.allCases.filter { run.count($0) > 0 }
        var html = "<div class=\"table-wrap\"><table class=\"groups\">\n<thead><tr><th>group</th><th>points</th>"
        html += outcomes.map { "<th>\(badge($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (group, id) in zip(run.groups, ids) {
            html += "<tr><td><a href=\"#\(id)\">\(HTMLEscaping.text(Self.groupName(group.name)))</a></td>"
            html += "<td>\(RunSummary.points(group.results))</td>"
            for outcome in outcomes {
                let n = group.results.filter { $0.outcome == outcome }.count
                html += n == 0 ? "<td class=\"zero\">0</td>" : "<td>\(n)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
