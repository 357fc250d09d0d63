import Foundation
import Grading

/// A class run as `index.html`: a self-contained dashboard (inline CSS and SVG; one inline script
/// that only sorts the table, which reads fine without it). It shows the verdict counts, a
/// histogram of percentages (ten bins of 10 points; 100% falls in the last), the pass rate of
/// every check as a bar, the diagnosed mistakes most common first, and a table of students linking
/// to `students/<folder>/report.html`. Every student-controlled string is escaped.
public struct ClassDashboard: Sendable {
    public init() {}

    public func data(_ results: ClassResults) -> Data { Data(render(results).utf8) }

    public func render(_ results: ClassResults) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>gradecheck: class results</title>
            <style>\(Self.style)</style></head><body>
            <h1>Class results</h1>
            <p class="meta">\(results.students.count) students · out of \(NumberFormatting.points(results.maxScore)) points · gradecheck \(XMLEscaping.text(results.toolVersion))</p>

            """
        html += "<p class=\"counts\">" + StudentGrade.Status.allCases.map { "<span class=\"st \($0.rawValue)\">\(results.count($0)) \($0.rawValue.replacingOccurrences(of: "_", with: " "))</span>" }.joined(separator: " ") + "</p>\n"
        html += "<section><h2>Scores</h2>\n" + histogram(results) + "</section>\n"
        html += "<section><h2>Pass rate per check</h2>\n" + passRates(results) + "</section>\n"
        html += "<section><h2>Most common diagnosed mistakes</h2>\n" + mistakes(results) + "</section>\n"
        html += "<section><h2>Students</h2>\n" + table(results) + "</section>\n"
        html += "<script>\(Self.sorter)</script>\n</body></html>\n"
        return html
    }

    /// Percent of the student's maximum, 0 ... 100.
    func percent(_ results: ClassResults, _ s: StudentGrade) -> Double {
        let max = results.maxScore(s)
        return max > 0 ? 100 * s.score / max : 0
    }

    func histogram(_ results: ClassResults) -> String {
        var bins = Array(repeating: 0, count: 10)
        for s in results.students { bins[min(9, max(0, Int(percent(results, s) / 10)))] += 1 }
        let top = max(1, bins.max() ?? 1)
        let width = 600.0, height = 180.0, barWidth = width / 10
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height + 40))\" role=\"img\" aria-label=\"histogram of scores\">\n"
        for (i, n) in bins.enumerated() {
            let h = height * Double(n) / Double(top), x = Double(i) * barWidth
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar\"><title>%d students at %d%% to under %d%%</title></rect>\n", x + 4, height - h, barWidth - 8, h, n, i * 10, i * 10 + 10)
            if n > 0 { svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"n\">%d</text>\n", x + barWidth / 2, height - h - 4, n) }
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"axis\">%@</text>\n", x + barWidth / 2, height + 16, i == 9 ? "90-100" : "\(i * 10)-\(i * 10 + 9)")
        }
        svg += "<text x=\"\(Int(width / 2))\" y=\"\(Int(height + 36))\" class=\"axis\">percent of the maximum score</text>\n</svg>\n"
        return svg
    }

    func passRates(_ results: ClassResults) -> String {
        let stats = results.checkStatistics
        guard !stats.isEmpty else { return "<p>No student was graded.</p>\n" }
        let row = 22.0, label = 260.0, bar = 300.0
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(label + bar + 60)) \(Int(row * Double(stats.count) + 8))\" role=\"img\" aria-label=\"pass rate per check\">\n"
        for (i, c) in stats.enumerated() {
            let y = Double(i) * row + 4
            let rate = c.passRate
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"label\">", label - 6, y + 15) + XMLEscaping.text(c.id) + "</text>\n"
            guard c.graded > 0 else {
                let why = c.counts[.provided] != nil ? "provided by the course (no points)" : "carries no points"
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"pct\">%@</text>\n", label + 4, y + 15, why)
                continue
            }
            let tone = rate >= 0.8 ? "good" : rate >= 0.5 ? "fair" : "poor"
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"track\"/>", label, y + 3, bar, row - 6)
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%@\"><title>", label, y + 3, bar * rate, row - 6, tone)
                + XMLEscaping.text("\(c.id): \(c.passed) of \(c.graded) passed") + "</title></rect>\n"
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"pct\">%.0f%%</text>\n", label + bar + 6, y + 15, 100 * rate)
        }
        return svg + "</svg>\n"
    }

    func mistakes(_ results: ClassResults) -> String {
        let found = results.mistakes
        guard !found.isEmpty else { return "<p>No known mistake was recognised.</p>\n" }
        var html = "<table class=\"mistakes\"><thead><tr><th>students</th><th>what</th><th>checks</th><th>who</th></tr></thead><tbody>\n"
        for m in found.prefix(20) {
            let who = m.students.prefix(12).map(link).joined(separator: ", ") + (m.students.count > 12 ? ", …" : "")
            let what = (m.kind == "deviation" ? "accepted deviation: " : "") + m.description
            let checks = m.checks.map { "<code>\(XMLEscaping.text($0))</code>" }.joined(separator: " ")
            html += "<tr><td class=\"num\">\(m.students.count)</td><td>\(XMLEscaping.text(what))</td><td>\(checks)</td><td>\(who)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    func link(_ student: String) -> String {
        let folder = StudentGrade.folderName(student).replacingOccurrences(of: "%", with: "%25")
        return "<a href=\"students/\(XMLEscaping.attribute(folder))/report.html\">\(XMLEscaping.text(student))</a>"
    }

    func table(_ results: ClassResults) -> String {
        var html = "<table id=\"students\"><thead><tr><th data-kind=\"text\">student</th><th data-kind=\"num\">score</th><th data-kind=\"num\">percent</th><th data-kind=\"text\">status</th><th data-kind=\"text\">profile</th><th data-kind=\"text\">note</th></tr></thead><tbody>\n"
        for s in results.students {
            let pct = percent(results, s)
            html += "<tr><td>\(s.run == nil ? XMLEscaping.text(s.student) : link(s.student))</td><td class=\"num\">\(NumberFormatting.points(s.score)) / \(NumberFormatting.points(results.maxScore(s)))</td>"
            html += String(format: "<td class=\"num\" data-value=\"%.3f\">%.1f%%</td>", pct, pct)
            html += "<td><span class=\"st \(s.status.rawValue)\">\(s.status.rawValue.replacingOccurrences(of: "_", with: " "))</span></td>"
            html += "<td>\(XMLEscaping.text(s.run?.profile ?? ""))</td><td>\(XMLEscaping.text(s.reason))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:980px;padding:12px 16px;color:#1b1f24;background:#fff}
        h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}.meta{color:#555;margin:0}
        .chart{width:100%;height:auto;max-width:720px}.bar{fill:#3b6fb6}.n,.axis,.pct{font-size:12px;text-anchor:middle;fill:#333}
        .pct{text-anchor:start}.label{font-size:12px;text-anchor:end;fill:#222;font-family:ui-monospace,Menlo,monospace}
        .track{fill:#eceff3}.good{fill:#2e8540}.fair{fill:#d39e00}.poor{fill:#c0392b}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e3e6ea;padding:5px 6px;text-align:left;vertical-align:top}
        th{background:#f5f7f9;cursor:pointer;user-select:none}td.num{text-align:right;white-space:nowrap}
        .st{display:inline-block;border-radius:4px;padding:0 6px;font-size:13px;background:#eceff3}
        .st.graded{background:#e3f1e6}.st.grader_fault{background:#fbe3e0}.st.unusable,.st.no_submission{background:#fff1cc}
        code{font-family:ui-monospace,Menlo,monospace;font-size:13px}
        section{overflow-x:auto}code,td{overflow-wrap:anywhere}
        @media (max-width:600px){body{padding:8px}.mistakes th:nth-child(3),.mistakes td:nth-child(3){display:none}}
        """

    /// Sorts #students by a clicked header (numbers by `data-value` or their leading number).
    static let sorter = """
        (function(){var t=document.getElementById('students');if(!t)return;var hs=t.tHead.rows[0].cells;
        for(var i=0;i<hs.length;i++)(function(i){var asc=true;hs[i].onclick=function(){var b=t.tBodies[0],rs=[].slice.call(b.rows),num=hs[i].dataset.kind==='num';
        rs.sort(function(x,y){var a=x.cells[i],c=y.cells[i];var u=num?parseFloat(a.dataset.value||a.textContent):a.textContent,v=num?parseFloat(c.dataset.value||c.textContent):c.textContent;
        return (u<v?-1:u>v?1:0)*(asc?1:-1)});asc=!asc;rs.forEach(function(r){b.appendChild(r)})}})(i)})();
        """
}
