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
///
/// Hostile input is bounded by `PickleLimits` (depth, memo entries, input size, elements, decoded
/// bytes, single allocations), each breach a `malformedPickle` naming the cap. Nothing recurses
/// on the input's structure: values live in a flat arena of nodes referred to by index
/// (`PickleNode`), shared objects are stored once, and the conversion to `PickleValue` is an
/// iterative walk (`PickleNodeConverter`).
public struct PickleReader {
    let bytes: [UInt8]
    let path: String
    let limits: PickleLimits
    var position = 0
    /// Offset and value of the opcode being executed, for error messages.
    var opcodeOffset = 0
    var opcode: UInt8 = 0
    /// Every value built, referred to by index from the stack, the memo and other nodes.
    var nodes: [PickleNode] = []
    var stack: [Int] = []
    /// Stack heights at each open MARK.
    var marks: [Int] = []
    var memo: [Int: Int] = [:]
    /// Elements built so far (nodes, and references held by containers) and bytes of str and
    /// bytes values built, against `limits.maximumElements` and `maximumDecodedBytes`.
    var builtElements = 0
    var builtBytes = 0

    /// Decodes the pickle in `bytes`; `path` names its file in error messages.
    public static func parse(_ bytes: [UInt8], path: String, limits: PickleLimits = .default) throws(DatasetError) -> PickleValue {
        try checkInputSize(bytes.count, path: path, limits: limits)
        var reader = PickleReader(bytes: bytes, path: path, limits: limits)
        return try reader.run()
    }

    /// Reads and decodes the pickle file at `url`; `what` describes it for the missing-file
    /// message. A file larger than `limits.maximumInputBytes` is refused before it is read.
    public static func read(
        contentsOf url: URL, what: String = "a Python pickle", limits: PickleLimits = .default
    ) throws(DatasetError) -> PickleValue {
        try checkInputSize(DataFile.size(of: url, what: what), path: url.path, limits: limits)
        return try parse(DataFile.read(url, what: what), path: url.path, limits: limits)
    }

    init(bytes: [UInt8], path: String, limits: PickleLimits) {
        self.bytes = bytes
        self.path = path
        self.limits = limits
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
        case O.mark:
            guard marks.count < limits.maximumDepth else { throw malformed(limits.depthMessage) }
            marks.append(stack.count)
        case O.pop:
            if marks.last == stack.count { marks.removeLast() } else { _ = try pop() }
        case O.popMark: _ = try popMark()
        case O.dup: try push(try top())

        // Constants and numbers.
        case O.none: try push(leaf: .none)
        case O.newTrue: try push(leaf: .bool(true))
        case O.newFalse: try push(leaf: .bool(false))
        case O.int: try push(leaf: try textInt())
        case O.long: try push(leaf: .int(try textLong()))
        case O.binInt: try push(leaf: .int(Int(Int32(truncatingIfNeeded: try readLittleEndian(4)))))
        case O.binInt1: try push(leaf: .int(Int(try readByte())))
        case O.binInt2: try push(leaf: .int(Int(try readLittleEndian(2))))
        case O.long1: try push(leaf: .int(try binaryLong(byteCount: Int(try readByte()))))
        case O.long4: try push(leaf: .int(try binaryLong(byteCount: try readSignedLength())))
        case O.float: try push(leaf: .float(try textFloat()))
        case O.binFloat: try push(leaf: .float(Double(bitPattern: try readBigEndian(8))))

        // Byte strings (Python 2 str, Python 3 bytes) and text.
        case O.string: try push(leaf: .bytes(try quotedByteString()))
        case O.binString: try push(leaf: .bytes(try readBytes(try readSignedLength())))
        case O.shortBinString, O.shortBinBytes: try push(leaf: .bytes(try readBytes(Int(try readByte()))))
        case O.binBytes: try push(leaf: .bytes(try readBytes(try readLength(4))))
        case O.binBytes8, O.byteArray8: try push(leaf: .bytes(try readBytes(try readLength(8))))
        case O.unicode: try push(leaf: .string(try rawUnicodeEscapeLine()))
        case O.binUnicode: try push(leaf: .string(try readUTF8(try readLength(4))))
        case O.shortBinUnicode: try push(leaf: .string(try readUTF8(Int(try readByte()))))
        case O.binUnicode8: try push(leaf: .string(try readUTF8(try readLength(8))))

        // Containers.
        case O.emptyDict: try push(try add(.dict, children: []))
        case O.emptyList: try push(try add(.list, children: []))
        case O.emptyTuple: try push(try add(.tuple, children: []))
        case O.dict:
            let items = try popMark()
            guard items.count.isMultiple(of: 2) else { throw malformed("odd number of items for a dict") }
            try push(try add(.dict, children: items))
        case O.list: try push(try add(.list, children: try popMark()))
        case O.tuple: try push(try add(.tuple, children: try popMark()))
        case O.tuple1: try push(try add(.tuple, children: try pop(1)))
        case O.tuple2: try push(try add(.tuple, children: try pop(2)))
        case O.tuple3: try push(try add(.tuple, children: try pop(3)))
        case O.setItem:
            let pair = try pop(2)
            try addItems(pair, to: try topDict())
        case O.setItems:
            let items = try popMark()
            try addItems(items, to: try topDict())
        case O.append:
            let item = try pop()
            try addReferences([item], to: try topList())
        case O.appends:
            let items = try popMark()
            try addReferences(items, to: try topList())

        // Memo.
        case O.put: try memoize(try memoKey(try textInt()))
        case O.binPut: try memoize(Int(try readByte()))
        case O.longBinPut: try memoize(try readLength(4))
        case O.memoize: try memoize(memo.count)
        case O.get: try push(try memoValue(try memoKey(try textInt())))
        case O.binGet: try push(try memoValue(Int(try readByte())))
        case O.longBinGet: try push(try memoValue(try readLength(4)))

        // Objects.
        case O.global:
            let module = try line(), name = try line()
            try push(leaf: .global(module: try utf8Text(module), name: try utf8Text(name)))
        case O.stackGlobal:
            let names = try pop(2)
            guard case let .string(module)? = leafValue(names[0]), case let .string(name)? = leafValue(names[1]) else {
                throw malformed("STACK_GLOBAL needs two str, got \(kindName(names[0])) and \(kindName(names[1]))")
            }
            try push(leaf: .global(module: module, name: name))
        case O.reduce:
            let call = try pop(2)
            try push(try reduce(call[0], call[1]))
        case O.newObj:
            let call = try pop(2)
            try push(try newObject(call[0], call[1]))
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
        var converter = PickleNodeConverter(nodes: nodes, limits: limits)
        do {
            return try converter.value(of: result)
        } catch {
            throw malformed(error.message)
        }
    }

    /// A `malformedPickle` error at the current opcode.
    func malformed(_ message: String) -> DatasetError {
        .malformedPickle(path: path, offset: opcodeOffset, opcode: opcode, message: message)
    }
}
