@testable import Adapters
import Implementation
import NumericCore
import Testing

@Suite("Protocol codec: messages and framing")
struct ProtocolMessageTests {
    func payload(_ text: String) -> [UInt8] { Array(text.utf8) }
}

extension AdapterReply {
    var failure: AdapterFailure? { if case let .failure(f) = outcome { f } else { nil } }
}

extension ProtocolMessageTests {

    @Test("a frame is a 4-byte big-endian length, then the payload")
    func framing() throws {
        #expect(ProtocolCodec.frame([1, 2, 3]) == [0, 0, 0, 3, 1, 2, 3])
        #expect(ProtocolCodec.frame([UInt8](repeating: 7, count: 0x01_02_03)).prefix(4) == [0, 1, 2, 3])
        let call = try ProtocolCodec.callMessage(id: 17, operation: "affine_forward", arguments: ["x": .array(Tensor([1]))])
        #expect(call.prefix(4) == ProtocolCodec.frame(Array(call.dropFirst(4))).prefix(4))
        let body = String(decoding: call.dropFirst(4), as: UTF8.self)
        #expect(body.hasPrefix(#"{"type":"call","id":17,"operation":"affine_forward","arguments":{"x":{"$array":"#),
                "type and id lead, for the relay")
        #expect(ProtocolCodec.shutdownMessage() == ProtocolCodec.frame(payload(#"{"type":"shutdown"}"#)))
    }

    @Test("hello: every field is read")
    func hello() throws {
        let hello = try ProtocolCodec.decodeHello(payload("""
            {"type": "hello", "protocol": "gradecheck-implementation", "version": 2,
             "implementation": {"name": "alice", "language": "python 3.11.7"},
             "operations": ["affine_forward", "evaluate_batch", "relu_forward", "echo"],
             "unavailable": {"update": {"kind": "does_not_import", "file": "cs231n/optim.py", "line": 26, "reason": "SyntaxError (Python 2 print statement)"}},
             "evidence": {"markers": ["delete_line"], "adam_default_t": 1},
             "sources": {"relu_forward": {"file": "cs231n/layers.py", "line": 40, "end_line": 60}},
             "problems": [{"operation": "svm_loss", "reason": "stub"}, {"file": "cs231n/optim.py", "line": 12, "reason": "SyntaxError"}],
             "features": ["dense_points", "telepathy"]}
            """))
        #expect(hello.features == ["dense_points", "telepathy"], "every feature is kept, known or not")
        #expect(hello.implementationName == "alice")
        #expect(hello.language == "python 3.11.7")
        #expect(hello.knownOperations == [.affineForward, .reluForward])
        #expect(hello.unknownOperations == ["echo"])
        #expect(hello.unavailable["update"] == AdapterHello.Unavailable(
            doesNotImport: true, problem: AdapterHello.Problem(operation: "update", file: "cs231n/optim.py", line: 26, reason: "SyntaxError (Python 2 print statement)")))
        #expect(hello.evidence["adam_default_t"] == .integer(1))
        #expect(hello.sources["relu_forward"] == .dict(["file": .string("cs231n/layers.py"), "line": .integer(40), "end_line": .integer(60)]))
        #expect(hello.fatal == nil)
        #expect(hello.problems == [
            AdapterHello.Problem(operation: "svm_loss", reason: "stub"),
            AdapterHello.Problem(file: "cs231n/optim.py", line: 12, reason: "SyntaxError"),
        ])
        // And what the Swift side writes reads back the same.
        let written = ProtocolCodec.helloMessage(hello)
        #expect(try ProtocolCodec.decodeHello(Array(written.dropFirst(4))) == hello)
    }

    @Test("hello: another version is refused with a message naming both")
    func helloVersion() {
        #expect(throws: AdapterStartupError.versionMismatch(supported: 2, got: 3)) {
            // Fields of a future version do not matter: the version is checked first.
            try ProtocolCodec.decodeHello(self.payload(#"{"type": "hello", "protocol": "gradecheck-implementation", "version": 3, "ops": {}}"#))
        }
        let message = AdapterStartupError.versionMismatch(supported: 2, got: 3).description
        #expect(message.contains("version 3") && message.contains("version 2"))
    }

    @Test("hello: wrong protocol, wrong first message, missing fields", arguments: [
        (#"{"type": "hello", "protocol": "other", "version": 2, "operations": []}"#, "\"other\""),
        (#"{"type": "result", "id": 1, "results": {}}"#, "result"),
        (#"{"type": "hello", "protocol": "gradecheck-implementation", "version": 2}"#, "operations"),
        (#"{"type": "hello", "protocol": "gradecheck-implementation", "version": "1", "operations": []}"#, "version"),
        (#"{"type": "hello", "protocol": "gradecheck-implementation", "version": 2, "operations": [1]}"#, "operations"),
        (#"{"type": "hello", "protocol": "gradecheck-implementation", "version": 2, "operations": [], "features": "dense_points"}"#, "features"),
        (#"{"type": "hello", "protocol": "gradecheck-implementation", "version": 2, "operations": [], "features": [true]}"#, "features"),
        ("not json", "JSON"),
    ])
    func badHello(text: String, mentioned: String) {
        do {
            _ = try ProtocolCodec.decodeHello(payload(text))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(mentioned), "\(error)")
        }
    }

    @Test("replies: results, errors, and unusable content with its id")
    func replies() throws {
        let result = try ProtocolCodec.decodeReply(payload(#"{"type": "result", "id": 3, "results": {"loss": 2.5, "cache": {"$handle": 4}}}"#))
        #expect(result == AdapterReply(id: 3, outcome: .results(["loss": .number(2.5), "cache": .handle(Handle(4))])))

        let error = try ProtocolCodec.decodeReply(payload("""
            {"type": "error", "id": 4, "error": {"kind": "raised", "type": "ValueError", "message": "m", "location": "a.py:3", "traceback": "T"}}
            """))
        #expect(error == AdapterReply(id: 4, outcome: .failure(AdapterFailure(kind: "raised", type: "ValueError", message: "m", location: "a.py:3", traceback: "T"))))

        #expect(!error.failure!.ending)
        let ending = try ProtocolCodec.decodeReply(payload(#"{"type": "error", "id": 6, "error": {"kind": "bad_result", "message": "m", "ending": true}}"#))
        #expect(ending.failure?.ending == true, "the adapter says it is going away")
        #expect(try ProtocolCodec.decodeReply(Array(ProtocolCodec.replyMessage(ending).dropFirst(4))) == ending)

        let unusable = try ProtocolCodec.decodeReply(payload(#"{"type": "result", "id": 5, "results": {"x": {"$float": "big"}}}"#))
        #expect(unusable.id == 5)
        guard case let .unusable(problem) = unusable.outcome else { Issue.record("\(unusable.outcome)"); return }
        #expect(problem.stage == .value)

        let written = try ProtocolCodec.replyMessage(result)
        #expect(try ProtocolCodec.decodeReply(Array(written.dropFirst(4))) == result)
    }

    @Test("replies that are not replies are refused before their content", arguments: [
        #"{"type": "result", "results": {}}"#, #"{"type": "result", "id": "3", "results": {}}"#,
        #"{"type": "hello", "id": 3}"#, #"[1, 2]"#, #"{"id": 3}"#, "{broken",
    ])
    func notReplies(text: String) {
        do {
            _ = try ProtocolCodec.decodeReply(payload(text))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.stage != .value, "\(error)")
        }
    }
}

@Suite("Base64 and output capture")
struct SupportTypeTests {
    @Test("RFC 4648 test vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func vectors(plain: String, encoded: String) throws {
        let bytes = Array(plain.utf8)
        #expect(bytes.withUnsafeBytes { String(decoding: Base64.encode($0), as: UTF8.self) } == encoded)
        #expect(try Base64.decode(encoded) == bytes)
        // Unpadded and wrapped text is accepted too.
        #expect(try Base64.decode(String(encoded.filter { $0 != "=" })) == bytes)
        #expect(try Base64.decode(encoded + "\n") == bytes)
    }

    @Test("not base64", arguments: ["Zg=", "Z", "Zm9v!", "Zg==Zg==", "=Zm9", "Zm9vY==="])
    func invalid(text: String) {
        #expect(throws: Base64.DecodingError.self) { try Base64.decode(text) }
    }

    @Test("all byte values round-trip")
    func allBytes() throws {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let encoded = bytes.withUnsafeBytes { String(decoding: Base64.encode($0), as: UTF8.self) }
        #expect(try Base64.decode(encoded) == bytes)
    }

    @Test("output keeps its head and tail and counts what it dropped")
    func capture() {
        var capture = OutputCapture(headLimit: 10, tailLimit: 5)
        capture.append("0123456789")
        capture.append("abc")
        #expect(capture.take() == "0123456789abc")
        #expect(capture.isEmpty)
        capture.append("0123456789")
        for chunk in ["abcdefgh", "ij", "klmnopqrstuvwxyz"] { capture.append(chunk) }
        #expect(capture.dropped == 26 - 5)
        #expect(capture.take() == "0123456789\n[truncated 21 bytes]\nvwxyz")
    }
}
