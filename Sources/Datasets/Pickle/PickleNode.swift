/// One node of the reader's working graph.
///
/// Python containers are mutable and shared: a list is memoized (BINPUT) while still empty and
/// filled later (APPENDS), and a GET must see the filled list. So the reader keeps every value it
/// builds in one flat array, the arena `PickleReader.nodes`, and refers to nodes by index: the
/// stack, the memo and a container's children are indices into it. A shared object is stored once
/// however often it is referenced, and no node holds another by value, so releasing a graph a
/// million levels deep is one pass over an array, never a million nested deinits. The result is
/// converted to the value tree `PickleValue` once, at STOP (`PickleNodeConverter`).
struct PickleNode {
    enum Kind: Equatable {
        /// An immutable value (none, bool, int, float, bytes, str, global, array, dtype) in `value`.
        case leaf
        case tuple
        case list
        /// `children` alternate keys and values, in pickle order.
        case dict
        /// `callable(*children)` (REDUCE, NEWOBJ): `callable` is the index of its `.global` leaf,
        /// `state` the index of the value BUILD gave it.
        case object(callable: Int, state: Int?)
    }

    var kind: Kind
    /// Indices of the items (tuple, list), keys and values (dict) or arguments (object).
    var children: [Int] = []
    /// A leaf's value, or the decoded value of an object the reader recognised (a numpy array
    /// or dtype); `nil` for containers and other objects.
    var value: PickleValue?
    /// Levels of nesting: 0 for a leaf or recognised object, 1 + the largest child's for a
    /// container, as known when the node last changed. A list filled after it was put in another
    /// container leaves that container's height stale, so this is a lower bound used to fail
    /// early; `PickleNodeConverter` measures the exact depth.
    var height = 0

    /// A leaf holding `value`.
    static func leaf(_ value: PickleValue) -> PickleNode {
        PickleNode(kind: .leaf, value: value)
    }

    /// Whether the node converts to its `value` as is (a leaf or a recognised object).
    var isFinal: Bool { value != nil }

    /// The BUILD state of an object.
    var state: Int? {
        if case let .object(_, state) = kind { return state }
        return nil
    }

    /// Reference `k` of the node: child `k`, then an object's state; `nil` past the last.
    func reference(_ k: Int) -> Int? {
        k < children.count ? children[k] : (k == children.count ? state : nil)
    }
}

extension PickleValue {
    /// Bytes of data the value holds itself (not counting nested values): a str's UTF-8, a byte
    /// string's, a numpy array's element bytes; 0 for the rest.
    var dataByteCount: Int {
        switch self {
        case let .bytes(b): return b.count
        case let .string(s): return s.utf8.count
        case let .array(a): return a.data.count
        default: return 0
        }
    }
}
