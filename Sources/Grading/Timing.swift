import Foundation

/// Where the time of grading one submission went (seconds).
public struct Timing: Sendable, Equatable, Codable {
    /// Wall time of the whole grading.
    public var total: Double
    /// Building the sandbox, copying the submission, starting the interpreter and the adapter up
    /// to its `hello` (numpy and the student's modules imported) and configuring it.
    public var startup: Double
    /// Waiting for the submission's process: requests, the student's code, replies (restarts included).
    public var inCalls: Double
    public var calls: Int

    public init(total: Double, startup: Double, inCalls: Double, calls: Int) {
        self.total = total
        self.startup = startup
        self.inCalls = inCalls
        self.calls = calls
    }

    /// Everything else: the checks' own arithmetic, fixtures, diagnosis, encoding.
    public var harness: Double { max(0, total - startup - inCalls) }

    /// `time: 1.93 s wall; 0.31 s starting; 1.40 s in 212 calls to the submission's process (adapter + student code); 0.22 s in the harness`
    public var line: String {
        String(
            format: "time: %.2f s wall; %.2f s starting the sandbox and interpreter; %.2f s in %d calls to the submission's process (adapter + student code); %.2f s in the harness",
            total, startup, inCalls, calls, harness)
    }
}
