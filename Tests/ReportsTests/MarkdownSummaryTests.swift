import Grading
import Testing

@testable import Reports

@Suite struct MarkdownSummaryTests {
    @Test func tableHasOneRowPerGroupAndATotal() {
        let md = MarkdownSummary().render(SampleRuns.fixed)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| :") }
        #expect(rows == [
            "| Group | Passed | Warned | Failed | Errored | Missing | Provided | N/A | Points |",
            "| layers | 1 | 1 | 1 | 1 | 0 | 0 | 0 | 3/8 |",
            "| optim | 1 | 0 | 0 | 0 | 2 | 0 | 1 | 1/5 |",
            "| losses | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0/0 |",
            "| solver | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 3/3 |",
            "| **Total** | 3 | 1 | 1 | 1 | 2 | 1 | 1 | 7/16 |",
        ])
    }

    @Test func failuresAreInDetailsBlocks() {
        let run = SampleRuns.fixed
        let md = MarkdownSummary().render(run)
        #expect(md.components(separatedBy: "<details>").count - 1 == 4)
        #expect(md.contains("<summary>MISSING <code>optim.adam.step</code>: Adam, one step (0/2)</summary>"))
        #expect(md.contains("### Passed with warnings\n\n- layers.relu.forward\n  - out has shape (1, 5) where the course's docstring says (5,) \\<ok\\>"))
        #expect(md.contains("### Provided by the course (no points)\n\n- losses.softmax.value: provided by the course"))
        #expect(md.contains("1 passed with warnings, 1 failed, 1 errored, 2 missing, 1 provided, 1 not applicable"))
        #expect(md.contains("<summary>FAIL <code>layers.relu.backward</code>: ReLU backward pass (0/2)</summary>"))
        #expect(md.contains("<summary>ERROR <code>layers.batchnorm.forward</code>"))
        #expect(md.contains(run.results[1].message))
        #expect(md.contains("### Not applicable\n\n- optim.adam.trajectory: profile 2017 has no bias correction"))
        #expect(!md.contains("\u{1B}") && md.contains("\\u{1B}[31m"))
    }

    @Test func fencesOutlastBackticksInOutput() {
        let md = MarkdownSummary().render(SampleRuns.fixed)
        // The errored check's output holds a run of three backticks: its fence needs four.
        #expect(md.contains("````text\n") && md.contains("\n````\n"))
        #expect(MarkdownEscaping.fencedBlock("a ````` b") == "``````text\na ````` b\n``````\n")
    }

    @Test func escapesTableCellsAndHTML() {
        #expect(MarkdownEscaping.inline("g|r`o*u_p\n<b>&") == "g\\|r\\`o\\*u\\_p \\<b\\>\\&")
        #expect(MarkdownEscaping.html("<a & \"b\">\n") == "&lt;a &amp; &quot;b&quot;&gt; ")
        let md = MarkdownSummary().render(SampleRuns.weirdNames)
        #expect(md.contains("| g\\|r\\`o\\*u\\_p | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0/0 |"))
        #expect(md.contains("<code>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;</code>"))
    }

    @Test func emptyAndAllPassedRuns() {
        #expect(MarkdownSummary().render(SampleRuns.empty).contains("No checks ran."))
        let passing = GradingRun(
            implementation: "i", profile: "p", profileReason: "", seed: 0, toolVersion: "v",
            startedAt: SampleRuns.fixedStart, duration: 0,
            results: [CheckResult(id: "a", group: "g", title: "", outcome: .passed, points: 1)])
        let md = MarkdownSummary().render(passing)
        #expect(md.contains("Every check that carries points passed.") && !md.contains("<details>"))
    }
}
