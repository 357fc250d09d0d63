import Foundation
import Checks

/// How one submission's checks are divided between processes that grade it side by side: the
/// longest first, each to the process with the least so far (by `Check.cost`; ties to the
/// earlier process and in catalog order). The split depends only on the checks, so a
/// submission is graded the same way every time.
enum CheckShares {
    /// `count` shares of `checks`, each in catalog order.
    static func split(_ checks: [Check], into count: Int) -> [[Check]] {
        guard count > 1 else { return [checks] }
        var load = [Int](repeating: 0, count: count)
        var assigned = [[Int]](repeating: [], count: count)
        let order = checks.indices.sorted { checks[$0].cost != checks[$1].cost ? checks[$0].cost > checks[$1].cost : $0 < $1 }
        for i in order {
            let k = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            load[k] += checks[i].cost
            assigned[k].append(i)
        }
        return assigned.map { $0.sorted().map { checks[$0] } }
    }
}

/// Fixed slots written by concurrent workers, one slot each.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}

/// A value handed to concurrent workers that only use it one at a time (callbacks serialized by
/// their own lock).
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
