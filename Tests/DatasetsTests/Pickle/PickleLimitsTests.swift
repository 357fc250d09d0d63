import Foundation
import Testing
@testable import Datasets

/// Each cap of `PickleLimits`: a pickle just within it decodes, one just past it is a one-line
/// error naming the cap and its value. Small limits keep the pickles small; the last test shows
/// the defaults hold a full-size CIFAR-10 batch.
@Suite struct PickleLimitsTests {
    typealias O = PickleOpcode
    private let path = "/tmp/limits.pkl"

    private func parse(_ bytes: [UInt8], _ limits: PickleLimits) throws(DatasetError) -> PickleValue {
        try PickleReader.parse(bytes, path: path, limits: limits)
    }

    /// The `malformedPickle` opcode and message of parsing `bytes`, or `nil` with an issue.
    private func failure(_ bytes: [UInt8], _ limits: PickleLimits) -> (opcode: UInt8?, message: String)? {
        do {
            let value = try parse(bytes, limits)
            Issue.record("expected an error, got a \(value.kindName)")
        } catch {
            if case let .malformedPickle(p, _, opcode, message) = error, p == path { return (opcode, message) }
            Issue.record("expected a malformed pickle, got \(error)")
        }
        return nil
    }

    @Test func depthCapAppliesWhileBuildingAndAtStop() throws {
        let limits = PickleLimits(maximumDepth: 5)
        #expect(HostilePickles.depth(of: try parse(HostilePickles.nestedLists(5), limits)) == 5)
        #expect(HostilePickles.depth(of: try parse(HostilePickles.nestedListsThroughMemo(4), limits)) == 5)
        let built = try #require(failure(HostilePickles.nestedLists(6), limits))
        #expect(built.opcode == O.append && built.message == "nesting deeper than 5 levels (PickleLimits.maximumDepth)")
        let converted = try #require(failure(HostilePickles.nestedListsThroughMemo(5), limits))
        #expect(converted.opcode == O.stop && converted.message == "nesting deeper than 5 levels (PickleLimits.maximumDepth)")
    }

    @Test func memoEntriesCapCountsDistinctKeys() throws {
        let limits = PickleLimits(maximumMemoEntries: 3)
        // Keys 0, 1, 2, then key 0 five more times: 3 entries.
        var bytes = HostilePickles.header + [O.none, O.binPut, 0, O.binPut, 1, O.binPut, 2]
        for _ in 0..<5 { bytes += [O.binPut, 0] }
        #expect(try parse(bytes + [O.stop], limits) == .none)
        let broken = try #require(failure(bytes + [O.longBinPut, 3, 0, 0, 0, O.stop], limits))
        #expect(broken.opcode == O.longBinPut && broken.message == "more than 3 memo entries (PickleLimits.maximumMemoEntries)")
    }

    /// EMPTY_LIST, MARK, BININT1 0 ..< count, APPENDS: 1 + 2 count elements built.
    private func intList(_ count: Int) -> [UInt8] {
        HostilePickles.header + [O.emptyList, O.mark] + (0..<count).flatMap { [O.binInt1, UInt8($0)] } + [O.appends, O.stop]
    }

    @Test func elementsCapCountsNodesAndReferencesBuilt() throws {
        let limits = PickleLimits(maximumElements: 10)
        #expect(try parse(intList(4), limits) == .list((0..<4).map { .int($0) }))  // 9 elements
        let broken = try #require(failure(intList(5), limits))  // 11 elements
        #expect(broken.opcode == O.appends && broken.message == "more than 10 elements built (PickleLimits.maximumElements)")
    }

    @Test func elementsCapBoundsTheStack() throws {
        let limits = PickleLimits(maximumElements: 10)
        let none = HostilePickles.header + [O.none]
        #expect(try parse(none + [UInt8](repeating: O.dup, count: 9) + [O.stop], limits) == .none)
        let broken = try #require(failure(none + [UInt8](repeating: O.dup, count: 10) + [O.stop], limits))
        #expect(broken.opcode == O.dup && broken.message == "more than 10 values on the stack (PickleLimits.maximumElements)")
    }

    @Test func allocationCapBoundsEachOperand() throws {
        let limits = PickleLimits(maximumAllocationBytes: 16)
        let sixteen = [UInt8](repeating: 0x41, count: 16)
        #expect(try parse(HostilePickles.header + HostilePickles.bytesValue(sixteen) + [O.stop], limits) == .bytes(sixteen))
        let message = "an operand of 17 bytes, more than 16 (PickleLimits.maximumAllocationBytes)"
        let binary = try #require(failure(HostilePickles.header + HostilePickles.bytesValue(sixteen + [0x42]) + [O.stop], limits))
        #expect(binary.opcode == O.shortBinBytes && binary.message == message)
        // A protocol-0 operand is a line: UNICODE 'AAAAAAAAAAAAAAAAB\n'.
        let line = try #require(failure([O.unicode] + sixteen + [0x42, 0x0A, O.stop], limits))
        #expect(line.opcode == O.unicode && line.message == message)
    }

    @Test func decodedBytesCapCountsEveryValueBuilt() throws {
        let limits = PickleLimits(maximumDecodedBytes: 100)
        let forty = HostilePickles.bytesValue([UInt8](repeating: 7, count: 40))
        // Two values (80 bytes) fit, a third (120 bytes) does not, even unused by the result.
        #expect(try parse(HostilePickles.header + [O.mark] + forty + forty + [O.tuple, O.stop], limits).elements?.count == 2)
        let broken = try #require(failure(HostilePickles.header + [O.mark] + forty + forty + forty + [O.pop, O.tuple, O.stop], limits))
        #expect(broken.opcode == O.shortBinBytes && broken.message == "more than 100 bytes of str and bytes data built (PickleLimits.maximumDecodedBytes)")
    }

    @Test func inputCapIsCheckedBeforeDecodingAndBeforeReadingAFile() throws {
        let limits = PickleLimits(maximumInputBytes: 10)
        let bytes = HostilePickles.header + [O.mark] + [UInt8](repeating: O.none, count: 6) + [O.tuple, O.stop]  // 11 bytes
        #expect(try parse(Array(bytes.dropFirst(2)), limits).elements?.count == 6)
        #expect(throws: DatasetError.unexpectedContent(path: path, message: "a pickle of 11 bytes, more than 10 (PickleLimits.maximumInputBytes)")) {
            try parse(bytes, limits)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-limits-\(UUID().uuidString).pkl")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: DatasetError.unexpectedContent(path: file.path, message: "a pickle of 11 bytes, more than 10 (PickleLimits.maximumInputBytes)")) {
            try PickleReader.read(contentsOf: file, limits: limits)
        }
    }

    @Test func defaultsHoldAFullSizeCIFARBatch() throws {
        // 10,000 images of 3,072 bytes, 10,000 labels and file names, as cPickle wrote them.
        let count = 10_000
        // Byte i is i % 251, made by doubling (an element-wise map takes seconds in debug builds).
        var data = (0..<251).map { UInt8($0) }
        while data.count < count * 3072 { data += data.prefix(count * 3072 - data.count) }
        let labels = (0..<count).map { $0 % 10 }
        let names = (0..<count).map { "image_\($0).png" }
        let bytes = Python2PickleWriter.cifarBatch(data: data, labels: labels, batchLabel: "training batch 1 of 5", filenames: names)
        let value = try PickleReader.parse(bytes, path: path)
        guard case let .array(array)? = value["data"] else { Issue.record("'data' is \(String(describing: value["data"]))"); return }
        #expect(array.shape == [count, 3072])
        #expect(array.data == data)
        #expect(value["labels"] == .list(labels.map { .int($0) }))
        #expect(value["filenames"]?.elements?.compactMap(\.textValue) == names)
    }
}
