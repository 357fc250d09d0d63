import DataLocation
import Foundation

/// The fixtures folder `gradecheck grade` reads: `--fixtures` when given, else the installed one
/// (`PREFIX/share/gradecheck/fixtures`, or `GRADECHECK_DATA/fixtures`), else the source tree's.
public enum FixturesFolder {
    /// The checkout this binary was built from.
    public static let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static func resolve(_ given: String?) throws -> String {
        if let given { return given }
        var places: [URL] = []
        if let installed = DataLocation.expectedInstalled { places.append(installed.appendingPathComponent("fixtures")) }
        places.append(sourceTree.appendingPathComponent("fixtures"))
        if let found = places.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("cases").path) }) {
            return found.path
        }
        throw GraderFault.missingData("cannot find the fixtures: looked in \(places.map(\.path).joined(separator: ", ")); give --fixtures DIR")
    }
}
