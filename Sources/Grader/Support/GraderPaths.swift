import DataLocation
import Foundation

/// Where this grader's own files are: hidden from sandboxes, and the `gradecheck confine`
/// launcher the fallback sandbox execs.
public enum GraderPaths {
    /// The gradecheck binary: this one, or the one beside the test bundle running this code.
    public static var gradecheckBinary: URL? {
        guard let executable = DataLocation.executable else { return nil }
        if executable.lastPathComponent == "gradecheck" { return executable }
        let candidates = [executable.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("gradecheck") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `gradecheck confine` (the fallback sandbox's launcher), if the binary is found.
    public static var confineCommand: [String]? {
        gradecheckBinary.map { [$0.path, "confine"] }
    }

    /// The folders that hold the binary and its resource bundles.
    public static var own: [String] {
        [gradecheckBinary?.deletingLastPathComponent().path, Bundle.main.bundleURL.deletingLastPathComponent().path]
            .compactMap { $0 }.filter { $0 != "/" && $0 != "/usr/bin" && $0 != "/bin" }
    }
}
