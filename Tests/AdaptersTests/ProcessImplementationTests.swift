@testable import Adapters
import Foundation
import Implementation
import NumericCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The out-of-process implementation against a fake Python adapter: values, hello, handles.
/// Serialized: these tests start processes and some measure how long a timeout took.
@Suite("Process implementation", .serialized)
struct ProcessImplementationTests {
    let folder: FakeAdapterFolder

    init() throws {
        folder = try FakeAdapterFolder()
    }

    @Test("hello: operations, why others are missing, evidence, problems and name are recorded")
    func hello() throws {
        let adapter = folder.adapter()
        #expect(adapter.supportedOperations.isEmpty)
        try adapter.start()
        #expect(adapter.supportedOperations == [.affineForward, .reluForward])
        #expect(adapter.hello?.unknownOperations == ["echo"])
        #expect(adapter.implementationName == "fake-submission")
        #expect(adapter.unavailability(of: .svmLoss) == .notImplemented(operation: "svm_loss", detail: "stub"))
        #expect(adapter.unavailability(of: .update) == .doesNotImport(operation: "update", detail: "cs231n/optim.py:12: SyntaxError: invalid syntax"))
        #expect(adapter.unavailability(of: .affineForward) == nil)
        #expect(adapter.hello?.evidence["fully_connected_net_arguments"] == .list([.string("dropout"), .string("normalization")]))
        #expect(adapter.problems.count == 2)
        #expect(adapter.problems.last == AdapterHello.Problem(file: "cs231n/optim.py", line: 12, reason: "SyntaxError: invalid syntax"))
        #expect(adapter.name == "fake")
        adapter.shutdown()
    }

    @Test("values sent to the adapter come back bit for bit")
    func echo() throws {
        let adapter = folder.adapter()
        try adapter.start()
        let arguments: [String: Value] = [
            "x": .array(Tensor(uncheckedShape: [2, 3], scalars: [.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, 0.1])),
            "scalar": .array(Tensor(uncheckedShape: [], scalars: [4.5])),
            "empty": .array(Tensor(zeros: [0, 4])),
            "numbers": .list([.integer(3), .number(3), .number(-0.0), .number(.nan), .number(1e-05), .integer(-(1 << 62))]),
            "text": .string("é中文🤖 \"quoted\" \\ \u{0}\u{1}\u{1F}\t\n"),
            "nested": .dict(["a": .list([.dict(["b": .none, "c": .bool(true)])]), "d": .dict([:])]),
        ]
        let back = try adapter.call(operationNamed: "echo", arguments)
        #expect(identical(.dict(back), .dict(arguments)))
        adapter.shutdown()
    }

    @Test("a million-element array each way")
    func largeArrays() throws {
        let adapter = folder.adapter(callTimeout: 60)
        let big = Tensor<Double>(uncheckedShape: [1_000_000], scalars: (0..<1_000_000).map { Double($0).squareRoot() })
        let echoed = try adapter.call(operationNamed: "echo", ["x": .array(big)])
        #expect(identical(echoed["x"] ?? .none, .array(big)))
        let produced = try adapter.call(operationNamed: "big", ["n": .integer(1_000_000)])
        guard case let .array(tensor) = produced["big"] else { Issue.record("no array"); return }
        #expect(tensor.shape == [1_000_000])
        #expect(tensor.scalars.enumerated().allSatisfy { $0.element == Double($0.offset) * 0.5 })
        adapter.shutdown()
    }

    @Test("arrays the adapter makes: float32, integer and bool dtypes, 0-d, empty, specials")
    func adapterArrays() throws {
        let adapter = folder.adapter()
        let r = try adapter.call(operationNamed: "arrays", [:])
        #expect(r["f32"] == .array(try Tensor(shape: [2, 2], scalars: [1.5, -2.25, Double(Float(3e38)), .infinity])))
        #expect(r["i64"] == .array(Tensor([-1_099_511_627_776, 0, 9_007_199_254_740_992])))
        #expect(r["i32"] == .array(Tensor([-7, 2_147_483_647])))
        #expect(r["u8"] == .array(Tensor([0, 128, 255])))
        #expect(r["bool"] == .array(try Tensor(shape: [2, 1], scalars: [1, 0])))
        #expect(identical(r["special"] ?? .none, .array(Tensor([.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude]))))
        #expect(r["scalar"] == .array(Tensor(uncheckedShape: [], scalars: [2.5])))
        #expect(r["empty"] == .array(Tensor(zeros: [0, 3])))
        #expect(r["labels"] == .list([.integer(3), .integer(1), .integer(4)]))
        if case let .number(x) = r["nan_token"] { #expect(x.isNaN) } else { Issue.record("nan_token: \(String(describing: r["nan_token"]))") }
        #expect(identical(r["floats"] ?? .none, .list([.number(1), .number(1e-05), .number(-0.0), .number(1e300)])))
        adapter.shutdown()
    }

    @Test("a typed call through the AssignmentImplementation interface")
    func typedCall() throws {
        let adapter = folder.adapter()
        try adapter.start()
        let reply = try adapter.perform(.affineForward, ["x": .array(Tensor([1, 2]))])
        #expect(try reply.array("out") == Tensor([1, 2]))
        _ = try reply.handle("cache")
        #expect(throws: ImplementationError.notImplemented(operation: "svm_loss", detail: "stub")) {
            try adapter.perform(.svmLoss, [:])
        }
        adapter.shutdown()
    }

    @Test("handles work within one process and are distinct across processes")
    func handles() throws {
        let adapter = folder.adapter()
        let first = try adapter.call(operationNamed: "make_handle", ["value": .string("first")])
        #expect(try adapter.call(operationNamed: "use_handle", ["h": first["h"]!]) == ["value": .string("first")])
        adapter.shutdown()
        let second = try adapter.call(operationNamed: "make_handle", ["value": .string("second")])
        // Both processes issued their number 1; the harness's handles differ.
        #expect(first["h"] != second["h"])
        #expect(throws: ImplementationError.self) { try adapter.call(operationNamed: "use_handle", ["h": first["h"]!]) }
        #expect(throws: ImplementationError.crashed("\(Handle(5)) was not issued by this adapter")) {
            try adapter.call(operationNamed: "use_handle", ["h": .handle(Handle(5))])
        }
        adapter.shutdown()
    }

    @Test("error replies map to notImplemented, raised and malformedReply")
    func errorKinds() throws {
        let adapter = folder.adapter()
        try adapter.start()
        _ = adapter.takeOutput()
        #expect(callError(adapter, "raise") == .raised(
            type: "ValueError", message: "shapes (2,120) and (60,3) not aligned", location: "cs231n/layers.py:27"))
        #expect(adapter.takeOutput().contains("Traceback (most recent call last):"))
        #expect(callError(adapter, "not_implemented") == .notImplemented(operation: "not_implemented", detail: "details of not_implemented"))
        for kind in ["bad_result", "bad_request", "mystery"] {
            guard case let .malformedReply(operation, detail)? = callError(adapter, kind) else {
                Issue.record("\(kind) was not a malformed reply"); continue
            }
            #expect(operation == kind)
            #expect(detail.contains("details of \(kind)"))
        }
        // None of these is the adapter's death.
        #expect(adapter.restarts == 0)
        adapter.shutdown()
    }

    @Test("output is captured per call from stdout and stderr")
    func output() throws {
        let adapter = folder.adapter()
        try adapter.start()
        _ = adapter.takeOutput()
        _ = try adapter.call(operationNamed: "print", ["text": .string("first call")])
        let first = adapter.takeOutput()
        #expect(first.contains("first call\n") && first.contains("err:first call\n"))
        _ = try adapter.call(operationNamed: "print", ["text": .string("second call")])
        let second = adapter.takeOutput()
        #expect(second.contains("second call") && !second.contains("first call"))
        #expect(adapter.takeOutput() == "")
        adapter.shutdown()
    }

    @Test("10 MB printed before the answer: the call succeeds and the output is capped")
    func flood() throws {
        let adapter = folder.adapter(callTimeout: 60)
        try adapter.start()
        _ = adapter.takeOutput()
        #expect(try adapter.call(operationNamed: "flood", [:]) == ["done": .bool(true)])
        let output = adapter.takeOutput()
        #expect(output.utf8.count <= 128 * 1024 + 64)
        #expect(output.hasPrefix("FIRST LINE\n"))
        #expect(output.hasSuffix("LAST LINE\n"))
        let total = 11 + 100_000 * 100 + 10
        #expect(output.contains("\n[truncated \(total - 128 * 1024) bytes]\n"))
        adapter.shutdown()
    }

    @Test("the child gets exactly the environment given, the working directory, and descriptors 0-4 only")
    func childSetting() throws {
        // A descriptor the harness holds without close-on-exec must still not reach the child.
        let opened = open("/dev/null", O_RDONLY)
        let leaky = fcntl(opened, F_DUPFD, 10)   // above 4 whatever the test process has open
        close(opened)
        defer { close(leaky) }
        #expect(leaky > 4)
        let adapter = folder.adapter()
        try adapter.start()
        #expect(try adapter.call(operationNamed: "fds", [:]) == ["fds": .list((0...4).map { .integer($0) })])
        let calls = try adapter.call(operationNamed: "calls", [:])
        #expect(calls["stdin"] == .string("/dev/null"))
        // It leads its own process group.
        #expect(calls["pgid"] == calls["pid"])
        #expect(calls["pgid"] == adapter.processGroupID.map { .integer(Int($0)) })
        guard case let .dict(environment)? = try adapter.call(operationNamed: "env", [:])["env"] else {
            Issue.record("no env"); return
        }
        var expected = folder.environment(mode: "normal").mapValues { Value.string($0) }
        expected["GRADECHECK_REQUEST_FD"] = .string("3")
        expected["GRADECHECK_REPLY_FD"] = .string("4")
        #expect(environment == expected)
        guard case let .string(cwd)? = try adapter.call(operationNamed: "cwd", [:])["cwd"] else { Issue.record("no cwd"); return }
        #expect(URL(fileURLWithPath: cwd).resolvingSymlinksInPath().path == folder.url.resolvingSymlinksInPath().path)
        adapter.shutdown()
    }

    @Test("shutdown ends the adapter and reaps it; so does releasing the object")
    func shutdown() throws {
        let adapter = folder.adapter()
        try adapter.start()
        let pgid = try #require(adapter.processGroupID)
        adapter.shutdown()
        #expect(adapter.processGroupID == nil)
        #expect(groupIsGone(pgid))
        var status: Int32 = 0
        #expect(waitpid(pgid, &status, WNOHANG) == -1)  // already reaped: no zombie left

        var released: Int32 = 0
        do {
            let other = folder.adapter()
            try other.start()
            released = try #require(other.processGroupID)
        }
        #expect(groupIsGone(released))
    }

    @Test("no descriptor of the harness leaks across crashes and restarts")
    func noDescriptorLeak() throws {
        func openDescriptors() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count }
        let adapter = folder.adapter()
        try adapter.start()
        let before = try openDescriptors()
        for _ in 0..<10 {
            _ = callError(adapter, "segfault")  // each restart opens four pipes
            _ = try adapter.call(operationNamed: "calls", [:])
        }
        adapter.shutdown()
        // Other suites open descriptors of their own meanwhile; a leak would be 4 per cycle.
        #expect(try openDescriptors() - before < 16)
    }
}
