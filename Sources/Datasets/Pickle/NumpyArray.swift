/// A numpy dtype of fixed-size numbers: kind (`b` bool, `i` signed, `u` unsigned, `f` float),
/// item size in bytes and byte order. Pickled as `numpy.dtype('<i8', False, True)` + BUILD
/// with state `(3, '<', None, None, None, -1, -1, 0)`; the byte order is state[1].
public struct NumpyDType: Sendable, Equatable, CustomStringConvertible {
    public var kind: Character
    public var itemSize: Int
    public var isLittleEndian: Bool

    public init(kind: Character, itemSize: Int, isLittleEndian: Bool = true) {
        self.kind = kind
        self.itemSize = itemSize
        self.isLittleEndian = isLittleEndian
    }

    /// Parses numpy's type string (`'u1'`, `'<i8'`, `'|b1'`, `'?'`) and an optional byte-order
    /// character from the pickled state (`'<'`, `'>'`, `'|'`, `'='`). `nil` for other kinds
    /// (strings, objects, structured types), which data files do not need.
    public init?(code: String, byteOrder: Character? = nil) {
        var text = Substring(code)
        var order = byteOrder
        if let first = text.first, "<>|=".contains(first) {
            order = order ?? first
            text = text.dropFirst()
        }
        if text == "?" { text = "b1" }
        guard let kind = text.first, "biuf".contains(kind), let size = Int(text.dropFirst()),
              [1, 2, 4, 8].contains(size), kind != "f" || size >= 2
        else { return nil }
        self.init(kind: kind, itemSize: size, isLittleEndian: order != ">")
    }

    /// numpy's `dtype.str`: `'|u1'`, `'<i8'`.
    public var description: String {
        (itemSize == 1 ? "|" : (isLittleEndian ? "<" : ">")) + String(kind) + String(itemSize)
    }
}

/// A numpy array decoded from a pickle: dtype, shape, memory order and the raw element bytes
/// (`shape.reduce(1, *) * dtype.itemSize` of them, C order unless `isFortranOrder`).
public struct NumpyArray: Sendable, Equatable {
    public var dtype: NumpyDType
    public var shape: [Int]
    public var isFortranOrder: Bool
    public var data: [UInt8]

    public init(dtype: NumpyDType, shape: [Int], isFortranOrder: Bool = false, data: [UInt8]) {
        self.dtype = dtype
        self.shape = shape
        self.isFortranOrder = isFortranOrder
        self.data = data
    }

    /// Number of elements: the product of the shape.
    public var count: Int { shape.reduce(1, *) }

    /// The elements as integers in memory order, for bool and integer dtypes (`nil` for floats
    /// and for unsigned 64-bit values above `Int.max`).
    public func integers() -> [Int]? {
        guard dtype.kind != "f", data.count == count * dtype.itemSize else { return nil }
        let size = dtype.itemSize, signed = dtype.kind == "i"
        var out = [Int](repeating: 0, count: count)
        for i in 0..<count {
            var raw: UInt64 = 0
            for k in 0..<size {
                let byte = UInt64(data[i * size + (dtype.isLittleEndian ? k : size - 1 - k)])
                raw |= byte << (8 * UInt64(k))
            }
            if signed && size < 8 && raw & (1 << (8 * UInt64(size) - 1)) != 0 {
                raw |= ~0 << (8 * UInt64(size))  // sign-extend
            }
            if !signed && raw > UInt64(Int.max) { return nil }
            out[i] = Int(truncatingIfNeeded: raw)
        }
        return out
    }
}
