import Foundation
import Testing

/// Expected report texts, one per file in `Snapshots/` (Swift string literals, so SwiftPM needs no
/// resource declaration).
enum Snapshots {}

/// Compares `actual` with a recorded snapshot. With `GRADECHECK_RECORD_SNAPSHOTS=1` in the
/// environment a differing snapshot is re-recorded into `Snapshots/<name>Snapshot.swift` and the
/// test fails saying so; otherwise a difference fails with the first differing line. Never silent.
func expectSnapshot(
    _ actual: String, named name: String, matches expected: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    // Raw ESC bytes (the colour codes of the terminal summary) are stored as U+241B SYMBOL FOR ESCAPE.
    let actual = actual.replacingOccurrences(of: "\u{1B}", with: "\u{241B}")
    guard actual != expected else { return }

    let file = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/\(name.prefix(1).uppercased() + name.dropFirst())Snapshot.swift")
    if ProcessInfo.processInfo.environment["GRADECHECK_RECORD_SNAPSHOTS"] == "1" {
        do {
            try snapshotSource(name: name, text: actual).write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot '\(name)' to \(file.path); re-run without GRADECHECK_RECORD_SNAPSHOTS",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot '\(name)' to \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    Issue.record(
        """
        Snapshot '\(name)' differs at line \(line + 1):
          expected: \(line < e.count ? String(e[line]).debugDescription : "(end)")
          actual:   \(line < a.count ? String(a[line]).debugDescription : "(end)")
        Re-record with GRADECHECK_RECORD_SNAPSHOTS=1 if the change is intended.
        """, sourceLocation: sourceLocation)
}

/// A Swift file declaring `Snapshots.<name>` as a raw multi-line string literal holding `text`.
func snapshotSource(name: String, text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return """
        // Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
        // U+241B stands for a raw ESC byte.
        extension Snapshots {
            static let \(name) = \(hashes)\"\"\"
        \(text)
        \"\"\"\(hashes)
        }

        """
}
