import Foundation
import Grading

/// Grading runs the report tests render.
enum SampleRuns {
    /// 2026-01-01T09:30:45Z.
    static let fixedStart = Date(timeIntervalSince1970: 1_767_259_845)

    /// Every outcome, a hidden check, ANSI colours, markup and `]]>` in output: the snapshot run.
    static let fixed = GradingRun(
        implementation: "swift-reference", profile: "2024", profileReason: "found `ln_param` in fc_net.py",
        seed: 231, toolVersion: "0.4.0", startedAt: fixedStart, duration: 3.25,
        results: [
            CheckResult(
                id: "layers.affine.forward", group: "layers", title: "Affine forward pass", outcome: .passed,
                points: 2, tolerance: "relative error <= 1e-9", duration: 0.0123),
            CheckResult(
                id: "layers.relu.backward", group: "layers", title: "ReLU backward pass", outcome: .failed,
                points: 2,
                message: "dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)\n"
                    + "likely cause: the gradient is passed where x <= 0",
                tolerance: "relative error <= 1e-9",
                output: "debug: x.shape = (4, 5)\n\u{1B}[31mwarning\u{1B}[0m <b>bold & \"quoted\"</b>\n",
                duration: 0.0456),
            CheckResult(
                id: "layers.batchnorm.forward", group: "layers", title: "Batch normalization, train mode",
                outcome: .errored, points: 3, message: "the implementation crashed: signal 11 (SIGSEGV)",
                output: "Traceback: ]]> | pipe | `tick` ```fence```\r\nbell\u{07}nul\u{00}end", duration: 1.5),
            CheckResult(
                id: "layers.relu.forward", group: "layers", title: "ReLU forward pass", outcome: .warned, points: 1,
                warnings: ["out has shape (1, 5) where the course's docstring says (5,) <ok>"], tolerance: "relative error <= 1e-6"),
            CheckResult(
                id: "optim.adam.trajectory", group: "optim", title: "Adam, 10 steps", outcome: .notApplicable, points: 2,
                message: "profile 2017 has no bias correction"),
            CheckResult(
                id: "optim.adam.step", group: "optim", title: "Adam, one step", outcome: .missing, points: 2,
                message: "cs231n/optim.py:26: SyntaxError (Python 2 print statement)", missingKind: .doesNotImport),
            CheckResult(
                id: "optim.rmsprop.step", group: "optim", title: "RMSProp, one step", outcome: .missing, points: 2,
                message: "rmsprop is still the starter's stub (it returns None)"),
            CheckResult(
                id: "optim.sgd.step", group: "optim", title: "SGD step", outcome: .passed, points: 1,
                tolerance: "relative error <= 1e-12", output: "step ok\n", duration: 0.001, hidden: true),
            CheckResult(
                id: "losses.softmax.value", group: "losses", title: "softmax loss", outcome: .provided, points: 1,
                message: "provided by the course (the 2016 starter ships softmax_loss finished)"),
            CheckResult(
                id: "solver.overfit.small", group: "solver", title: "Overfits 50 examples", outcome: .passed,
                points: 3, duration: 12345.6789),
        ])

    static let empty = GradingRun(
        implementation: "empty", profile: "2024", profileReason: "", seed: 0, toolVersion: "0.4.0",
        startedAt: fixedStart, duration: 0, results: [])

    /// Only hidden checks, all outcomes.
    static let hidden = GradingRun(
        implementation: "hidden", profile: "2017", profileReason: "default", seed: 7, toolVersion: "0.4.0",
        startedAt: fixedStart, duration: 1,
        results: CheckOutcome.allCases.enumerated().map { index, outcome in
            CheckResult(
                id: "hidden.\(outcome.rawValue)", group: "hidden", title: "hidden \(outcome)", outcome: outcome,
                points: Double(index + 1), message: outcome == .passed ? "" : "secret reason", hidden: true)
        })

    /// 200 KB of output in a failure and in a pass.
    static let hugeOutput: GradingRun = {
        let big = "BEGIN\n" + String(repeating: "0123456789abcdef\n", count: 12_000) + "END\n"
        return GradingRun(
            implementation: "huge", profile: "2024", profileReason: "", seed: 1, toolVersion: "0.4.0",
            startedAt: fixedStart, duration: 2,
            results: [
                CheckResult(id: "nets.fc.loss", group: "nets", title: "", outcome: .failed, points: 5, message: big,
                    output: big),
                CheckResult(id: "nets.fc.grad", group: "nets", title: "", outcome: .passed, points: 5, output: big),
            ])
    }()

    /// Names and groups XML and Markdown must escape, blank groups, control characters.
    static let weirdNames = GradingRun(
        implementation: "<impl & \"co\">\u{1B}[1m", profile: "", profileReason: "\u{00}", seed: .max,
        toolVersion: "", startedAt: .distantFuture, duration: .infinity,
        results: [
            CheckResult(id: "a <b> & \"c\" 'd'", group: "  ", title: "tab\there\nnewline", outcome: .failed,
                points: 1, message: "", tolerance: " "),
            CheckResult(id: "", group: "", title: "", outcome: .errored, points: 1),
            CheckResult(id: "\u{1B}[31mred\u{1B}[0m", group: "g|r`o*u_p", title: "🧪 e\u{301}", outcome: .notApplicable,
                points: 1, output: "\u{FFFE}\u{FFFF}\u{0B}\u{0C}"),
            CheckResult(id: "]]>", group: "\t\n", title: "]]>", outcome: .passed, points: 1, output: "]]>"),
        ])

    static let all: [(String, GradingRun)] = [
        ("fixed", fixed), ("empty", empty), ("hidden", hidden), ("hugeOutput", hugeOutput),
        ("weirdNames", weirdNames),
    ]
}
