import Foundation
import Grader
import Grading
import Reports

/// A class run's progress: on a terminal, one bar redrawn in place (done/total, failing so far,
/// ETA); otherwise one plain line per student, for logs.
final class ClassProgressDisplay: @unchecked Sendable {
    let interactive: Bool
    private let lock = NSLock()
    private var drawn = false

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ p: ClassGrader.Progress) {
        lock.withLock {
            let score = p.last.run.map { "\(NumberFormatting.points($0.score))/\(NumberFormatting.points($0.maxScore))" } ?? p.last.status.rawValue
            if interactive {
                let width = 28, filled = p.total == 0 ? width : width * p.done / p.total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                Terminal.write(String(format: "\r\u{1B}[K[%@] %d/%d, %d failing, ETA %@ (last: %@ %@)", bar, p.done, p.total, p.failing, Self.clock(p.eta), p.last.student, score))
                drawn = true
            } else {
                let time = p.last.timing.map { String(format: " in %.1f s", $0.total) } ?? ""
                Terminal.write("[\(p.done)/\(p.total)] \(p.last.student): \(score)\(p.resumed ? " (resumed)" : time)\(p.last.reason.isEmpty ? "" : "; " + p.last.reason)\n")
            }
        }
    }

    func finish() {
        lock.withLock {
            if drawn { Terminal.write("\r\u{1B}[K") }
            drawn = false
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
