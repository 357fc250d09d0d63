import Foundation
import Grading
import Reports
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    /// Every verdict, a hostile message and output, a difference map and curves with a reference.
    static let run: GradingRun = {
        var results = SampleRuns.fixed.results
        let map = DifferenceMap(
            output: "out", shape: [4, 30], differences: (0..<120).map { $0 % 30 == 7 ? 0.5 : 0 }, worst: 37,
            tolerance: "relative error <= 1.0e-6")!
        let curves = CurveFigure(
            title: "Training loss", xLabel: "Iteration", yLabel: "Loss",
            series: [.init(name: "your loss_history", values: [2.3, 1.9, .nan, 1.2]),
                     .init(name: "reference engine", values: [2.3, 1.7, 1.3, 1.0], isReference: true)],
            note: "Dashed: the reference engine, same net, data and seed.")
        results[1].message = "out: relative error 1.0 > 1e-6 <script>alert('x')</script> & \"quoted\"\n"
            + CheckResult.knownMistakePrefix + "affine_forward returns x @ w without + b (1 of 1 outputs agree)."
        results[1].figures = [.differenceMap(map), .curves(curves)]
        results[2].output = "</pre><script src=\"https://evil.example/x.js\"></script><img src=x onerror=alert(1)>"
        results[3].figures = [.curves(curves)]
        return GradingRun(
            implementation: "student <b>42</b>", profile: "2024", profileReason: "found `ln_param`", seed: 231, toolVersion: "0.4.0",
            startedAt: SampleRuns.fixedStart, duration: 3.25, results: results, isolation: "bubblewrap 0.8.0",
            notes: ["left out .git/ <dir>"])
    }()

    static func page(_ run: GradingRun = run) throws -> String {
        String(decoding: try HTMLReport().data(run), as: UTF8.self)
    }

    @Test("student-controlled text is escaped: no markup, no script gets through")
    func escaping() throws {
        let page = try Self.page()
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("<img") && !page.contains("<b>42"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(page.contains("&lt;/pre&gt;&lt;script src=&quot;https://evil.example/x.js&quot;&gt;"))
        #expect(page.contains("student &lt;b&gt;42&lt;/b&gt;"))
        // Control characters never reach the page raw.
        #expect(!page.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(page.contains("\\u{1B}[31m"))
    }

    @Test("the page is self-contained: no script, no style sheet, font or image from elsewhere")
    func selfContained() throws {
        let page = try Self.page()
        let lowered = page.lowercased()
        // Escaped text may say `src=&quot;...`: what must not appear is markup.
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", " src=\"", "@font-face", "url(http", "href=\"javascript"] {
            #expect(!lowered.contains(forbidden), "found \(forbidden)")
        }
        // The only address is the SVG namespace; the student's https address is text, not a link.
        let addresses = lowered.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(addresses.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") || $0.hasPrefix("s://evil.example") })
        #expect(!lowered.contains("href=\"http"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<style>") && page.contains("@media (max-width:560px)"))
    }

    @Test("every verdict is shown with its colour class and its word", arguments: CheckOutcome.allCases)
    func verdict(outcome: CheckOutcome) throws {
        let page = try Self.page(SampleRuns.hidden)
        let word = ["passed": "PASS", "warned": "WARN", "failed": "FAIL", "errored": "ERROR", "missing": "MISSING",
                    "provided": "GIVEN", "not_applicable": "N/A"][outcome.rawValue]!
        #expect(page.contains("<article class=\"check \(outcome.rawValue)\" id=\"check-hidden.\(outcome.rawValue)\">"))
        #expect(page.contains("<span class=\"badge \(outcome.rawValue)\" title=\"\(outcome.label)\">\(word)</span> <code>hidden.\(outcome.rawValue)</code>"))
        #expect(page.contains(".badge.\(outcome.rawValue){background:#"))
        #expect(page.contains("\(SampleRuns.hidden.count(outcome)) \(outcome.label)</li>"))
    }

    @Test("the header gives score, profile, sandbox and notes; messages, diagnosis and warnings are shown")
    func content() throws {
        let page = try Self.page()
        #expect(page.contains("<p class=\"score\">7 <small>of 16 points</small></p>"))
        #expect(page.contains("<dt>profile</dt><dd>2024 (found `ln_param`)</dd>"))
        #expect(page.contains("<dt>sandbox</dt><dd>bubblewrap 0.8.0</dd>"))
        #expect(page.contains("<li>left out .git/ &lt;dir&gt;</li>"))
        #expect(page.contains("<p class=\"diagnosis\"><strong>Diagnosis:</strong> Matches known mistake: affine_forward returns x @ w without + b"))
        // The diagnosis is not repeated in the message block.
        let message = try #require(page.components(separatedBy: "<pre class=\"message\">").dropFirst().first)
        #expect(!String(message.prefix { $0 != "<" }).contains("Matches known mistake"))
        #expect(page.contains("<li>warning: out has shape (1, 5) where the course&#39;s docstring says (5,) &lt;ok&gt;</li>"))
        #expect(page.contains("<span class=\"tag\">hidden until published</span>"))
    }

    @Test("figures are inline SVG: a heat map with a cell per map cell and the worst outlined, curves with a dashed reference")
    func figures() throws {
        let page = try Self.page()
        #expect(page.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(page.components(separatedBy: "<rect class=\"cell\"").count - 1 == 4 * 24)
        #expect(page.components(separatedBy: "class=\"highlight\"").count - 1 == 2)   // the cell and its legend key
        #expect(page.contains("index (1, 7), as in the message"))
        #expect(page.contains("stroke-dasharray=\"6 4\""))
        #expect(page.contains("Dashed: the reference engine, same net, data and seed."))
        #expect(page.contains("out, shape (4, 30): each cell is the largest difference in a block of up to 1 x 2 entries. White: no difference. Judged by relative error &lt;= 1.0e-6."))
        // Clip-path ids are unique in the page, and every reference resolves to one of them.
        let ids = page.components(separatedBy: "<clipPath id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids.count == 2 && Set(ids).count == 2)
        let references = page.components(separatedBy: "clip-path=\"url(#").dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(!references.isEmpty && references.allSatisfy(ids.contains))
    }

    @Test("names that collide or are blank still give unique ids; an empty run says so")
    func odd() throws {
        let page = try Self.page(SampleRuns.weirdNames)
        let ids = page.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count && ids.count >= 7)
        #expect(page.contains(">ungrouped</a>"))
        #expect(try Self.page(SampleRuns.empty).contains("<p>No checks ran.</p>"))
    }

    @Test("long messages and output are capped with head and tail")
    func capped() throws {
        let page = String(decoding: try HTMLReport(maxBytesPerCheck: 1024).data(SampleRuns.hugeOutput), as: UTF8.self)
        #expect(page.contains("[truncated "))
        #expect(page.utf8.count < 20_000)
    }
}
