import struct Foundation.URL
import Implementation

/// An implementation under test that runs in its own process and speaks the implementation
/// protocol (docs/protocol.md): the shipped Python adapter, or one written for another language.
///
/// Each call writes a request and waits for the reply with a deadline; nothing here blocks
/// without one. A call that times out, crashes the process or gets a reply that breaks the
/// protocol kills the adapter's whole process group, and the next call starts a fresh adapter,
/// so one bad check never stops the others. Handles are only valid in the process that issued
/// them: a call that passes a handle from a process that is gone fails with `.crashed` without
/// being sent. Everything that goes wrong in a call is a thrown `ImplementationError`.
///
/// Not thread-safe: calls are made one at a time (the check runner is sequential).
public final class ProcessImplementation: AssignmentImplementation {
    /// The name for reports (e.g. the submission's folder name).
    public let name: String
    public let command: [String]
    /// The adapter's environment, exactly (plus `GRADECHECK_REQUEST_FD` and `GRADECHECK_REPLY_FD`).
    public let environment: [String: String]
    public let workingDirectory: URL
    /// Seconds a call may take before the adapter is killed.
    public let callTimeout: Double
    /// Seconds the adapter may take to say hello.
    public let startTimeout: Double
    /// Seconds from the first start after which every call throws `timedOut`; nil for none.
    public let globalTimeout: Double?
    /// Seconds an adapter has to exit after `shutdown` (or after closing its reply descriptor)
    /// before its group is killed.
    public let exitGrace: Double

    /// What the current (or last) adapter said in its `hello`, updated by the answer to
    /// `configure`; nil before the first start.
    public internal(set) var hello: AdapterHello?
    /// Sent as `configure` right after every `hello` (the profile's conventions and what the
    /// course provides); nil to send nothing.
    public var configuration: [String: Value]?
    /// Warnings of the replies since the last `takeWarnings()`.
    var pendingWarnings: [String] = []
    /// How many adapters were started after the first (after a timeout, crash or bad reply).
    public private(set) var restarts = 0
    /// Seconds spent waiting for the adapter (requests, the student's code, replies) and calls
    /// made: the adapter's side of a grading run's time.
    public internal(set) var secondsInCalls = 0.0
    public internal(set) var callCount = 0

    var child: ChildProcess?
    /// Counts started adapters; a handle carries the generation that issued it.
    var generation = 0
    var output = OutputCapture()
    var globalDeadline: UInt64?
    var consecutiveStartFailures = 0
    var lastStartFailure: AdapterStartupError?

    public init(
        command: [String], environment: [String: String], workingDirectory: URL, name: String,
        callTimeout: Double = 10, startTimeout: Double = 20, globalTimeout: Double? = nil, exitGrace: Double = 2
    ) {
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.name = name
        self.callTimeout = callTimeout
        self.startTimeout = startTimeout
        self.globalTimeout = globalTimeout
        self.exitGrace = exitGrace
    }

    deinit {
        shutdown()
    }

    /// The operations the adapter announced that this harness knows (empty before `start()`).
    public var supportedOperations: Set<Operation> { hello?.knownOperations ?? [] }
    /// What the adapter found missing or broken while loading the submission.
    public var problems: [AdapterHello.Problem] { hello?.problems ?? [] }
    /// The implementation's own name from `hello`.
    public var implementationName: String? { hello?.implementationName }
    /// The process group of the running adapter (its leader's pid), if one is running.
    public var processGroupID: Int32? { child?.pid }

    /// Starts the adapter and reads its `hello`, unless one is running.
    public func start() throws(AdapterStartupError) {
        guard child == nil else { return }
        let now = Monotonic.now()
        if globalDeadline == nil, let globalTimeout { globalDeadline = Monotonic.deadline(after: globalTimeout) }
        if let globalDeadline, let globalTimeout, now >= globalDeadline { throw .deadlinePassed(seconds: globalTimeout) }
        do {
            try launch()
            try configure()
            consecutiveStartFailures = 0
            lastStartFailure = nil
        } catch {
            consecutiveStartFailures += 1
            lastStartFailure = error
            throw error
        }
    }

    /// Sends `configuration` as `configure` to the running adapter (`start()` does so after
    /// every hello); its answer may announce operations that became available (e.g. course code
    /// replaced) and update why others are not.
    public func configure() throws(AdapterStartupError) {
        guard let configuration, hello != nil else { return }
        let results: [String: Value]
        do {
            results = try call(operationNamed: "configure", configuration)
        } catch {
            if let child { stop(child) }
            throw .badHello("the adapter did not accept its configuration: \(error)")
        }
        if case let .list(names)? = results["operations"] {
            hello?.operations = names.compactMap { if case let .string(n) = $0 { n } else { nil } }
        }
        if case let .dict(entries)? = results["unavailable"] {
            var unavailable: [String: AdapterHello.Unavailable] = [:]
            for (operation, entry) in entries {
                guard case let .dict(fields) = entry else { continue }
                func text(_ key: String) -> String? { if case let .string(v)? = fields[key] { v } else { nil } }
                var line: Int?
                if case let .integer(l)? = fields["line"] { line = l }
                unavailable[operation] = AdapterHello.Unavailable(
                    doesNotImport: text("kind") == "does_not_import",
                    problem: AdapterHello.Problem(operation: operation, file: text("file"), line: line, reason: text("reason") ?? "not available"))
            }
            hello?.unavailable = unavailable
        }
    }

    private func launch() throws(AdapterStartupError) {
        let process = try ChildProcess.spawn(
            arguments: command, environment: environment, workingDirectory: workingDirectory.path)
        let limit = deadline(after: startTimeout)
        let outcome = process.exchange(sending: nil, awaitReply: true, deadline: limit.instant, output: &output)
        let greeting: AdapterHello
        switch outcome {
        case let .reply(payload):
            do {
                greeting = try ProtocolCodec.decodeHello(payload)
            } catch {
                stop(process)
                throw error
            }
        case .timedOut:
            stop(process)
            throw .timedOut(seconds: limit.seconds, output: output.last(2000))
        case .endOfFile, .requestRefused:
            let how = describeEnd(of: process)
            throw .exitedBeforeHello(how: how, output: output.last(2000))
        case let .oversizedFrame(length):
            stop(process)
            throw .badHello("a frame announcing \(length) bytes")
        case let .failed(reason):
            stop(process)
            throw .badHello(reason)
        case .sent:
            stop(process)
            throw .badHello("no hello")
        }
        if generation > 0 { restarts += 1 }
        generation += 1
        child = process
        hello = greeting
    }

    /// The warnings of the replies since the last call to this.
    public func takeWarnings() -> [String] {
        defer { pendingWarnings = [] }
        return pendingWarnings
    }

    /// Why `operation` is missing, from `hello` (and `configure`).
    public func unavailability(of operation: Operation) -> ImplementationError? {
        guard let u = hello?.unavailable[operation.rawValue] else { return nil }
        return u.doesNotImport
            ? .doesNotImport(operation: operation.rawValue, detail: u.problem.text)
            : .notImplemented(operation: operation.rawValue, detail: u.problem.text)
    }

    /// Output the adapter printed on stdout and stderr since the last call to this (and the
    /// tracebacks of errors it reported), capped at 64 KiB from the start and 64 KiB from the
    /// end with `[truncated N bytes]` between.
    public func takeOutput() -> String {
        child?.drainOutput(into: &output)
        return output.take()
    }

    /// Asks the adapter to exit (`shutdown`, then end of file on its request descriptor), waits
    /// up to `exitGrace` seconds, then kills its process group and reaps it. The next call
    /// starts a new adapter.
    public func shutdown() {
        guard let process = child else { return }
        child = nil
        _ = process.exchange(
            sending: ProtocolCodec.shutdownMessage(), awaitReply: false, deadline: Monotonic.deadline(after: 0.5), output: &output)
        process.closeRequest()
        _ = process.waitForExit(until: Monotonic.deadline(after: exitGrace), output: &output)
        stop(process)
    }

    /// Kills the process group, reaps the leader, keeps what it printed, closes everything.
    func stop(_ process: ChildProcess) {
        process.drainOutput(into: &output)
        process.killGroupAndReap()
        process.drainOutput(into: &output)
        process.closeAll()
        if child === process { child = nil }
    }

    /// How a process that stopped talking ended: it gets `exitGrace` seconds to exit by itself
    /// (its own status is what tells a segfault from a clean exit), then the group is killed.
    func describeEnd(of process: ChildProcess) -> String {
        let exited = process.waitForExit(until: Monotonic.deadline(after: exitGrace), output: &output)
        stop(process)
        guard exited else { return "closed its reply descriptor without exiting (killed)" }
        return process.exitStatus?.description ?? "exited"
    }

    /// `seconds` from now, or the global deadline if that comes first; with the limit that binds.
    func deadline(after seconds: Double) -> (instant: UInt64, seconds: Double) {
        let local = Monotonic.deadline(after: seconds)
        if let globalDeadline, let globalTimeout, globalDeadline < local { return (globalDeadline, globalTimeout) }
        return (local, seconds)
    }
}
