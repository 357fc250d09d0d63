import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the standard output is connected to, read once from the process.
enum Terminal {
    /// Standard output is a terminal (progress lines may be redrawn in place).
    static let isInteractive: Bool = isatty(STDOUT_FILENO) == 1

    /// Colour is wanted: on a terminal, unless `NO_COLOR` is set (no-color.org).
    static let usesColor: Bool = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
