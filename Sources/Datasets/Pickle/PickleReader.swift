import Foundation

/// A minimal reader of Python pickles, protocols 0 to 5: the stack machine of CPython's
/// `pickle._Unpickler`, restricted to the opcodes that data files use (containers, numbers,
/// strings, bytes, memo, GLOBAL / STACK_GLOBAL, REDUCE, BUILD, NEWOBJ). Nothing is ever
/// executed: REDUCE and NEWOBJ record the call, and only a few callables are interpreted:
/// - `numpy.core.multiarray._reconstruct` (or `numpy._core...`) + BUILD with state
///   `(version, shape, dtype, is_fortran, raw)`, and `numpy.core.numeric._frombuffer(buf, dtype,
///   shape, order)` (protocol 5): a numpy array (`PickleValue.array`);
/// - `numpy.dtype(code, align, copy)` + BUILD with state `(3, byteorder, ...)`: a dtype;
/// - `numpy.core.multiarray.scalar(dtype, raw)`: a number;
/// - `_codecs.encode(text, 'latin1')` (how Python 3 writes `bytes` at protocols 0-2) and
///   `builtins.bytes` / `bytearray`: bytes.
///
/// The input is one `[UInt8]` read by offset; a string or bytes value is copied out once (so a
/// 30 MB CIFAR-10 batch costs one 30 MB copy). Reading past the end throws `truncatedFile`,
/// anything else unexpected `malformedPickle` with the opcode and its byte offset; never a trap.
public struct PickleReader {
    let bytes: [UInt8]
    let path: String
    var position = 0
    /// Offset and value of the opcode being executed, for error messages.
    var opcodeOffset = 0
    var opcode: UInt8 = 0
    var stack: [PickleNode] = []
    /// Stack heights at each open MARK.
    var marks: [Int] = []
    var memo: [Int: PickleNode] = [:]

    /// Decodes the pickle in `bytes`; `path` names its file in error messages.
    public static func parse(_ bytes: [UInt8], path: String) throws(DatasetError) -> PickleValue {
        var reader = PickleReader(bytes: bytes, path: path)
        return try reader.run()
    }

    /// Reads and decodes the pickle file at `url`.
    public static func read(contentsOf url: URL) throws(DatasetError) -> PickleValue {
        try parse(DataFile.read(url, what: "a Python pickle"), path: url.path)
    }

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func run() throws(DatasetError) -> PickleValue {
        while true {
            opcodeOffset = position
            guard position < bytes.count else {
                throw .truncatedFile(
                    path: path, expectedBytes: nil, actualBytes: bytes.count,
                    detail: "the pickle ends without a STOP opcode")
            }
            opcode = bytes[position]
            position += 1
            if opcode == PickleOpcode.stop { return try finish() }
            try execute(opcode)
        }
    }

    private mutating func execute(_ op: UInt8) throws(DatasetError) {
        typealias O = PickleOpcode
        switch op {
        // Framing and protocol.
        case O.proto:
            let version = try readByte()
            guard version <= 5 else { throw malformed("unsupported pickle protocol \(version)") }
        case O.frame: _ = try readLength(8)  // frames only group reads; the data is contiguous
        case O.readonlyBuffer: _ = try top()

        // Stack.
        case O.mark: marks.append(stack.count)
        case O.pop:
            if marks.last == stack.count { marks.removeLast() } else { _ = try pop() }
        case O.popMark: _ = try popMark()
        case O.dup: stack.append(try top())

        // Constants and numbers.
        case O.none: stack.append(.leaf(.none))
        case O.newTrue: stack.append(.leaf(.bool(true)))
        case O.newFalse: stack.append(.leaf(.bool(false)))
        case O.int: stack.append(.leaf(try textInt()))
        case O.long: stack.append(.leaf(.int(try textLong())))
        case O.binInt: stack.append(.leaf(.int(Int(Int32(truncatingIfNeeded: try readLittleEndian(4))))))
        case O.binInt1: stack.append(.leaf(.int(Int(try readByte()))))
        case O.binInt2: stack.append(.leaf(.int(Int(try readLittleEndian(2)))))
        case O.long1: stack.append(.leaf(.int(try binaryLong(byteCount: Int(try readByte())))))
        case O.long4: stack.append(.leaf(.int(try binaryLong(byteCount: try readSignedLength()))))
        case O.float: stack.append(.leaf(.float(try textFloat())))
        case O.binFloat: stack.append(.leaf(.float(Double(bitPattern: try readBigEndian(8)))))

        // Byte strings (Python 2 str, Python 3 bytes) and text.
        case O.string: stack.append(.leaf(.bytes(try quotedByteString())))
        case O.binString: stack.append(.leaf(.bytes(try readBytes(try readSignedLength()))))
        case O.shortBinString, O.shortBinBytes: stack.append(.leaf(.bytes(try readBytes(Int(try readByte())))))
        case O.binBytes: stack.append(.leaf(.bytes(try readBytes(try readLength(4)))))
        case O.binBytes8, O.byteArray8: stack.append(.leaf(.bytes(try readBytes(try readLength(8)))))
        case O.unicode: stack.append(.leaf(.string(try rawUnicodeEscapeLine())))
        case O.binUnicode: stack.append(.leaf(.string(try readUTF8(try readLength(4)))))
        case O.shortBinUnicode: stack.append(.leaf(.string(try readUTF8(Int(try readByte())))))
        case O.binUnicode8: stack.append(.leaf(.string(try readUTF8(try readLength(8)))))

        // Containers.
        case O.emptyDict: stack.append(.dict(PickleNode.DictBox()))
        case O.emptyList: stack.append(.list(PickleNode.ListBox()))
        case O.emptyTuple: stack.append(.tuple([]))
        case O.dict:
            let box = PickleNode.DictBox()
            try addItems(try popMark(), to: box)
            stack.append(.dict(box))
        case O.list: stack.append(.list(PickleNode.ListBox(try popMark())))
        case O.tuple: stack.append(.tuple(try popMark()))
        case O.tuple1: stack.append(.tuple(try pop(1)))
        case O.tuple2: stack.append(.tuple(try pop(2)))
        case O.tuple3: stack.append(.tuple(try pop(3)))
        case O.setItem:
            let pair = try pop(2)
            try addItems(pair, to: try topDict())
        case O.setItems:
            let items = try popMark()
            try addItems(items, to: try topDict())
        case O.append:
            let item = try pop()
            try topList().items.append(item)
        case O.appends:
            let items = try popMark()
            try topList().items.append(contentsOf: items)

        // Memo.
        case O.put: memo[try memoKey(try textInt())] = try top()
        case O.binPut: memo[Int(try readByte())] = try top()
        case O.longBinPut: memo[try readLength(4)] = try top()
        case O.memoize: memo[memo.count] = try top()
        case O.get: stack.append(try memoValue(try memoKey(try textInt())))
        case O.binGet: stack.append(try memoValue(Int(try readByte())))
        case O.longBinGet: stack.append(try memoValue(try readLength(4)))

        // Objects.
        case O.global:
            let module = try line(), name = try line()
            stack.append(.leaf(.global(module: try utf8Text(module), name: try utf8Text(name))))
        case O.stackGlobal:
            let names = try pop(2)
            guard case let .leaf(.string(module)) = names[0], case let .leaf(.string(name)) = names[1] else {
                throw malformed("STACK_GLOBAL needs two str, got \(names[0].kindName) and \(names[1].kindName)")
            }
            stack.append(.leaf(.global(module: module, name: name)))
        case O.reduce:
            let call = try pop(2)
            stack.append(try reduce(call[0], call[1]))
        case O.newObj:
            let call = try pop(2)
            stack.append(try newObject(call[0], call[1]))
        case O.build:
            let state = try pop()
            try build(state)

        default:
            throw malformed("unsupported opcode")
        }
    }

    /// STOP: the value on top of the stack, converted to a value tree.
    private mutating func finish() throws(DatasetError) -> PickleValue {
        guard let result = stack.last else { throw malformed("STOP with an empty stack") }
        var converter = PickleNodeConverter()
        do {
            return try converter.value(of: result)
        } catch {
            throw malformed(error.message)
        }
    }

    // MARK: Stack helpers

    mutating func pop() throws(DatasetError) -> PickleNode {
        guard stack.count > (marks.last ?? 0), let value = stack.popLast() else {
            throw malformed("stack underflow")
        }
        return value
    }

    /// The top `count` values, bottom first.
    mutating func pop(_ count: Int) throws(DatasetError) -> [PickleNode] {
        guard stack.count - (marks.last ?? 0) >= count else { throw malformed("stack underflow") }
        let values = Array(stack[(stack.count - count)...])
        stack.removeLast(count)
        return values
    }

    /// The values pushed since the last MARK, bottom first, and that MARK removed.
    mutating func popMark() throws(DatasetError) -> [PickleNode] {
        guard let mark = marks.popLast() else { throw malformed("no MARK on the stack") }
        let values = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return values
    }

    func top() throws(DatasetError) -> PickleNode {
        guard stack.count > (marks.last ?? 0), let value = stack.last else {
            throw malformed("stack underflow")
        }
        return value
    }

    private func topDict() throws(DatasetError) -> PickleNode.DictBox {
        let node = try top()
        guard case let .dict(box) = node else { throw malformed("expected a dict below the items, got \(node.kindName)") }
        return box
    }

    private func topList() throws(DatasetError) -> PickleNode.ListBox {
        let node = try top()
        guard case let .list(box) = node else { throw malformed("expected a list below the items, got \(node.kindName)") }
        return box
    }

    private func addItems(_ items: [PickleNode], to box: PickleNode.DictBox) throws(DatasetError) {
        guard items.count.isMultiple(of: 2) else { throw malformed("odd number of items for a dict") }
        box.entries.reserveCapacity(box.entries.count + items.count / 2)
        for i in stride(from: 0, to: items.count, by: 2) {
            box.entries.append((key: items[i], value: items[i + 1]))
        }
    }

    private func memoKey(_ value: PickleValue) throws(DatasetError) -> Int {
        guard case let .int(key) = value, key >= 0 else { throw malformed("invalid memo key") }
        return key
    }

    private func memoValue(_ key: Int) throws(DatasetError) -> PickleNode {
        guard let value = memo[key] else { throw malformed("memo key \(key) was never stored") }
        return value
    }

    /// A `malformedPickle` error at the current opcode.
    func malformed(_ message: String) -> DatasetError {
        .malformedPickle(path: path, offset: opcodeOffset, opcode: opcode, message: message)
    }
}
