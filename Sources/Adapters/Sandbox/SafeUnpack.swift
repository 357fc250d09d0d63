import DataLocation
import Foundation

/// Unpacks a student's archive (`.zip`, `.tar.gz`, `.tgz`, `.tar`) into a new folder under the
/// safe copy's caps (`SafeCopy.Caps`: bytes written, entries, depth, seconds), with
/// `Resources/python/unpack_archive.py` run by the grader's interpreter in isolated mode: only
/// regular files and folders are written, never outside the folder; links, devices, absolute
/// and `..` names are left out with a note.
public enum SafeUnpack {
    /// The archive kinds, by file name.
    public static func isArchive(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return [".zip", ".tar.gz", ".tgz", ".tar"].contains { lowered.hasSuffix($0) }
    }

    /// The name without its archive extension (`alice.tar.gz` -> `alice`).
    public static func stem(_ name: String) -> String {
        let lowered = name.lowercased()
        for suffix in [".tar.gz", ".tgz", ".zip", ".tar"] where lowered.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Unpacks `archive` into `destination` (which must not exist) with `python`; returns what
    /// the copy left out. Throws `SafeCopy.Rejection` for an archive that breaks a cap or cannot
    /// be read (the student's), `SandboxError` when the unpacker cannot run (the grader's).
    public static func unpack(
        _ archive: URL, into destination: URL, python: String, caps: SafeCopy.Caps = SafeCopy.Caps()
    ) throws -> SafeCopy.Outcome {
        let located = DataLocation.find(
            "the archive unpacker (unpack_archive.py)", installedPath: "python/unpack_archive.py", bundle: "Adapters",
            bundlePath: "python/unpack_archive.py",
            sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources"))
        let script: URL
        switch located {
        case let .success(found): script = found
        case let .failure(missing): throw SandboxError(missing.description)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-I", "-B", script.path, archive.path, destination.path, String(caps.totalBytes), String(caps.entries), String(caps.depth)]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SandboxError("cannot run \(python) to unpack \(archive.lastPathComponent): \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + caps.seconds, execute: timer)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").last.map(String.init) ?? ""
        process.waitUntilExit()
        timer.cancel()
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0):
            var outcome = SafeCopy.Outcome()
            if let json = try? JSONSerialization.jsonObject(with: printed) as? [String: Any] {
                outcome.files = json["files"] as? Int ?? 0
                outcome.bytes = json["bytes"] as? Int ?? 0
                outcome.notes = (json["notes"] as? [String] ?? []).map { "\(archive.lastPathComponent): \($0)" }
            }
            return outcome
        case (.exit, 2), (.exit, 3):
            throw SafeCopy.Rejection(reason: "\(archive.lastPathComponent): \(complaint)")
        case (.uncaughtSignal, _):
            throw SafeCopy.Rejection(reason: "\(archive.lastPathComponent): unpacking took longer than \(Int(caps.seconds)) s")
        default:
            throw SandboxError("unpacking \(archive.lastPathComponent) failed (status \(process.terminationStatus)): \(complaint)")
        }
    }
}
