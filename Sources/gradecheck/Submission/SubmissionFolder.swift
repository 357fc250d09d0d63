import Foundation

/// A student's submission on disk: the folder that holds the course's `cs231n/` package.
struct SubmissionFolder {
    /// The folder containing `cs231n/`.
    let root: URL

    /// The files the course's layout has; at least one must exist.
    static let layout = ["cs231n/layers.py", "cs231n/layer_utils.py", "cs231n/classifiers/fc_net.py", "cs231n/optim.py", "cs231n/solver.py"]

    /// Accepts the folder holding `cs231n/`, the `cs231n/` folder itself, or an assignment
    /// folder one level up (e.g. `alice/assignment2/cs231n/`).
    init(locating path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError(message: "\(path): no such submission folder")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        func holdsPackage(_ u: URL) -> Bool {
            Self.layout.contains { fm.fileExists(atPath: u.appendingPathComponent($0).path) }
        }
        if holdsPackage(url) {
            root = url
        } else if url.lastPathComponent == "cs231n", holdsPackage(url.deletingLastPathComponent()) {
            root = url.deletingLastPathComponent()
        } else if let child = (try? fm.contentsOfDirectory(at: url, includingPropertiesForKeys: nil))?
            .sorted(by: { $0.path < $1.path }).first(where: holdsPackage) {
            root = child
        } else {
            throw UsageError(message: "\(path): no cs231n/ package found (expected \(Self.layout.joined(separator: ", ")))")
        }
    }

    /// A fresh private copy of the submission (only `cs231n/`, as regular files), in a new
    /// temporary folder: student code never runs in, or writes to, the original.
    func privateCopy() throws -> URL {
        let fm = FileManager.default
        // A few levels deep, so that relative paths such as ../../x stay inside the sandbox.
        let sandbox = fm.temporaryDirectory.appendingPathComponent("gradecheck-\(UUID().uuidString)")
        let work = sandbox.appendingPathComponent("home/work/submission")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            try fm.copyItem(at: root.appendingPathComponent("cs231n"), to: work.appendingPathComponent("cs231n"))
        } catch {
            throw UsageError(message: "\(root.path): cannot copy the submission (\((error as NSError).localizedDescription))")
        }
        return work
    }
}
