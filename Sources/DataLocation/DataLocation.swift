import Foundation

/// Where gradecheck's data files (fixtures, JUnit schemas, the Python adapter, the digits) are at
/// run time, found from the executable's own path, never from the working folder, and never
/// through `Bundle.module` (which traps when the build folder is gone).
///
/// Places, in order: `GRADECHECK_DATA` (a data folder given explicitly); `EXE/../share/gradecheck`
/// (what `scripts/install PREFIX` lays out: `PREFIX/bin/gradecheck`, `PREFIX/share/gradecheck`);
/// SwiftPM's resource bundle beside the executable (`EXE_DIR/gradecheck_Adapters.resources`, a
/// build); the source tree the binary was built from (a checkout).
public enum DataLocation {
    /// This process's executable, resolved (`/proc/self/exe`).
    public static var executable: URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return URL(fileURLWithPath: path) }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// The installed data folder, if there is one.
    public static var installed: URL? {
        guard let expected = expectedInstalled else { return nil }
        return FileManager.default.fileExists(atPath: expected.path) ? expected : nil
    }

    /// Where the installed data folder would be: `GRADECHECK_DATA`, else `EXE/../share/gradecheck`
    /// (named in "cannot find" messages even when it does not exist).
    public static var expectedInstalled: URL? {
        if let given = ProcessInfo.processInfo.environment["GRADECHECK_DATA"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        return executable?.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/gradecheck")
    }

    /// Nothing was found: what, and every place looked in.
    public struct NotFound: Error, CustomStringConvertible, Sendable {
        public let what: String
        public let places: [String]
        public var description: String { "cannot find \(what): looked in \(places.joined(separator: ", "))" }
    }

    /// The first of the places that exists: `installed/<installedPath>`, the build's
    /// `<bundle>.resources/<bundlePath>` beside the executable, `sourceResources/<bundlePath>`.
    public static func find(
        _ what: String, installedPath: String, bundle: String, bundlePath: String, sourceResources: URL
    ) -> Result<URL, NotFound> {
        var places: [URL] = []
        if let installed = expectedInstalled { places.append(installed.appendingPathComponent(installedPath)) }
        if let executable {
            places.append(executable.deletingLastPathComponent().appendingPathComponent("gradecheck_\(bundle).resources/\(bundlePath)"))
        }
        places.append(sourceResources.appendingPathComponent(bundlePath))
        if let found = places.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return .success(found) }
        return .failure(NotFound(what: what, places: places.map(\.path)))
    }
}
