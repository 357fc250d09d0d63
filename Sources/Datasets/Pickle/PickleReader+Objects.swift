/// REDUCE, NEWOBJ and BUILD: calls are recorded, never executed. The few callables data files
/// need are interpreted here (bytes written by Python 3, numpy arrays, dtypes and scalars).
extension PickleReader {
    private static let reconstruct: Set<String> = ["numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct"]
    private static let fromBuffer: Set<String> = ["numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer"]
    private static let scalar: Set<String> = ["numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar"]
    private static let byteConstructors: Set<String> = [
        "builtins.bytes", "builtins.bytearray", "__builtin__.bytes", "__builtin__.bytearray",
    ]

    /// REDUCE: `callable(*arguments)`; the index of the result node.
    mutating func reduce(_ callable: Int, _ arguments: Int) throws(DatasetError) -> Int {
        guard case let .global(module, name)? = leafValue(callable) else {
            throw malformed("REDUCE on a \(kindName(callable)), expected a global")
        }
        guard let args = tupleItems(arguments) else {
            throw malformed("REDUCE arguments are a \(kindName(arguments)), expected a tuple")
        }
        let qualified = module + "." + name
        if qualified == "_codecs.encode" {
            return try add(leaf: .bytes(try encode(args)))
        }
        if Self.byteConstructors.contains(qualified) {
            if args.isEmpty { return try add(leaf: .bytes([])) }
            if args.count == 1, case .bytes? = leafValue(args[0]) { return args[0] }  // immutable: share it
            return try add(leaf: .bytes(try encode(args)))
        }
        if Self.fromBuffer.contains(qualified) {
            return try add(leaf: .array(try frombuffer(args)))
        }
        if Self.scalar.contains(qualified) {
            return try add(leaf: try numpyScalar(args))
        }
        return try add(object: callable, arguments: args)
    }

    /// NEWOBJ: `cls.__new__(cls, *arguments)`; the index of the result node.
    mutating func newObject(_ cls: Int, _ arguments: Int) throws(DatasetError) -> Int {
        guard case .global? = leafValue(cls) else {
            throw malformed("NEWOBJ on a \(kindName(cls)), expected a class")
        }
        guard let args = tupleItems(arguments) else {
            throw malformed("NEWOBJ arguments are a \(kindName(arguments)), expected a tuple")
        }
        return try add(object: cls, arguments: args)
    }

    /// BUILD: sets the state of the object on top of the stack, decoding numpy arrays and dtypes.
    mutating func build(_ state: Int) throws(DatasetError) {
        let target = try top()
        guard case let .object(callable, _) = nodes[target].kind else {
            throw malformed("BUILD on a \(kindName(target)), expected an object")
        }
        try setState(state, of: target, callable: callable)
        let qualified = qualifiedName(ofCallable: callable)
        var resolved: PickleValue?
        if Self.reconstruct.contains(qualified) {
            resolved = .array(try arrayFromState(state))
        } else if qualified == "numpy.dtype" {
            // State (3, byteorder, subarray, names, fields, elsize, alignment, flags).
            var order: Character?
            if let items = tupleItems(state), items.count > 1 { order = text(items[1])?.first }
            if let code = nodes[target].children.first.flatMap(text), let dtype = NumpyDType(code: code, byteOrder: order) {
                resolved = .dtype(dtype)
            }
        }
        if let resolved {
            // A recognised object is a leaf from now on.
            nodes[target].value = resolved
            nodes[target].height = 0
        }
    }

    /// `_codecs.encode(text, encoding)`: latin-1 (Python 3's way of pickling bytes at protocol
    /// 0-2) or UTF-8.
    private func encode(_ args: [Int]) throws(DatasetError) -> [UInt8] {
        guard let first = args.first, case let .string(text)? = leafValue(first), args.count <= 2 else {
            throw malformed("encode expects (str, encoding)")
        }
        let encoding = args.count == 2 ? (self.text(args[1]) ?? "?").lowercased() : "utf-8"
        switch encoding {
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1":
            guard let bytes = Self.latin1(text) else { throw malformed("text has characters outside latin-1") }
            return bytes
        case "utf-8", "utf8":
            return Array(text.utf8)
        default:
            throw malformed("unsupported encoding '\(messageSnippet(encoding))'")
        }
    }

    /// The latin-1 bytes of `text`, decoded straight from its UTF-8 (fast for 30 MB strings);
    /// `nil` when a character is above U+00FF.
    static func latin1(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            var out = [UInt8](repeating: 0, count: utf8.count)
            var n = 0, i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b < 0x80 {
                    out[n] = b
                    i += 1
                } else if b & 0xE0 == 0xC0, b <= 0xC3, i + 1 < utf8.count {
                    out[n] = (b & 0x03) << 6 | (utf8[i + 1] & 0x3F)
                    i += 2
                } else {
                    return nil
                }
                n += 1
            }
            out.removeLast(out.count - n)
            return out
        }
    }

    /// ndarray state `(version, shape, dtype, is_fortran, raw)` (or without the version).
    private func arrayFromState(_ state: Int) throws(DatasetError) -> NumpyArray {
        guard var items = tupleItems(state), items.count == 4 || items.count == 5 else {
            throw malformed("numpy array state is a \(kindName(state)), expected a 4- or 5-tuple")
        }
        if items.count == 5 { items.removeFirst() }
        guard let fortran = flag(items[2]) else { throw malformed("numpy array state has a bad is_fortran flag") }
        guard case let .bytes(raw)? = leafValue(items[3]) else {
            throw malformed("numpy array data is a \(kindName(items[3])), expected raw bytes (object arrays are not supported)")
        }
        return try makeArray(raw: raw, dtype: items[1], shape: items[0], fortran: fortran)
    }

    /// `_frombuffer(buffer, dtype, shape, order)` (protocol 5).
    private func frombuffer(_ args: [Int]) throws(DatasetError) -> NumpyArray {
        guard args.count == 4, case let .bytes(raw)? = leafValue(args[0]) else {
            throw malformed("_frombuffer expects (buffer, dtype, shape, order)")
        }
        return try makeArray(raw: raw, dtype: args[1], shape: args[2], fortran: text(args[3]) == "F")
    }

    private func makeArray(raw: [UInt8], dtype node: Int, shape shapeNode: Int, fortran: Bool) throws(DatasetError) -> NumpyArray {
        guard let dtype = dtype(node) else { throw malformed("unsupported numpy dtype (\(kindName(node)))") }
        guard let dims = tupleItems(shapeNode) else { throw malformed("numpy shape is a \(kindName(shapeNode)), expected a tuple") }
        var shape: [Int] = []
        var count = 1
        for dim in dims {
            guard case let .int(d)? = leafValue(dim), d >= 0 else { throw malformed("numpy shape has a bad dimension") }
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw malformed("numpy shape is too large") }
            shape.append(d)
            count = product
        }
        let (needed, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard !overflow, needed == raw.count else {
            throw malformed("numpy array \(dtype) \(shapeText(shape)) needs \(overflow ? "too many" : String(needed)) bytes, the pickle holds \(raw.count)")
        }
        return NumpyArray(dtype: dtype, shape: shape, isFortranOrder: fortran, data: raw)
    }

    /// `numpy.core.multiarray.scalar(dtype, raw)`: a numpy integer, bool or float.
    private func numpyScalar(_ args: [Int]) throws(DatasetError) -> PickleValue {
        guard args.count == 2, let dtype = dtype(args[0]), case let .bytes(raw)? = leafValue(args[1]),
              raw.count == dtype.itemSize
        else { throw malformed("numpy scalar expects (dtype, raw bytes) of a supported dtype") }
        let array = NumpyArray(dtype: dtype, shape: [], data: raw)
        switch dtype.kind {
        case "b": return .bool(raw.contains { $0 != 0 })
        case "f":
            var bits: UInt64 = 0
            for k in 0..<raw.count { bits |= UInt64(raw[dtype.isLittleEndian ? k : raw.count - 1 - k]) << (8 * UInt64(k)) }
            switch dtype.itemSize {
            case 8: return .float(Double(bitPattern: bits))
            case 4: return .float(Double(Float(bitPattern: UInt32(bits))))
            default: return .float(Double(Float16Bits.decode(UInt16(bits))))
            }
        default:
            guard let value = array.integers()?.first else { throw malformed("numpy integer scalar does not fit in 64 bits") }
            return .int(value)
        }
    }

    /// The dtype of a dtype leaf or a `numpy.dtype(code, ...)` object, else `nil`.
    private func dtype(_ index: Int) -> NumpyDType? {
        let node = nodes[index]
        if case let .dtype(d)? = node.value { return d }
        guard case let .object(callable, _) = node.kind, qualifiedName(ofCallable: callable) == "numpy.dtype" else { return nil }
        return node.children.first.flatMap(text).flatMap { NumpyDType(code: $0) }
    }

    /// The text of a str or bytes leaf, else `nil`.
    private func text(_ index: Int) -> String? {
        guard let value = leafValue(index) else { return nil }
        switch value {
        case .string, .bytes: return value.textValue
        default: return nil
        }
    }

    private func flag(_ index: Int) -> Bool? {
        leafValue(index)?.intValue.map { $0 != 0 }
    }
}

/// IEEE half-precision decoding (numpy `float16` scalars), without relying on `Float16`,
/// which is unavailable on some platforms.
enum Float16Bits {
    static func decode(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F), fraction = Float(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * Float(sign: .plus, exponent: -24, significand: 1)
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
