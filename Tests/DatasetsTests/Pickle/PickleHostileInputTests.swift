import Testing
@testable import Datasets

/// Crafted pickles (`HostilePickles`) end in a one-line `DatasetError`, never a crash or a hang.
/// The recursive reader these replace overflowed the stack on the nesting tests (building,
/// converting or releasing the deep tree) and never finished the doubling ones.
@Suite struct PickleHostileInputTests {
    typealias O = PickleOpcode
    private let path = "/tmp/hostile.pkl"

    /// The error of parsing `bytes` (recording an issue when there is none).
    private func parseError(_ bytes: [UInt8], limits: PickleLimits = .default) -> DatasetError? {
        do {
            let value = try PickleReader.parse(bytes, path: path, limits: limits)
            Issue.record("expected an error, got a \(value.kindName)")
            return nil
        } catch {
            #expect(error.description.hasPrefix(path + ": "))
            #expect(!error.description.contains("\n"))
            return error
        }
    }

    // MARK: Nesting

    @Test(arguments: [100_000, 1_000_000])
    func deeplyNestedListsFailAtTheDepthCap(levels: Int) throws {
        let error = try #require(parseError(HostilePickles.nestedLists(levels)))
        // The 1000th APPEND makes level 1001: offset 2 + levels + 999.
        #expect(error == .malformedPickle(
            path: path, offset: 2 + levels + 999, opcode: O.append,
            message: "nesting deeper than 1000 levels (PickleLimits.maximumDepth)"))
    }

    @Test(arguments: [100_000, 1_000_000])
    func deeplyNestedTuplesFailAtTheDepthCap(levels: Int) throws {
        let error = try #require(parseError(HostilePickles.nestedTuples(levels)))
        // The 1001st MARK, at offset 2 + 1000.
        #expect(error == .malformedPickle(
            path: path, offset: 1002, opcode: O.mark, message: "nesting deeper than 1000 levels (PickleLimits.maximumDepth)"))
    }

    @Test(arguments: [100_000, 1_000_000])
    func nestingBuiltThroughTheMemoFailsAtStop(levels: Int) throws {
        // Every list is appended while empty, so only the conversion at STOP sees the depth. A
        // level builds 2 elements (a list and the reference to it); the limits leave room for them.
        let bytes = HostilePickles.nestedListsThroughMemo(levels)
        let error = try #require(parseError(bytes, limits: PickleLimits(maximumElements: 2 * levels + 1)))
        #expect(error == .malformedPickle(
            path: path, offset: bytes.count - 1, opcode: O.stop,
            message: "nesting deeper than 1000 levels (PickleLimits.maximumDepth)"))
    }

    @Test func aMillionLevelsThroughTheMemoStopAtTheElementsCap() throws {
        // With the default 2,000,000 elements, level 1,000,000's APPEND is element 2,000,001.
        let error = try #require(parseError(HostilePickles.nestedListsThroughMemo(1_000_000)))
        #expect(error == .malformedPickle(
            path: path, offset: 5 + 7 * 999_999 + 3, opcode: O.append,
            message: "more than 2000000 elements built (PickleLimits.maximumElements)"))
    }

    @Test func nestingAtTheDepthCapIsDecoded() throws {
        let value = try PickleReader.parse(HostilePickles.nestedLists(1_000), path: path)
        #expect(HostilePickles.depth(of: value) == 1_000)
        var expected: PickleValue = .list([])
        for _ in 1..<1_000 { expected = .list([expected]) }
        // Comparing, describing and releasing a value at the cap recurse 1000 levels: safe.
        #expect(value == expected)
        #expect(String(describing: value).components(separatedBy: "list(").count - 1 == 1_000)
        #expect(parseError(HostilePickles.nestedLists(1_001)) != nil)
    }

    @Test func aListInsideItselfThroughTheMemoIsAnError() throws {
        // L = []; M = [L]; L.append(M): a cycle of two lists.
        let bytes = HostilePickles.header + [O.emptyList, O.binPut, 0, O.emptyList, O.binGet, 0, O.append, O.append, O.stop]
        let error = try #require(parseError(bytes))
        guard case let .malformedPickle(_, _, opcode, message) = error else { Issue.record("\(error)"); return }
        #expect(opcode == O.stop)
        #expect(message == "a container that contains itself (recursive structures are not supported)")
    }

    // MARK: Shared references

    @Test(arguments: HostilePickles.Sharing.allCases)
    func doublingSixtyLevelsIsRefusedByItsExpandedSize(sharing: HostilePickles.Sharing) throws {
        // 2^61 - 1 tuples once expanded; built, 61 nodes.
        let bytes = HostilePickles.doubling(60, sharing: sharing)
        let error = try #require(parseError(bytes))
        #expect(error == .malformedPickle(
            path: path, offset: bytes.count - 1, opcode: O.stop,
            message: "the value expands to more than 2000000 elements, shared objects counted at each reference (PickleLimits.maximumElements)"))
    }

    @Test(arguments: HostilePickles.Sharing.allCases)
    func doublingSharedBytesCountsEveryReference(sharing: HostilePickles.Sharing) throws {
        // A 1000-byte value referenced 2^k times expands to 1000 * 2^k bytes.
        let raw = (0..<1_000).map { UInt8($0 % 256) }
        let seed = HostilePickles.bytesValue(raw)
        let limits = PickleLimits(maximumDecodedBytes: 1_000_000)

        let value = try PickleReader.parse(HostilePickles.doubling(9, sharing: sharing, seed: seed), path: path, limits: limits)
        var expected: PickleValue = .bytes(raw)
        for _ in 0..<9 { expected = .tuple([expected, expected]) }
        #expect(value == expected)

        let error = try #require(parseError(HostilePickles.doubling(10, sharing: sharing, seed: seed), limits: limits))
        guard case let .malformedPickle(_, _, opcode, message) = error else { Issue.record("\(error)"); return }
        #expect(opcode == O.stop)
        #expect(message == "the value expands to more than 1000000 bytes of str, bytes and array data, shared objects counted at each reference (PickleLimits.maximumDecodedBytes)")
    }

    // MARK: Lengths and memo keys

    /// An opcode announcing `announced` bytes, with 3 bytes present.
    struct HugeLength: CustomTestStringConvertible, Sendable {
        var opcode: UInt8
        var width: Int
        var announced: UInt64
        var testDescription: String { "\(PickleOpcode.describe(opcode)) of \(announced)" }
    }

    @Test(arguments: [
        HugeLength(opcode: O.binBytes, width: 4, announced: 0xFFFF_FFFF),
        HugeLength(opcode: O.binUnicode, width: 4, announced: 0xFFFF_FFFF),
        HugeLength(opcode: O.binString, width: 4, announced: 0x7FFF_FFFF),
        HugeLength(opcode: O.binBytes8, width: 8, announced: 1 << 62),
        HugeLength(opcode: O.binUnicode8, width: 8, announced: 1 << 62),
    ])
    func hugeDeclaredLengthIsATruncatedFile(length: HugeLength) throws {
        let bytes = HostilePickles.header + [length.opcode] + HostilePickles.littleEndian(length.announced, width: length.width) + [1, 2, 3]
        let error = try #require(parseError(bytes))
        let start = 3 + length.width
        #expect(error == .truncatedFile(
            path: path, expectedBytes: start + Int(length.announced), actualBytes: bytes.count,
            detail: "pickle opcode \(PickleOpcode.describe(length.opcode)) at offset 2 needs \(length.announced) more bytes at offset \(start)"))
    }

    @Test func lengthAboveIntMaxIsATruncatedFile() throws {
        let bytes = HostilePickles.header + [O.binBytes8] + HostilePickles.littleEndian(.max, width: 8)
        let error = try #require(parseError(bytes))
        guard case let .truncatedFile(_, expected, actual, detail) = error else { Issue.record("\(error)"); return }
        #expect(expected == nil && actual == bytes.count)
        #expect(detail.contains("announces \(UInt64.max) bytes"))
    }

    @Test func memoIndexOutOfRange() throws {
        // Memo 0 holds None; BINGET 1, LONG_BINGET 2^32 - 1 and GET 12 were never stored.
        let stored = HostilePickles.header + [O.none, O.binPut, 0]
        let gets: [(bytes: [UInt8], key: Int)] = [
            ([O.binGet, 1], 1), ([O.longBinGet, 0xFF, 0xFF, 0xFF, 0xFF], 0xFFFF_FFFF), ([O.get] + Array("12\n".utf8), 12),
        ]
        for (get, key) in gets {
            let error = try #require(parseError(stored + get + [O.stop]))
            #expect(error == .malformedPickle(path: path, offset: 5, opcode: get[0], message: "memo key \(key) was never stored"))
        }
    }

    // MARK: Messages

    @Test func untrustedTextInMessagesIsOneShortLine() throws {
        // INT with 100,000 digits, and a global named "a\nb.c" given to BUILD.
        let longInt = [O.int] + [UInt8](repeating: 0x39, count: 100_000) + [0x0A, O.stop]
        let long = try #require(parseError(longInt))
        #expect(long.description.count < 400)
        #expect(long.description.hasSuffix("'" + String(repeating: "9", count: 120) + "...' is not a 64-bit integer"))

        let global = HostilePickles.header + [O.shortBinUnicode, 3, 0x61, 0x0A, 0x62, O.shortBinUnicode, 1, 0x63, O.stackGlobal, O.none, O.build, O.stop]
        let build = try #require(parseError(global))
        #expect(build == .malformedPickle(path: path, offset: 12, opcode: O.build, message: "BUILD on a a\\nb.c, expected an object"))
    }
}
