@testable import Adapters
import Foundation
import Implementation
import NumericCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Adapters that misbehave: each failure is a thrown `ImplementationError` (or a startup error),
/// the process group is gone afterwards, and the next call works on a fresh adapter.
@Suite("Process implementation failures", .serialized)
struct ProcessFailureTests {
    let folder: FakeAdapterFolder

    init() throws {
        folder = try FakeAdapterFolder()
    }

    /// The next call is answered by a new process that has seen no call before.
    func expectRestarted(_ adapter: ProcessImplementation, from oldGroup: Int32, restarts: Int) throws {
        let reply = try adapter.call(operationNamed: "calls", [:])
        #expect(reply["before"] == .integer(0))
        #expect(reply["pid"] != .integer(Int(oldGroup)))
        #expect(adapter.restarts == restarts)
    }

    @Test("a reply that breaks the protocol: malformedReply, the adapter is killed, the next call works",
          arguments: ["garbage", "bad_json", "wrong_id"])
    func brokenReplies(operation: String) throws {
        let adapter = folder.adapter(callTimeout: 5)
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        guard case let .malformedReply(name, detail)? = callError(adapter, operation) else {
            Issue.record("\(operation) did not give malformedReply"); return
        }
        #expect(name == operation)
        #expect(detail.contains("killed"))
        #expect(groupIsGone(pgid))
        try expectRestarted(adapter, from: pgid, restarts: 1)
        adapter.shutdown()
    }

    @Test("an unusable value in a well-formed reply loses that answer only")
    func unusableValue() throws {
        let adapter = folder.adapter()
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        guard case let .malformedReply(_, detail)? = callError(adapter, "bad_array") else { Issue.record("accepted"); return }
        #expect(detail.contains("$array"))
        #expect(adapter.processGroupID == pgid)
        #expect(try adapter.call(operationNamed: "calls", [:])["before"] == .integer(1))
        adapter.shutdown()
    }

    @Test("an adapter that dies in the middle of a reply: crashed, then restarted")
    func halfFrame() throws {
        let adapter = folder.adapter()
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        guard case let .crashed(detail)? = callError(adapter, "half_frame") else { Issue.record("not crashed"); return }
        #expect(detail.contains("exited with status 0"))
        #expect(detail.contains("14 of 1004 bytes into its reply"))
        #expect(groupIsGone(pgid))
        try expectRestarted(adapter, from: pgid, restarts: 1)
        adapter.shutdown()
    }

    @Test("a segfault: crashed naming SIGSEGV, then restarted")
    func segfault() throws {
        let adapter = folder.adapter()
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        guard case let .crashed(detail)? = callError(adapter, "segfault") else { Issue.record("not crashed"); return }
        #expect(detail.contains("SIGSEGV"))
        #expect(ImplementationError.crashed(detail).description.contains("SIGSEGV (segmentation fault) during segfault"))
        #expect(groupIsGone(pgid))
        try expectRestarted(adapter, from: pgid, restarts: 1)
        adapter.shutdown()
    }

    @Test("an exit status is reported as such")
    func exitStatus() throws {
        let adapter = folder.adapter()
        #expect(callError(adapter, "exit", ["status": .integer(42)]) == .crashed("the adapter exited with status 42 during exit"))
        adapter.shutdown()
    }

    @Test("an adapter that sleeps forever: timedOut within the limit, the group is gone")
    func sleepsForever() throws {
        let adapter = folder.adapter(callTimeout: 1)
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        let start = ContinuousClock.now
        #expect(callError(adapter, "sleep") == .timedOut(seconds: 1))
        let elapsed = seconds(since: start)
        #expect(elapsed >= 1 && elapsed < 1 + 5, "took \(elapsed) s")
        #expect(groupIsGone(pgid))
        try expectRestarted(adapter, from: pgid, restarts: 1)
        adapter.shutdown()
    }

    @Test("an adapter that never reads its requests cannot block a large write")
    func neverReads() throws {
        let adapter = folder.adapter(mode: "noread", callTimeout: 1)
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        let big = Tensor<Double>(zeros: [1_000_000])  // 8 MB: far more than a pipe holds
        let start = ContinuousClock.now
        #expect(callError(adapter, "echo", ["x": .array(big)]) == .timedOut(seconds: 1))
        #expect(seconds(since: start) < 1 + 5)
        #expect(groupIsGone(pgid))
        adapter.shutdown()
    }

    @Test("killing the group kills a grandchild too, on timeout and on shutdown")
    func grandchild() throws {
        let adapter = folder.adapter(callTimeout: 1)
        for ending in ["timeout", "shutdown"] {
            guard case let .integer(grandchild)? = try adapter.call(operationNamed: "grandchild", [:])["pid"] else {
                Issue.record("no pid"); return
            }
            let pgid = try #require(adapter.processGroupID)
            #expect(isAlive(Int32(grandchild)))
            if ending == "timeout" {
                #expect(callError(adapter, "sleep") == .timedOut(seconds: 1))
            } else {
                adapter.shutdown()
            }
            // The orphaned grandchild may linger as a zombie until init reaps it; it is not alive.
            #expect(diesSoon(Int32(grandchild)), "grandchild survived the \(ending)")
            #expect(liveMembers(ofGroup: pgid).isEmpty)
        }
    }

    @Test("a handle from a process that crashed is refused without being sent")
    func staleHandle() throws {
        let adapter = folder.adapter()
        let handle = try #require(try adapter.call(operationNamed: "make_handle", ["value": .integer(1)])["h"])
        _ = callError(adapter, "segfault")
        guard case let .crashed(detail)? = callError(adapter, "use_handle", ["h": handle]) else { Issue.record("sent"); return }
        #expect(detail.hasPrefix("the adapter restarted; "))
        // The restarted adapter never saw that call.
        #expect(try adapter.call(operationNamed: "calls", [:])["before"] == .integer(0))
        adapter.shutdown()
    }

    @Test("an adapter that closes its reply descriptor but lives on is killed")
    func closesReply() throws {
        let adapter = folder.adapter(exitGrace: 0.3)
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        #expect(callError(adapter, "close_reply") == .crashed(
            "the adapter closed its reply descriptor without exiting (killed) during close_reply"))
        #expect(groupIsGone(pgid))
        adapter.shutdown()
    }

    @Test("the global deadline: the call in progress and every later call time out")
    func globalDeadline() throws {
        let adapter = folder.adapter(callTimeout: 30, globalTimeout: 1.5)
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        let start = ContinuousClock.now
        #expect(callError(adapter, "sleep") == .timedOut(seconds: 1.5))
        #expect(seconds(since: start) < 1.5 + 5)
        #expect(groupIsGone(pgid))
        let later = ContinuousClock.now
        #expect(callError(adapter, "calls") == .timedOut(seconds: 1.5))
        #expect(seconds(since: later) < 1)
        #expect(adapter.processGroupID == nil)
    }
}

/// Adapters that never get as far as `hello`.
@Suite("Process implementation startup", .serialized)
struct ProcessStartupTests {
    let folder: FakeAdapterFolder

    init() throws {
        folder = try FakeAdapterFolder()
    }

    @Test("hello with another version: a clear error naming both versions, and no process left")
    func otherVersion() throws {
        let adapter = folder.adapter(extra: ["FAKE_VERSION": "3"])
        #expect(throws: AdapterStartupError.versionMismatch(supported: 2, got: 3)) { try adapter.start() }
        #expect(adapter.processGroupID == nil)
        guard case let .crashed(detail)? = callError(adapter, "calls") else { Issue.record("not crashed"); return }
        #expect(detail.contains("version 3") && detail.contains("version 2"))
    }

    @Test("another protocol's hello")
    func otherProtocol() {
        let adapter = folder.adapter(extra: ["FAKE_PROTOCOL": "something-else"])
        #expect(throws: AdapterStartupError.protocolMismatch(expected: "gradecheck-implementation", got: "something-else")) {
            try adapter.start()
        }
    }

    @Test("an adapter that exits before hello: its status and the end of its output")
    func exitsBeforeHello() {
        let adapter = folder.adapter(mode: "exit_before_hello")
        do {
            try adapter.start()
            Issue.record("started")
        } catch {
            guard case let .exitedBeforeHello(how, output) = error else { Issue.record("\(error)"); return }
            #expect(how == "exited with status 3")
            #expect(output.contains("ImportError: No module named 'numpy'"))
            #expect(error.description.contains("ImportError"))
        }
        #expect(adapter.takeOutput().contains("ImportError"))
    }

    @Test("an adapter that never says hello: timed out and killed")
    func silent() throws {
        let adapter = folder.adapter(mode: "silent", startTimeout: 1)
        let start = ContinuousClock.now
        #expect(throws: AdapterStartupError.timedOut(seconds: 1, output: "")) { try adapter.start() }
        #expect(seconds(since: start) < 1 + 5)
        // The fake wrote its pid before going silent.
        let pid = try #require(Int32(String(contentsOf: folder.url.appendingPathComponent("pid"), encoding: .utf8)))
        #expect(groupIsGone(pid))
    }

    @Test("a command that cannot run", arguments: [["no-such-adapter-command"], ["./missing.py"], []])
    func cannotRun(command: [String]) {
        let adapter = ProcessImplementation(
            command: command, environment: folder.environment(mode: "normal"), workingDirectory: folder.url, name: "x")
        #expect { try adapter.start() } throws: { error in
            guard case .spawnFailed = error as? AdapterStartupError else { return false }
            return true
        }
        guard case let .crashed(detail)? = callError(adapter, "calls") else { Issue.record("not crashed"); return }
        #expect(detail.hasPrefix("the adapter could not be started: cannot run the adapter"))
    }

    @Test("restarts stop after repeated start failures instead of costing a start timeout per call")
    func repeatedStartFailures() {
        let adapter = folder.adapter(mode: "exit_before_hello")
        for _ in 0..<5 {
            guard case let .crashed(detail)? = callError(adapter, "calls") else { Issue.record("not crashed"); return }
            #expect(detail.contains("exited with status 3"))
        }
        #expect(adapter.restarts == 0)
    }
}
