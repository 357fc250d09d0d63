/// The reader's working form of a value. Python containers are mutable and shared: a list is
/// memoized (BINPUT) while still empty and filled later (APPENDS), and a GET must see the
/// filled list. So lists, dicts and objects are reference boxes while the stack machine runs,
/// and the result is converted to the value tree `PickleValue` once, at STOP.
enum PickleNode {
    /// An immutable leaf (none, bool, int, float, bytes, str, global, array, dtype).
    case leaf(PickleValue)
    case tuple([PickleNode])
    case list(ListBox)
    case dict(DictBox)
    case object(ObjectBox)

    final class ListBox {
        var items: [PickleNode] = []
        init(_ items: [PickleNode] = []) { self.items = items }
    }

    final class DictBox {
        var entries: [(key: PickleNode, value: PickleNode)] = []
    }

    /// `module.name(*arguments)` with its BUILD state; `resolved` is set when the reader has
    /// recognised the object (a numpy array or dtype) and decoded it.
    final class ObjectBox {
        let module: String
        let name: String
        let arguments: [PickleNode]
        var state: PickleNode?
        var resolved: PickleValue?

        init(module: String, name: String, arguments: [PickleNode]) {
            self.module = module
            self.name = name
            self.arguments = arguments
        }
    }

    /// A short name of the node's kind for messages.
    var kindName: String {
        switch self {
        case let .leaf(value): return value.kindName
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case let .object(box): return box.resolved?.kindName ?? "\(box.module).\(box.name) object"
        }
    }
}

/// Converts the node graph to values. Shared boxes are converted once (a cache), a box that
/// contains itself is an error, and nesting is bounded so that no input can exhaust the stack.
struct PickleNodeConverter {
    /// Deepest nesting accepted; data files nest 3 or 4 levels.
    static let maximumDepth = 500

    private var done: [ObjectIdentifier: PickleValue] = [:]
    private var inProgress: Set<ObjectIdentifier> = []

    /// The value of `node`; the error message says what went wrong (the caller adds the file).
    mutating func value(of node: PickleNode, depth: Int = 0) throws(PickleConversionError) -> PickleValue {
        guard depth < Self.maximumDepth else {
            throw PickleConversionError(message: "values nested deeper than \(Self.maximumDepth) levels")
        }
        switch node {
        case let .leaf(value):
            return value
        case let .tuple(items):
            return .tuple(try values(of: items, depth: depth))
        case let .list(box):
            return try cached(box) { (c: inout PickleNodeConverter) throws(PickleConversionError) in
                .list(try c.values(of: box.items, depth: depth))
            }
        case let .dict(box):
            return try cached(box) { (c: inout PickleNodeConverter) throws(PickleConversionError) in
                var entries: [PickleValue.Entry] = []
                entries.reserveCapacity(box.entries.count)
                for (key, value) in box.entries {
                    entries.append(.init(key: try c.value(of: key, depth: depth + 1), value: try c.value(of: value, depth: depth + 1)))
                }
                return .dict(entries)
            }
        case let .object(box):
            if let resolved = box.resolved { return resolved }
            return try cached(box) { (c: inout PickleNodeConverter) throws(PickleConversionError) in
                let arguments = try c.values(of: box.arguments, depth: depth)
                let state = try box.state.map { (s: PickleNode) throws(PickleConversionError) in try c.value(of: s, depth: depth + 1) }
                return .object(PickleObject(module: box.module, name: box.name, arguments: arguments, state: state))
            }
        }
    }

    private mutating func values(of nodes: [PickleNode], depth: Int) throws(PickleConversionError) -> [PickleValue] {
        var out: [PickleValue] = []
        out.reserveCapacity(nodes.count)
        for node in nodes { out.append(try value(of: node, depth: depth + 1)) }
        return out
    }

    private mutating func cached(
        _ box: AnyObject, _ convert: (inout PickleNodeConverter) throws(PickleConversionError) -> PickleValue
    ) throws(PickleConversionError) -> PickleValue {
        let id = ObjectIdentifier(box)
        if let value = done[id] { return value }
        guard inProgress.insert(id).inserted else {
            throw PickleConversionError(message: "a container that contains itself (recursive structures are not supported)")
        }
        let value = try convert(&self)
        inProgress.remove(id)
        done[id] = value
        return value
    }
}

/// Why a node graph could not be converted; the reader turns it into a `DatasetError`.
struct PickleConversionError: Error {
    var message: String
}
