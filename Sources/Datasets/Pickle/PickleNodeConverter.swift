/// Converts the reader's node graph (`PickleNode`, an arena of indices) to a `PickleValue` tree,
/// without recursion: a depth-first walk with an explicit path, each node converted once.
///
/// A node referenced several times is converted once and its value shared (Swift arrays are
/// copy-on-write, so sharing costs no copy). Its expanded size is counted at every reference: for
/// node n, `elements(n) = 1 + sum of elements(child)` and `bytes(n) = dataByteCount(n) + sum of
/// bytes(child)`, each checked against `PickleLimits.maximumElements` / `maximumDecodedBytes` as
/// soon as it is known. So a graph of n nodes whose value would expand to 2^n elements is refused
/// after O(n) work, and every value returned can be walked by a consumer in bounded time.
/// Nesting is measured exactly (`depth(n) = 1 + max depth(child)`, 0 for a leaf) and bounded by
/// `maximumDepth`; a container that contains itself is an error.
struct PickleNodeConverter {
    let nodes: [PickleNode]
    let limits: PickleLimits

    private enum Mark { case new, open, done }

    /// What the walk knows of a node: where it is, and when done, its exact depth and expanded size.
    private struct Progress {
        var mark = Mark.new
        var depth = 0
        var elements = 0
        var bytes = 0
    }

    private var progress: [Progress]
    private var values: [PickleValue]
    /// The open containers from the root down, with the next reference of each to visit.
    private var path: [(node: Int, next: Int)] = []

    init(nodes: [PickleNode], limits: PickleLimits) {
        self.nodes = nodes
        self.limits = limits
        progress = Array(repeating: Progress(), count: nodes.count)
        values = Array(repeating: .none, count: nodes.count)
    }

    /// The value of node `root`; the error message says what went wrong (the caller adds the file).
    mutating func value(of root: Int) throws(PickleConversionError) -> PickleValue {
        try enter(root)
        while let (node, next) = path.last {
            if let child = nodes[node].reference(next) {
                path[path.count - 1].next = next + 1
                try enter(child)
            } else {
                try finish(node)
                path.removeLast()
            }
        }
        return values[root]
    }

    /// Visits node `i`: a leaf is done at once, a container is opened (pushed on the path).
    private mutating func enter(_ i: Int) throws(PickleConversionError) {
        switch progress[i].mark {
        case .done:
            return
        case .open:
            throw PickleConversionError(message: "a container that contains itself (recursive structures are not supported)")
        case .new:
            if let value = nodes[i].value {
                let bytes = value.dataByteCount
                guard bytes <= limits.maximumDecodedBytes else { throw bytesError() }
                progress[i] = Progress(mark: .done, depth: 0, elements: 1, bytes: bytes)
                values[i] = value
                return
            }
            guard path.count < limits.maximumDepth else { throw PickleConversionError(message: limits.depthMessage) }
            progress[i].mark = .open
            path.append((i, 0))
        }
    }

    /// Completes container `i`, whose references are all done: checks its depth and expanded
    /// size, then builds its value from theirs.
    private mutating func finish(_ i: Int) throws(PickleConversionError) {
        let node = nodes[i]
        var done = Progress(mark: .done, depth: 0, elements: 1, bytes: 0)
        var k = 0
        while let child = node.reference(k) {
            let p = progress[child]
            done.depth = max(done.depth, p.depth)
            // Both sums stay below their caps, so neither can overflow.
            done.elements += p.elements
            guard done.elements <= limits.maximumElements else { throw elementsError() }
            done.bytes += p.bytes
            guard done.bytes <= limits.maximumDecodedBytes else { throw bytesError() }
            k += 1
        }
        done.depth += 1
        guard done.depth <= limits.maximumDepth else { throw PickleConversionError(message: limits.depthMessage) }
        progress[i] = done
        values[i] = build(node)
    }

    /// The value of a container whose references are all converted.
    private func build(_ node: PickleNode) -> PickleValue {
        let items = node.children.map { values[$0] }
        switch node.kind {
        case .tuple, .leaf:  // a leaf has a value, so it is done on entry and never built
            return .tuple(items)
        case .list:
            return .list(items)
        case .dict:
            return .dict(stride(from: 0, to: items.count - 1, by: 2).map { .init(key: items[$0], value: items[$0 + 1]) })
        case let .object(callable, state):
            let (module, name) = Self.names(of: nodes[callable])
            return .object(PickleObject(module: module, name: name, arguments: items, state: state.map { values[$0] }))
        }
    }

    /// Module and name of a callable, which the reader only accepts as a `.global` leaf.
    static func names(of callable: PickleNode) -> (module: String, name: String) {
        if case let .global(module, name)? = callable.value { return (module, name) }
        return ("?", "?")
    }

    private func elementsError() -> PickleConversionError {
        PickleConversionError(message:
            "the value expands to more than \(limits.maximumElements) elements, shared objects counted at each reference (PickleLimits.maximumElements)")
    }

    private func bytesError() -> PickleConversionError {
        PickleConversionError(message:
            "the value expands to more than \(limits.maximumDecodedBytes) bytes of str, bytes and array data, shared objects counted at each reference (PickleLimits.maximumDecodedBytes)")
    }
}

/// Why a node graph could not be converted; the reader turns it into a `DatasetError`.
struct PickleConversionError: Error {
    var message: String
}
