/// The stack machine's stack and memo. Both hold node indices (`PickleNode`), so DUP and GET
/// push a second reference to the same node, never a copy. A MARK hides the values below it:
/// POP, DUP and the like see only what was pushed since the last MARK.
extension PickleReader {
    /// Pushes node `index`; the stack holds at most `limits.maximumElements` values.
    mutating func push(_ index: Int) throws(DatasetError) {
        guard stack.count < limits.maximumElements else {
            throw malformed("more than \(limits.maximumElements) values on the stack (PickleLimits.maximumElements)")
        }
        stack.append(index)
    }

    mutating func pop() throws(DatasetError) -> Int {
        guard stack.count > (marks.last ?? 0), let value = stack.popLast() else {
            throw malformed("stack underflow")
        }
        return value
    }

    /// The top `count` values, bottom first.
    mutating func pop(_ count: Int) throws(DatasetError) -> [Int] {
        guard stack.count - (marks.last ?? 0) >= count else { throw malformed("stack underflow") }
        let values = Array(stack[(stack.count - count)...])
        stack.removeLast(count)
        return values
    }

    /// The values pushed since the last MARK, bottom first, and that MARK removed.
    mutating func popMark() throws(DatasetError) -> [Int] {
        guard let mark = marks.popLast() else { throw malformed("no MARK on the stack") }
        let values = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return values
    }

    func top() throws(DatasetError) -> Int {
        guard stack.count > (marks.last ?? 0), let value = stack.last else {
            throw malformed("stack underflow")
        }
        return value
    }

    func topDict() throws(DatasetError) -> Int {
        let index = try top()
        guard nodes[index].kind == .dict else { throw malformed("expected a dict below the items, got \(kindName(index))") }
        return index
    }

    func topList() throws(DatasetError) -> Int {
        let index = try top()
        guard nodes[index].kind == .list else { throw malformed("expected a list below the items, got \(kindName(index))") }
        return index
    }

    // MARK: Memo

    /// PUT / BINPUT / LONG_BINPUT / MEMOIZE: stores the top of the stack under `key`. At most
    /// `limits.maximumMemoEntries` distinct keys; storing again under a key replaces its value.
    mutating func memoize(_ key: Int) throws(DatasetError) {
        let value = try top()
        guard memo.count < limits.maximumMemoEntries || memo[key] != nil else {
            throw malformed("more than \(limits.maximumMemoEntries) memo entries (PickleLimits.maximumMemoEntries)")
        }
        memo[key] = value
    }

    func memoKey(_ value: PickleValue) throws(DatasetError) -> Int {
        guard case let .int(key) = value, key >= 0 else { throw malformed("invalid memo key") }
        return key
    }

    func memoValue(_ key: Int) throws(DatasetError) -> Int {
        guard let value = memo[key] else { throw malformed("memo key \(key) was never stored") }
        return value
    }
}
