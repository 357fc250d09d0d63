import Foundation
import Testing
@testable import Datasets

@Suite struct PickleReaderTests {
    private func parse(_ bytes: [UInt8]) throws(DatasetError) -> PickleValue {
        try PickleReader.parse(bytes, path: "/tmp/example.pkl")
    }

    private func expectError(_ bytes: [UInt8], _ check: (DatasetError) -> Bool) {
        do {
            let value = try parse(bytes)
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(check(error), "\(error)")
            #expect(error.description.hasPrefix("/tmp/example.pkl: "))
        }
    }

    @Test func protocol0DictWithEscapedStringsAndUnicode() throws {
        let text = "(dp0\nS'key\\x41\\n'\np1\nI-7\nsV\\u00e9t\\u00e9\np2\n(lp3\nF1.5\naI01\naL123456789012L\nag1\nas."
        let value = try parse(Array(text.utf8))
        #expect(value["keyA\n"] == .int(-7))
        #expect(value["été"] == .list([.float(1.5), .bool(true), .int(123_456_789_012), .bytes(Array("keyA\n".utf8))]))
    }

    @Test func memoSharesMutableContainers() throws {
        // [L, L] where L = [] is memoized (BINPUT) before APPENDS fills it; BINGET sees it filled.
        let bytes: [UInt8] = [0x80, 2, 0x5D, 0x71, 0, 0x28, 0x5D, 0x71, 1, 0x28, 0x4B, 5, 0x4B, 6, 0x65, 0x68, 1, 0x65, 0x2E]
        let value = try parse(bytes)
        let inner: PickleValue = .list([.int(5), .int(6)])
        #expect(value == .list([inner, inner]))
    }

    @Test func longMemoKeysAndTupleOpcodes() throws {
        // 9, LONG_BINPUT 300, EMPTY_TUPLE, LONG_BINGET 300, TUPLE2, NONE, NEWTRUE, NEWFALSE, TUPLE3, TUPLE2.
        let bytes: [UInt8] = [
            0x80, 2, 0x4B, 9, 0x72, 0x2C, 1, 0, 0, 0x29, 0x6A, 0x2C, 1, 0, 0, 0x86,
            0x4E, 0x88, 0x89, 0x87, 0x86, 0x2E,
        ]
        let expected: PickleValue = .tuple([.tuple([.tuple([]), .int(9)]), .tuple([.none, .bool(true), .bool(false)])])
        #expect(try parse(bytes) == expected)
    }

    @Test func integersOfEveryWidth() throws {
        // BININT -2, BININT2 513, LONG1 of 0xFF (-1), LONG1 of 2^40, LONG4 empty (0), BINFLOAT -2.5.
        let bytes: [UInt8] = [
            0x80, 2, 0x28, 0x4A, 0xFE, 0xFF, 0xFF, 0xFF, 0x4D, 0x01, 0x02, 0x8A, 1, 0xFF,
            0x8A, 6, 0, 0, 0, 0, 0, 1, 0x8B, 0, 0, 0, 0, 0x47, 0xC0, 0x04, 0, 0, 0, 0, 0, 0, 0x74, 0x2E,
        ]
        #expect(try parse(bytes) == .tuple([.int(-2), .int(513), .int(-1), .int(1 << 40), .int(0), .float(-2.5)]))
    }

    @Test func python3BytesViaCodecsEncode() throws {
        // _codecs.encode('\u{e9}A', 'latin1') as Python 3 writes bytes at protocol 2.
        var bytes: [UInt8] = [0x80, 2, 0x63] + Array("_codecs\nencode\n".utf8)
        bytes += [0x58, 3, 0, 0, 0, 0xC3, 0xA9, 0x41, 0x58, 6, 0, 0, 0] + Array("latin1".utf8) + [0x86, 0x52, 0x2E]
        #expect(try parse(bytes) == .bytes([0xE9, 0x41]))
    }

    @Test func stackGlobalAndFrameAndMemoize() throws {
        // Protocol 4: FRAME, SHORT_BINUNICODE 'm', MEMOIZE, 'f', STACK_GLOBAL, EMPTY_TUPLE, REDUCE, SHORT_BINBYTES.
        let bytes: [UInt8] = [
            0x80, 4, 0x95, 16, 0, 0, 0, 0, 0, 0, 0, 0x8C, 1, 0x6D, 0x94, 0x8C, 1, 0x66, 0x93, 0x29, 0x52,
            0x43, 2, 1, 2, 0x86, 0x2E,
        ]
        #expect(try parse(bytes) == .tuple([.object(PickleObject(module: "m", name: "f", arguments: [])), .bytes([1, 2])]))
    }

    @Test func python2CIFARBatchDecodesTheNumpyArray() throws {
        let data: [UInt8] = (0..<(2 * 3072)).map { UInt8($0 % 251) }
        let bytes = Python2PickleWriter.cifarBatch(data: data, labels: [3, 9], batchLabel: "b", filenames: ["x.png", "y.png"])
        let value = try parse(bytes)
        guard case let .array(array)? = value["data"] else {
            Issue.record("'data' is \(String(describing: value["data"]))")
            return
        }
        #expect(array.dtype == NumpyDType(kind: "u", itemSize: 1))
        #expect(array.shape == [2, 3072])
        #expect(array.data == data)
        #expect(value["labels"] == .list([.int(3), .int(9)]))
        #expect(value["filenames"]?.elements?.compactMap(\.textValue) == ["x.png", "y.png"])
    }

    @Test func listsLongerThanOneAppendsBatch() throws {
        var w = Python2PickleWriter()
        w.list((0..<2001).map { v in { (w: inout Python2PickleWriter) in w.int(v) } })
        w.op(0x2E)
        #expect(try parse(w.bytes) == .list((0..<2001).map { .int($0) }))
    }

    @Test(arguments: Python3Fixture.allCases)
    func python3NumpyPickles(fixture: Python3Fixture) throws {
        let bytes = try #require(Data(base64Encoded: fixture.base64, options: .ignoreUnknownCharacters))
        let value = try parse(Array(bytes))
        guard case let .array(array)? = value["data"] else {
            Issue.record("\(fixture): 'data' is \(String(describing: value["data"]))")
            return
        }
        #expect(array.shape == [2, 3072])
        #expect(array.data == CIFARFixture.image(0) + CIFARFixture.image(1))
        let labels = value["labels"]
        if case let .array(l)? = labels {
            #expect(l.dtype == NumpyDType(kind: "i", itemSize: 8))
            #expect(l.integers() == [1, 4])
        } else {
            #expect(labels == .list([.int(1), .int(4)]))
        }
        #expect(value["batch_label"] == .string("training batch 1 of 5"))
    }

    @Test func int64ArrayBigEndianAndSigned() {
        let array = NumpyArray(dtype: NumpyDType(code: ">i2")!, shape: [2], data: [0xFF, 0xFE, 0x01, 0x00])
        #expect(array.integers() == [-2, 256])
    }

    @Test func truncatedInsideAString() {
        // BINSTRING announcing 100 bytes, 3 present.
        expectError([0x80, 2, 0x54, 100, 0, 0, 0, 1, 2, 3]) {
            guard case let .truncatedFile(_, expected, actual, _) = $0 else { return false }
            return expected == 107 && actual == 10
        }
    }

    @Test func missingStop() {
        expectError([0x80, 2, 0x4E]) { if case .truncatedFile = $0 { return true } else { return false } }
    }

    @Test func unknownOpcodeNamesOffsetAndOpcode() {
        expectError([0x80, 2, 0x4E, 0xFF]) {
            $0 == .malformedPickle(path: "/tmp/example.pkl", offset: 3, opcode: 0xFF, message: "unsupported opcode")
                && $0.description.contains("offset 3") && $0.description.contains("0xFF")
        }
    }

    @Test func stackUnderflowAndBadMemo() {
        expectError([0x80, 2, 0x85, 0x2E]) { if case .malformedPickle(_, 2, 0x85, _) = $0 { return true } else { return false } }
        expectError([0x80, 2, 0x68, 7, 0x2E]) { if case .malformedPickle(_, 2, 0x68, _) = $0 { return true } else { return false } }
    }

    @Test func arrayWithTooFewBytesIsMalformed() {
        var w = Python2PickleWriter()
        w.uint8Array([1, 2, 3], rows: 2, columns: 2)
        w.op(0x2E)
        expectError(w.bytes) { error in
            guard case let .malformedPickle(_, _, opcode, message) = error else { return false }
            return opcode == 0x62 && message.contains("needs 4 bytes")
        }
    }

    @Test func selfContainingListIsAnErrorNotACrash() {
        // L = []; L.append(L)
        expectError([0x80, 2, 0x5D, 0x71, 0, 0x68, 0, 0x61, 0x2E]) { if case .malformedPickle = $0 { return true } else { return false } }
    }
}
