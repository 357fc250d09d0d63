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
    /// Processes of the submission that shared its checks (nil: one). With several, `startup`
    /// and `inCalls` are those of the process that took longest, since they ran side by side.
    public var processes: Int?

    public init(total: Double, startup: Double, inCalls: Double, calls: Int, processes: Int? = nil) {
        self.total = total
        self.startup = startup
        self.inCalls = inCalls
        self.calls = calls
        self.processes = processes
    }

    /// Everything else: the checks' own arithmetic, fixtures, diagnosis, encoding.
    public var harness: Double { max(0, total - startup - inCalls) }

    /// `time: 1.93 s wall; 0.31 s starting; 1.40 s in 212 calls to the submission's process (adapter + student code); 0.22 s in the harness`
    public var line: String {
        let processes = processes ?? 1
        let whose = processes > 1 ? "\(processes) processes of the submission side by side" : "the submission's process"
        let f = { (x: Double) in String(format: "%.2f", x) }
        return "time: \(f(total)) s wall; \(f(startup)) s starting the sandbox and interpreter; \(f(inCalls)) s in \(calls) calls to \(whose) (adapter + student code); \(f(harness)) s in the harness"
    }
}
