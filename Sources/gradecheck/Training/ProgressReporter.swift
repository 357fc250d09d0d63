import Engine
import Foundation

/// Shows training progress: on a terminal, one line redrawn in place during an epoch; otherwise
/// (a CI log, a pipe) one plain line per epoch, in the course's `(Epoch e / E)` format.
final class ProgressReporter {
    private let label: String
    private let interactive: Bool
    private var lastDraw = Date.distantPast
    private var lastLoss = Double.nan

    init(label: String, interactive: Bool = Terminal.isInteractive) {
        self.label = label
        self.interactive = interactive
    }

    func handle(_ event: SolverEvent) {
        switch event {
        case let .iteration(iteration, total, loss):
            lastLoss = loss
            guard interactive, Date().timeIntervalSince(lastDraw) > 0.1 || iteration == total else { return }
            lastDraw = Date()
            let width = 24
            let filled = total > 0 ? width * iteration / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            Terminal.write("\r\(label)[\(bar)] iteration \(iteration)/\(total)  loss \(String(format: "%.4f", loss))\u{1B}[K")
        case let .epoch(epoch, total, train, validation, learningRate):
            if interactive { Terminal.write("\r\u{1B}[K") }
            var line = "\(label)(Epoch \(epoch) / \(total)) train acc: \(String(format: "%.3f", train)); val acc: \(String(format: "%.3f", validation))"
            if epoch > 0 { line += "; loss \(String(format: "%.4f", lastLoss)); lr \(String(format: "%.3g", learningRate))" }
            Terminal.write(line + "\n")
        }
    }
}
