/// What one grading may use. The per-process limits are rlimits set before the sandbox starts
/// (inherited by everything inside); the aggregate ones are a control group of the grading's own
/// where the machine allows one (`ControlGroup`), else the pid namespace and the rlimits alone.
public struct SandboxLimits: Sendable, Equatable {
    /// Address space of one process, bytes (RLIMIT_AS); also the whole grading's memory when a
    /// control group holds it (memory.max / memory.limit_in_bytes). Default 4 GiB.
    public var memoryBytes = 4 << 30
    /// CPU seconds of one process (RLIMIT_CPU). Default 300.
    public var cpuSeconds = 300
    /// Largest file a process may write, bytes (RLIMIT_FSIZE). Default 64 MiB.
    public var fileBytes = 64 << 20
    /// Processes and threads of the whole grading (pids.max; RLIMIT_NPROC of the grading's own
    /// uid when the grader runs as root). Default 64.
    public var processes = 64
    /// CPU time of the whole grading per wall-clock second, in cores (cpu.max /
    /// cpu.cfs_quota_us). Default 1.
    public var cores = 1.0
    /// Size of each private tmpfs (`/tmp`, `/var/tmp`, `/dev/shm`, `/home`, `/root`), bytes.
    /// Default 64 MiB.
    public var tmpfsBytes = 64 << 20

    public init() {}
}
