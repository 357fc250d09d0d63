#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The sandboxes alive in this grader, so that SIGINT and SIGTERM end them (their control groups
/// killed, their folders removed) before the grader exits with status 128 + the signal (130, 143), as shells report it. bubblewrap's
/// `--die-with-parent` covers a grader killed with SIGKILL; its folders go at the next start.
public enum SandboxRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: [ObjectIdentifier: Sandbox] = [:]
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var groups: Set<pid_t> = []
    nonisolated(unsafe) private static var ownFolders: [SandboxFolder] = []

    static func add(_ sandbox: Sandbox) {
        lock.withLock { live[ObjectIdentifier(sandbox)] = sandbox }
    }

    static func remove(_ sandbox: Sandbox) {
        _ = lock.withLock { live.removeValue(forKey: ObjectIdentifier(sandbox)) }
    }

    /// A process group the harness started (an adapter, inside its sandbox or not), killed on a signal.
    static func track(processGroup: pid_t) {
        _ = lock.withLock { groups.insert(processGroup) }
    }

    static func untrack(processGroup: pid_t) {
        _ = lock.withLock { groups.remove(processGroup) }
    }

    /// A folder of the grader's own that outlives gradings (the compiled adapter): removed when
    /// the grader exits, and with the sandboxes on a signal.
    static func removeAtExit(_ folder: SandboxFolder) {
        lock.withLock {
            if ownFolders.isEmpty { atexit { SandboxRegistry.removeOwnFolders() } }
            ownFolders.append(folder)
        }
    }

    static func removeOwnFolders() {
        for folder in lock.withLock({ ownFolders }) { folder.remove() }
    }

    /// Installs the SIGINT / SIGTERM / SIGHUP handlers (once; the CLI calls this before grading).
    public static func endSandboxesOnSignals() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler {
                    endAll()
                    removeOwnFolders()
                    _exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Ends every live sandbox now.
    public static func endAll() {
        let (sandboxes, leaders) = lock.withLock { (Array(live.values), Array(groups)) }
        for leader in leaders { kill(-leader, SIGKILL) }
        for sandbox in sandboxes { sandbox.finish() }
    }
}
