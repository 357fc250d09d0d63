import Implementation

/// One call: (re)start if needed, translate handles, exchange one request and reply, and turn
/// everything that can go wrong into an `ImplementationError`.
extension ProcessImplementation {
    /// A restart is attempted after this many consecutive failed starts no more: each costs up
    /// to `startTimeout`, and an adapter that cannot start now will not start on the next check.
    static let maximumStartAttempts = 2

    public func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        let start = Monotonic.now()
        defer {
            secondsInCalls += Double(Monotonic.now() - start) / 1e9
            callCount += 1
        }
        return try call(operationNamed: operation.rawValue, arguments)
    }

    /// A call by the operation's wire name, for operations outside `Operation` (`evaluate_batch`).
    public func call(operationNamed operation: String, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        if let globalDeadline, let globalTimeout, Monotonic.now() >= globalDeadline {
            shutdown()
            throw .timedOut(seconds: globalTimeout)
        }
        let process = try running()
        // Unpredictable, so code in the adapter's process cannot answer a request it has not seen.
        let id = Int.random(in: 1...(1 << 53))
        let currentGeneration = generation

        let request: [UInt8]
        do {
            request = try ProtocolCodec.callMessage(id: id, operation: operation, arguments: arguments) { handle throws(ProtocolError) in
                try Self.adapterNumber(of: handle, generation: currentGeneration)
            }
        } catch {
            if error.stage == .message { throw .crashed(error.message) }  // a stale handle
            throw .malformedReply(operation: operation, detail: "nothing: its arguments cannot be sent (\(error.message))")
        }

        let limit = deadline(after: callTimeout)
        switch process.exchange(sending: request, awaitReply: true, deadline: limit.instant, output: &output) {
        case let .reply(payload):
            return try interpret(payload, id: id, operation: operation, process: process, generation: currentGeneration)
        case .timedOut:
            stop(process)
            throw .timedOut(seconds: limit.seconds)
        case let .endOfFile(received, expected):
            let how = describeEnd(of: process)
            let progress = received == 0 ? "" : ", \(received) of \(expected.map(String.init) ?? "at least 4") bytes into its reply"
            throw .crashed("the adapter \(how) during \(operation)\(progress)")
        case .requestRefused:
            throw .crashed("the adapter \(describeEnd(of: process)) during \(operation) (it stopped reading requests)")
        case let .oversizedFrame(length):
            stop(process)
            throw .malformedReply(operation: operation, detail: "a frame announcing \(length) bytes, more than the protocol's 1 GiB (the adapter was killed)")
        case let .failed(reason):
            stop(process)
            throw .crashed("talking to the adapter failed during \(operation): \(reason)")
        case .sent:
            stop(process)
            throw .crashed("no reply to \(operation)")
        }
    }

    /// The running adapter, starting one if there is none.
    private func running() throws(ImplementationError) -> ChildProcess {
        if let child { return child }
        let verb = generation == 0 ? "started" : "restarted"
        if consecutiveStartFailures >= Self.maximumStartAttempts, let lastStartFailure {
            throw .crashed("the adapter could not be \(verb): \(lastStartFailure)")
        }
        do {
            try start()
        } catch {
            if let globalDeadline, let globalTimeout, Monotonic.now() >= globalDeadline { throw .timedOut(seconds: globalTimeout) }
            throw .crashed("the adapter could not be \(verb): \(error)")
        }
        guard let child else { throw .crashed("the adapter could not be \(verb)") }
        return child
    }

    private func interpret(
        _ payload: [UInt8], id: Int, operation: String, process: ChildProcess, generation: Int
    ) throws(ImplementationError) -> [String: Value] {
        let reply: AdapterReply
        do {
            reply = try ProtocolCodec.decodeReply(payload) { number throws(ProtocolError) in
                try Self.handle(number: number, generation: generation)
            }
        } catch {
            stop(process)
            throw .malformedReply(operation: operation, detail: "a reply that breaks the protocol (\(error.message)); the adapter was killed")
        }
        guard reply.id == id else {
            stop(process)
            throw .malformedReply(operation: operation, detail: "the reply to request \(reply.id) while request \(id) was waiting; the adapter was killed")
        }
        record(reply.warnings, operation: operation)
        switch reply.outcome {
        case let .results(values):
            return values
        case let .unusable(problem):
            throw .malformedReply(operation: operation, detail: "an unusable reply: \(problem.message)")
        case let .failure(failure):
            // Stopped now, so that the next call starts a new adapter instead of dying with this one.
            if failure.ending { stop(process) }
            if let traceback = failure.traceback, !traceback.isEmpty {
                output.append(traceback.hasSuffix("\n") ? traceback : traceback + "\n")
            }
            let message = failure.message ?? ""
            switch failure.kind {
            case "not_implemented":
                if failure.cause == "does_not_import" { throw .doesNotImport(operation: operation, detail: message) }
                throw .notImplemented(operation: operation, detail: message)
            case "raised":
                throw .raised(type: failure.type ?? "Exception", message: message, location: failure.location)
            case "bad_result":
                throw .malformedReply(operation: operation, detail: "something unusable" + (message.isEmpty ? "" : ": \(message)"))
            case "bad_request":
                throw .malformedReply(operation: operation, detail: "an adapter error: it could not understand the request" + (message.isEmpty ? "" : " (\(message))"))
            default:
                throw .malformedReply(operation: operation, detail: "an error of unknown kind \"\(failure.kind)\"" + (message.isEmpty ? "" : ": \(message)"))
            }
        }
    }

    /// Keeps a reply's warnings as sentences, except an argument changed in place that the
    /// course's own code changes too.
    func record(_ warnings: [AdapterWarning], operation: String) {
        let sanctioned = Operation(rawValue: operation)?.argumentsChangedByTheCourse ?? []
        for w in warnings {
            if w.kind == "mutated_argument", let argument = w.argument, sanctioned.contains(argument) { continue }
            let text = w.message + (w.location.map { " (\($0))" } ?? "")
            if !pendingWarnings.contains(text) { pendingWarnings.append(text) }
        }
    }

    // MARK: Handles

    /// Harness handles are `generation << 32 | the adapter's number`: unique across restarts, so
    /// a handle from a process that is gone is recognised instead of reaching a new process
    /// that may have issued the same number for something else.
    static let handleBits = 32

    static func handle(number: Int, generation: Int) throws(ProtocolError) -> Handle {
        guard number >= 0, number < 1 << handleBits else {
            throw ProtocolError(.value, "handle \(number) is outside 0..<2^\(handleBits)")
        }
        return Handle(generation << handleBits | number)
    }

    /// The adapter's number for `handle`. A handle of another generation throws at stage
    /// `.message`, which `call` reports as `.crashed` (the object it named died with its process).
    static func adapterNumber(of handle: Handle, generation: Int) throws(ProtocolError) -> Int {
        let issuer = handle.id >> handleBits
        guard issuer == generation else {
            if issuer <= 0 || issuer > generation {
                throw ProtocolError(.message, "\(handle) was not issued by this adapter")
            }
            throw ProtocolError(.message, "the adapter restarted; \(handle) was issued by the process that is gone (cache or model lost)")
        }
        return handle.id & (1 << handleBits - 1)
    }
}

extension ProcessImplementation: BatchEvaluating {
    public var supportsBatchEvaluation: Bool { hello?.operations.contains("evaluate_batch") ?? false }
    public var supportsDensePoints: Bool { hello?.features.contains(ProtocolCodec.densePointsFeature) ?? false }

    public func evaluateBatch(_ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        let start = Monotonic.now()
        defer {
            secondsInCalls += Double(Monotonic.now() - start) / 1e9
            callCount += 1
        }
        return try call(operationNamed: "evaluate_batch", arguments)
    }
}
