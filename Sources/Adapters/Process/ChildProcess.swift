#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One adapter process: the leader of its own process group, with stdin on /dev/null, stdout
/// and stderr on pipes, requests on descriptor 3 and replies on descriptor 4 (docs/protocol.md,
/// section 1). The parent's ends are close-on-exec and non-blocking, so nothing here can block
/// without a deadline, and the child inherits descriptors 0 to 4 only.
///
/// Not thread-safe: one owner (`ProcessImplementation`) drives it.
final class ChildProcess {
    let pid: pid_t
    /// Parent's write end of the request pipe (the child's descriptor 3); -1 once closed.
    private(set) var requestFD: Int32
    /// Parent's read end of the reply pipe (the child's descriptor 4); -1 once closed.
    private(set) var replyFD: Int32
    /// Parent's read ends of stdout and stderr; -1 once at end of file.
    var outputFDs: [Int32]
    /// Set once the process is reaped.
    private(set) var exitStatus: ExitStatus?
    private(set) var reaped = false

    private init(pid: pid_t, requestFD: Int32, replyFD: Int32, outputFDs: [Int32]) {
        self.pid = pid
        self.requestFD = requestFD
        self.replyFD = replyFD
        self.outputFDs = outputFDs
    }

    deinit {
        if !reaped { _ = killGroupAndReap() }
        closeAll()
    }

    // MARK: Spawning

    /// Starts `arguments[0]` (looked up in `environment["PATH"]` when it has no slash) in
    /// `workingDirectory` with exactly `environment`.
    static func spawn(
        arguments: [String], environment: [String: String], workingDirectory: String
    ) throws(AdapterStartupError) -> ChildProcess {
        let commandLine = arguments.joined(separator: " ")
        func fail(_ reason: String) -> AdapterStartupError { .spawnFailed(command: commandLine, reason: reason) }
        guard let program = arguments.first, !program.isEmpty else { throw fail("the command is empty") }
        var isDirectory = stat()
        guard stat(workingDirectory, &isDirectory) == 0, isDirectory.st_mode & S_IFMT == S_IFDIR else {
            throw fail("the working directory \(workingDirectory) does not exist")
        }
        let executable = try resolve(program, path: environment["PATH"], workingDirectory: workingDirectory, fail: fail)

        // Pipes: [read, write]. All four are close-on-exec from the start, so a process spawned
        // concurrently elsewhere cannot inherit them.
        var pipes: [[Int32]] = []
        defer { for fd in pipes.joined() where fd >= 0 { close(fd) } }
        for _ in 0..<4 {
            var fds: [Int32] = [-1, -1]
            guard SpawnExtensions.closeOnExecPipe(&fds) == 0 else { throw fail("pipe: \(errorText(errno))") }
            pipes.append(fds)
        }
        let (request, reply, stdoutPipe, stderrPipe) = (pipes[0], pipes[1], pipes[2], pipes[3])
        // The child's ends, moved above 9 so that no dup2 onto 0...4 overwrites one not yet used.
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        for fd in [request[0], reply[1], stdoutPipe[1], stderrPipe[1]] {
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            guard moved >= 0 else { throw fail("fcntl: \(errorText(errno))") }
            childEnds.append(moved)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (target, source) in zip([3, 4, 1, 2] as [Int32], childEnds) {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        guard let addChdir = SpawnExtensions.addChdir else { throw fail("posix_spawn_file_actions_addchdir_np is not available") }
        guard addChdir(&actions, workingDirectory) == 0 else { throw fail("cannot change into \(workingDirectory)") }
        // Descriptors the harness opened without close-on-exec stay out of the child too.
        if let addClosefrom = SpawnExtensions.addClosefrom { _ = addClosefrom(&actions, 5) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)  // a new group led by the child
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGCHLD, SIGXFSZ, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var environment = environment
        environment["GRADECHECK_REQUEST_FD"] = "3"
        environment["GRADECHECK_REPLY_FD"] = "4"
        let argv = CStringArray(arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        guard result == 0 else { throw fail("\(executable): \(errorText(result))") }
        SandboxRegistry.track(processGroup: pid)

        // The parent keeps its ends, non-blocking; the child's ends close (deferred above).
        let parentEnds = [request[1], reply[0], stdoutPipe[0], stderrPipe[0]]
        for fd in parentEnds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        pipes = [[request[0], -1], [-1, reply[1]], [-1, stdoutPipe[1]], [-1, stderrPipe[1]]]
        return ChildProcess(pid: pid, requestFD: request[1], replyFD: reply[0], outputFDs: [stdoutPipe[0], stderrPipe[0]])
    }

    /// The file to execute: `program` itself when it has a slash (relative to the working
    /// directory), else the first executable match along `path`.
    private static func resolve(
        _ program: String, path: String?, workingDirectory: String, fail: (String) -> AdapterStartupError
    ) throws(AdapterStartupError) -> String {
        if program.contains("/") {
            let candidate = program.hasPrefix("/") ? program : workingDirectory + "/" + program
            guard isExecutableFile(candidate) else { throw fail("\(candidate) is not an executable file") }
            return candidate
        }
        let search = path ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in search.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasPrefix("/") ? "\(directory)/\(program)" : "\(workingDirectory)/\(directory)/\(program)"
            if isExecutableFile(candidate) { return candidate }
        }
        throw fail("\(program) is not found in PATH (\(search))")
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }

    // MARK: Ending

    /// Closes the request pipe: end of file on the child's descriptor 3 (the polite shutdown).
    func closeRequest() {
        if requestFD >= 0 { close(requestFD) }
        requestFD = -1
    }

    /// Whether the leader has exited, without reaping it (a zombie leader keeps its pid, and so
    /// the group id, from being reused until `killGroupAndReap`).
    func hasExited() -> Bool {
        guard !reaped else { return true }
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return errno == ECHILD }
        #if os(Linux)
        return info._sifields._sigchld.si_pid != 0
        #else
        return info.si_pid != 0
        #endif
    }

    /// SIGKILL to the whole group (grandchildren included), then reaps the leader, waiting at
    /// most `patience` seconds for the kernel to finish it off. Returns how it ended.
    @discardableResult
    func killGroupAndReap(patience: Double = 5) -> ExitStatus? {
        guard !reaped else { return exitStatus }
        kill(-pid, SIGKILL)
        defer { if reaped { SandboxRegistry.untrack(processGroup: pid) } }
        let deadline = Monotonic.deadline(after: patience)
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exitStatus = ExitStatus(waitStatus: status)
                reaped = true
                return exitStatus
            }
            if result < 0 && errno != EINTR {
                reaped = true  // not our child any more (reaped elsewhere): nothing left to wait for
                return nil
            }
            if Monotonic.now() >= deadline { return nil }
            usleep(1000)
        }
    }

    func closeAll() {
        closeRequest()
        if replyFD >= 0 { close(replyFD) }
        replyFD = -1
        for fd in outputFDs where fd >= 0 { close(fd) }
        outputFDs = outputFDs.map { _ in -1 }
    }
}

/// glibc's `posix_spawn` extensions that Swift's Glibc module does not import (they are behind
/// `_GNU_SOURCE`): looked up once by name; nil where the C library lacks them.
enum SpawnExtensions {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    static let addClosefrom: AddClosefrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    static let pipe2: Pipe2? = symbol("pipe2")

    /// A pipe whose both ends are close-on-exec: atomically with `pipe2`, else `pipe` then `fcntl`.
    static func closeOnExecPipe(_ fds: inout [Int32]) -> Int32 {
        if let pipe2 { return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) } }
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}

/// A NULL-terminated array of C strings that lives as long as this value.
final class CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}

func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
