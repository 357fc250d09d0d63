@testable import Datasets

/// Crafted pickles, written opcode by opcode (protocol 2 header `\x80\x02`), that attack the
/// reader: deep nesting, shared references that double per level, lengths past the end.
enum HostilePickles {
    typealias O = PickleOpcode
    static let header: [UInt8] = [O.proto, 2]

    /// `levels` lists each holding the next: EMPTY_LIST x levels, then APPEND x (levels - 1),
    /// which puts each finished list into the one below it.
    static func nestedLists(_ levels: Int) -> [UInt8] {
        header + [UInt8](repeating: O.emptyList, count: levels) + [UInt8](repeating: O.append, count: levels - 1) + [O.stop]
    }

    /// `levels` tuples each holding the next: MARK x levels, then TUPLE x levels.
    static func nestedTuples(_ levels: Int) -> [UInt8] {
        header + [UInt8](repeating: O.mark, count: levels) + [UInt8](repeating: O.tuple, count: levels) + [O.stop]
    }

    /// `levels + 1` lists nested outside-in through the memo: each new list is appended to its
    /// parent while still empty (BINPUT 0, APPEND, POP, BINGET 0) and filled afterwards, so the
    /// parents' nesting grows only after they were built. The root is memo 1.
    static func nestedListsThroughMemo(_ levels: Int) -> [UInt8] {
        var bytes = header + [O.emptyList, O.binPut, 1]
        for _ in 0..<levels {
            bytes += [O.emptyList, O.binPut, 0, O.append, O.pop, O.binGet, 0]
        }
        return bytes + [O.pop, O.binGet, 1, O.stop]
    }

    /// How each doubling level references the previous one twice.
    enum Sharing: String, CaseIterable {
        /// DUP, TUPLE2: 2 bytes a level.
        case dup
        /// POP, BINGET 0, BINGET 0, TUPLE2, BINPUT 0: 8 bytes a level.
        case memo
    }

    /// "Billion laughs": `seed` then `levels` times `t = (t, t)`, a tuple whose expanded value has
    /// 2^levels copies of `seed` from a pickle of a few bytes per level.
    static func doubling(_ levels: Int, sharing: Sharing, seed: [UInt8] = [O.emptyTuple]) -> [UInt8] {
        var bytes = header + seed
        switch sharing {
        case .dup:
            for _ in 0..<levels { bytes += [O.dup, O.tuple2] }
        case .memo:
            bytes += [O.binPut, 0]
            for _ in 0..<levels { bytes += [O.pop, O.binGet, 0, O.binGet, 0, O.tuple2, O.binPut, 0] }
        }
        return bytes + [O.stop]
    }

    /// SHORT_BINBYTES of `raw` (at most 255 bytes), or BINBYTES for longer.
    static func bytesValue(_ raw: [UInt8]) -> [UInt8] {
        if raw.count < 256 { return [O.shortBinBytes, UInt8(raw.count)] + raw }
        return [O.binBytes] + littleEndian(UInt64(raw.count), width: 4) + raw
    }

    static func littleEndian(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// Nesting of `value`, counted without recursion: 0 for a leaf, 1 + the deepest element for
    /// a list, tuple, dict or object.
    static func depth(of value: PickleValue) -> Int {
        var deepest = 0
        var pending: [(PickleValue, Int)] = [(value, 0)]
        while let (v, level) = pending.popLast() {
            var children: [PickleValue] = []
            switch v {
            case let .list(items), let .tuple(items): children = items
            case let .dict(entries): children = entries.flatMap { [$0.key, $0.value] }
            case let .object(o): children = o.arguments + (o.state.map { [$0] } ?? [])
            default:
                deepest = max(deepest, level)
                continue
            }
            deepest = max(deepest, level + 1)
            pending += children.map { ($0, level + 1) }
        }
        return deepest
    }
}
