import Grading
import Testing

@testable import Reports

@Suite struct TerminalSummaryTests {
    @Test func oneLinePerCheckThenTotals() {
        let text = TerminalSummary(color: false).render(SampleRuns.fixed)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(10) == [
            "PASS     layers.affine.forward     2/2",
            "FAIL     layers.relu.backward      0/2",
            "ERROR    layers.batchnorm.forward  0/3",
            "WARN     layers.relu.forward       1/1",
            "N/A      optim.adam.trajectory     -    profile 2017 has no bias correction",
            "MISSING  optim.adam.step           0/2  cs231n/optim.py:26: SyntaxError (Python 2 print statement)",
            "MISSING  optim.rmsprop.step        0/2  rmsprop is still the starter's stub (it returns None)",
            "PASS     optim.sgd.step            1/1",
            "GIVEN    losses.softmax.value      0/0  provided by the course (the 2016 starter ships softmax_loss finished)",
            "PASS     solver.overfit.small      3/3",
        ])
        #expect(text.hasSuffix("\n3 passed, 1 passed with warnings, 1 failed, 1 errored, 2 missing, 1 provided, 1 not applicable; score 7/16\n"))
    }

    @Test func failuresAreExplainedIndented() {
        let text = TerminalSummary(color: false).render(SampleRuns.fixed)
        #expect(text.contains("\nFAIL     layers.relu.backward: ReLU backward pass\n    dx differs at [3, 1]"))
        #expect(text.contains("\nWARN     layers.relu.forward: ReLU forward pass\n    warning: out has shape (1, 5)"))
        #expect(text.contains("\n    likely cause: the gradient is passed where x <= 0\n"))
        #expect(text.contains("\n    tolerance: relative error <= 1e-9\n"))
        #expect(text.contains("\nERROR    layers.batchnorm.forward: Batch normalization, train mode\n"))
        #expect(!text.contains("optim.adam.trajectory: Adam"), "not-applicable checks are not explained")
        #expect(!text.contains("optim.adam.step: Adam"), "missing checks say why on their line")
    }

    @Test func plainHasNoEscapeBytesEvenFromCheckOutput() {
        let text = TerminalSummary(color: false).render(SampleRuns.fixed)
        #expect(!text.unicodeScalars.contains { VisibleText.needsToken($0) || $0 == "\r" })
        #expect(text.contains("\\u{1B}[31mwarning"))
    }

    @Test func colourWrapsStatusWords() {
        let text = TerminalSummary(color: true).render(SampleRuns.fixed)
        #expect(text.hasPrefix("\u{1B}[32mPASS   \u{1B}[0m  layers.affine.forward"))
        #expect(text.contains("\u{1B}[31mFAIL   \u{1B}[0m"))
        #expect(text.contains("\u{1B}[33mERROR  \u{1B}[0m"))
        #expect(text.contains("\u{1B}[90mN/A    \u{1B}[0m"))
        #expect(text.contains("\u{1B}[35mMISSING\u{1B}[0m"))
        #expect(text.contains("\u{1B}[32m3 passed\u{1B}[0m"))
        // Colour never lets raw controls from the checks through.
        #expect(!text.contains("\u{1B}[31mwarning"))
    }

    @Test func emptyRun() {
        #expect(TerminalSummary(color: false).render(SampleRuns.empty) == "0 passed, 0 passed with warnings, 0 failed, 0 errored, 0 missing, 0 provided, 0 not applicable; score 0/0\n")
    }
}
