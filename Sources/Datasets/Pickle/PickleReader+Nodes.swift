/// Building nodes in the arena under the limits: every new node and every reference a container
/// takes counts one element against `PickleLimits.maximumElements`, every str and bytes value its
/// size against `maximumDecodedBytes`, and a container's height (1 + its largest child's) is
/// checked against `maximumDepth` as it grows, so straight nesting fails at the level that breaks
/// the cap instead of at STOP.
extension PickleReader {
    /// Adds a leaf holding `value` and pushes it.
    mutating func push(leaf value: PickleValue) throws(DatasetError) {
        try push(try add(leaf: value))
    }

    /// Adds a leaf holding `value`; its str or bytes count against `maximumDecodedBytes` (an
    /// array leaf shares the bytes of the value it was decoded from, counted then).
    mutating func add(leaf value: PickleValue) throws(DatasetError) -> Int {
        if case .array = value {} else { try chargeBytes(value.dataByteCount) }
        return try add(.leaf(value))
    }

    /// Adds a container (tuple, list, dict) holding `children`.
    mutating func add(_ kind: PickleNode.Kind, children: [Int]) throws(DatasetError) -> Int {
        try add(PickleNode(kind: kind, children: children, height: try height(over: children, from: 0)))
    }

    /// Adds `callable(*arguments)`, `callable` a `.global` leaf.
    mutating func add(object callable: Int, arguments: [Int]) throws(DatasetError) -> Int {
        try add(PickleNode(kind: .object(callable: callable, state: nil), children: arguments, height: try height(over: arguments, from: 0)))
    }

    /// Appends `node` to the arena and returns its index.
    mutating func add(_ node: PickleNode) throws(DatasetError) -> Int {
        try chargeElements(1 + node.children.count)
        nodes.append(node)
        return nodes.count - 1
    }

    /// APPEND / APPENDS: adds `items` to list `index`.
    mutating func addReferences(_ items: [Int], to index: Int) throws(DatasetError) {
        try chargeElements(items.count)
        let height = try height(over: items, from: nodes[index].height)
        nodes[index].children.append(contentsOf: items)
        nodes[index].height = height
    }

    /// SETITEM / SETITEMS / DICT: adds alternating keys and values to dict `index`.
    mutating func addItems(_ items: [Int], to index: Int) throws(DatasetError) {
        guard items.count.isMultiple(of: 2) else { throw malformed("odd number of items for a dict") }
        try addReferences(items, to: index)
    }

    /// BUILD: gives object `index` its state.
    mutating func setState(_ state: Int, of index: Int, callable: Int) throws(DatasetError) {
        let height = try height(over: [state], from: nodes[index].height)
        if nodes[index].state == nil { try chargeElements(1) }
        nodes[index].kind = .object(callable: callable, state: state)
        nodes[index].height = height
    }

    /// `max(current, 1 + the largest height of children)`, checked against `maximumDepth`.
    private func height(over children: [Int], from current: Int) throws(DatasetError) -> Int {
        var height = max(current, 1)
        for child in children { height = max(height, nodes[child].height + 1) }
        guard height <= limits.maximumDepth else { throw malformed(limits.depthMessage) }
        return height
    }

    // MARK: Looking at nodes

    /// The value of a leaf, else `nil`.
    func leafValue(_ index: Int) -> PickleValue? {
        nodes[index].kind == .leaf ? nodes[index].value : nil
    }

    /// The items of a tuple, else `nil`.
    func tupleItems(_ index: Int) -> [Int]? {
        nodes[index].kind == .tuple ? nodes[index].children : nil
    }

    /// `module.name` of an object's callable.
    func qualifiedName(ofCallable callable: Int) -> String {
        let (module, name) = PickleNodeConverter.names(of: nodes[callable])
        return module + "." + name
    }

    /// A short name of the node's kind for messages.
    func kindName(_ index: Int) -> String {
        let node = nodes[index]
        switch node.kind {
        case .leaf: return node.value?.kindName ?? "None"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case let .object(callable, _): return node.value?.kindName ?? messageSnippet(qualifiedName(ofCallable: callable)) + " object"
        }
    }
}
