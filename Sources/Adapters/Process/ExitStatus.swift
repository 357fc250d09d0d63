#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended, from `waitpid`'s status word.
enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    init(waitStatus status: Int32) {
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import (they are macros).
        if status & 0x7F == 0 {
            self = .exited((status >> 8) & 0xFF)
        } else {
            self = .signaled(status & 0x7F)
        }
    }

    var description: String {
        switch self {
        case let .exited(code): return "exited with status \(code)"
        case let .signaled(signal): return "was killed by \(Self.describe(signal: signal))"
        }
    }

    /// `SIGSEGV (segmentation fault)`, or `signal 40`.
    static func describe(signal: Int32) -> String {
        guard let (name, meaning) = signals[signal] else { return "signal \(signal)" }
        return "\(name) (\(meaning))"
    }

    private static let signals: [Int32: (String, String)] = [
        SIGHUP: ("SIGHUP", "hangup"), SIGINT: ("SIGINT", "interrupt"), SIGQUIT: ("SIGQUIT", "quit"),
        SIGILL: ("SIGILL", "illegal instruction"), SIGTRAP: ("SIGTRAP", "trace trap"), SIGABRT: ("SIGABRT", "aborted"),
        SIGBUS: ("SIGBUS", "bus error"), SIGFPE: ("SIGFPE", "arithmetic exception"), SIGKILL: ("SIGKILL", "killed"),
        SIGUSR1: ("SIGUSR1", "user signal 1"), SIGSEGV: ("SIGSEGV", "segmentation fault"), SIGUSR2: ("SIGUSR2", "user signal 2"),
        SIGPIPE: ("SIGPIPE", "broken pipe"), SIGALRM: ("SIGALRM", "alarm clock"), SIGTERM: ("SIGTERM", "terminated"),
        SIGXCPU: ("SIGXCPU", "CPU time limit exceeded"), SIGXFSZ: ("SIGXFSZ", "file size limit exceeded"),
        SIGSYS: ("SIGSYS", "bad system call"),
    ]
}
