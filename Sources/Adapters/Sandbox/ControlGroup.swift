#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A control group of one grading's own, holding every process of its sandbox: aggregate limits
/// (memory, processes, CPU) that forks cannot multiply, and a way to kill everything inside.
///
/// cgroup v2 where its memory and pids controllers are available (`/sys/fs/cgroup` itself, or
/// the hybrid `/sys/fs/cgroup/unified`), else the v1 `memory`, `pids` and `cpu` hierarchies (as
/// on Debian 12 machines with a hybrid layout). Creating one needs root; elsewhere `make`
/// says why not, and the grading relies on the pid namespace and rlimits.
public final class ControlGroup: @unchecked Sendable {
    /// The groups' folders (one for v2, one per controller for v1).
    public let folders: [String]
    /// `cgroup v1 (memory 4 GiB, pids 64, cpu 1 core)`.
    public let description: String
    private var removed = false

    private init(folders: [String], description: String) {
        self.folders = folders
        self.description = description
    }

    /// The `cgroup.procs` files a process writes its pid into to join.
    public var procsFiles: [String] { folders.map { $0 + "/cgroup.procs" } }

    /// Creates the group with `limits`, or returns why it cannot.
    public static func make(name: String, limits: SandboxLimits, root: String = "/sys/fs/cgroup") -> Result<ControlGroup, SandboxError> {
        removeStale(root: root)
        for unified in [root, root + "/unified"] {
            guard let controllers = try? String(contentsOfFile: unified + "/cgroup.controllers", encoding: .utf8) else { continue }
            let available = Set(controllers.split(whereSeparator: \.isWhitespace).map(String.init))
            guard available.isSuperset(of: ["memory", "pids"]) else { continue }
            let wanted = ["memory", "pids", "cpu"].filter(available.contains)
            _ = write(wanted.map { "+" + $0 }.joined(separator: " "), to: unified + "/cgroup.subtree_control")
            let folder = unified + "/" + name
            guard mkdir(folder, 0o755) == 0 else { continue }
            var settings = [("memory.max", String(limits.memoryBytes)), ("memory.swap.max", "0"), ("pids.max", String(limits.processes))]
            if wanted.contains("cpu") { settings.append(("cpu.max", "\(Int(limits.cores * 100_000)) 100000")) }
            let group = ControlGroup(folders: [folder], description: "cgroup v2 (\(summary(limits, cpu: wanted.contains("cpu"))))")
            guard settings.allSatisfy({ $0.0 == "memory.swap.max" || write($0.1, to: folder + "/" + $0.0) }) else {
                group.remove()
                continue
            }
            return .success(group)
        }
        let controllers = ["memory", "pids", "cpu"].filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/cgroup.procs") }
        guard controllers.contains("memory"), controllers.contains("pids") else {
            return .failure(SandboxError("no cgroup v2 with memory and pids controllers, nor cgroup v1 memory and pids hierarchies under \(root)"))
        }
        var folders: [String] = []
        for controller in controllers {
            let folder = "\(root)/\(controller)/\(name)"
            guard mkdir(folder, 0o755) == 0 else {
                let reason = String(cString: strerror(errno))
                ControlGroup(folders: folders, description: "").remove()
                return .failure(SandboxError("cannot create \(folder): \(reason)"))
            }
            folders.append(folder)
        }
        let group = ControlGroup(folders: folders, description: "cgroup v1 (\(summary(limits, cpu: controllers.contains("cpu"))))")
        var settings = [("memory", "memory.limit_in_bytes", String(limits.memoryBytes)), ("pids", "pids.max", String(limits.processes))]
        if controllers.contains("cpu") {
            settings += [("cpu", "cpu.cfs_period_us", "100000"), ("cpu", "cpu.cfs_quota_us", String(Int(limits.cores * 100_000)))]
        }
        for (controller, file, value) in settings where !write(value, to: "\(root)/\(controller)/\(name)/\(file)") {
            group.remove()
            return .failure(SandboxError("cannot set \(controller) \(file) = \(value)"))
        }
        // Swap would let the memory limit be dodged; the file exists only with swap accounting.
        _ = write(String(limits.memoryBytes), to: "\(root)/memory/\(name)/memory.memsw.limit_in_bytes")
        return .success(group)
    }

    static func summary(_ limits: SandboxLimits, cpu: Bool) -> String {
        "memory \(limits.memoryBytes >> 20) MiB, \(limits.processes) processes" + (cpu ? String(format: ", %g core", limits.cores) : "")
    }

    /// The pids inside (of every controller's group).
    public var members: [pid_t] {
        Set(procsFiles.flatMap { file in
            ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
        }).sorted()
    }

    /// SIGKILL to everything inside (`cgroup.kill` on v2).
    public func killAll() {
        for folder in folders where FileManager.default.fileExists(atPath: folder + "/cgroup.kill") {
            _ = Self.write("1", to: folder + "/cgroup.kill")
        }
        for pid in members { kill(pid, SIGKILL) }
    }

    /// Kills what is inside, waits up to `patience` seconds for it to go, removes the folders.
    public func remove(patience: Double = 3) {
        guard !removed else { return }
        let deadline = Date().addingTimeInterval(patience)
        repeat {
            killAll()
            if members.isEmpty { break }
            usleep(5_000)
        } while Date() < deadline
        for folder in folders.reversed() { rmdir(folder) }
        removed = !folders.contains { FileManager.default.fileExists(atPath: $0) }
    }

    deinit { remove() }

    /// Groups `gradecheck-PID-...` whose grader is gone (killed with SIGKILL): emptied and removed.
    static func removeStale(root: String) {
        let parents = [root, root + "/unified", root + "/memory", root + "/pids", root + "/cpu"]
        for parent in parents {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
                guard let owner = SandboxFolder.ownerPID(name), kill(owner, 0) != 0, errno == ESRCH else { continue }
                let stale = ControlGroup(folders: [parent + "/" + name], description: "")
                stale.remove(patience: 0.5)
            }
        }
    }

    @discardableResult
    static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }
}

/// Something in setting up a sandbox failed: the grading does not run untrusted code.
public struct SandboxError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
