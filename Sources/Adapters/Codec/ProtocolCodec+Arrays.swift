import Implementation
internal import LiteralJSON
import NumericCore

/// `$array` (docs/protocol.md, section 3): `{"dtype", "shape", "data"}` with the elements in C
/// order as little-endian bytes, base64-encoded. The harness always sends float64; it reads
/// float64 bit for bit and converts float32, the integer types and bool to float64 tensors.
extension ProtocolCodec {
    /// Element types an adapter may send, with their sizes in bytes.
    static let itemSizes: [String: Int] = [
        "float64": 8, "float32": 4, "int64": 8, "int32": 4, "int16": 2, "int8": 1,
        "uint64": 8, "uint32": 4, "uint16": 2, "uint8": 1, "bool": 1,
    ]

    static func wire(_ tensor: Tensor<Double>) -> JSONValue {
        let data: [UInt8] = tensor.scalars.withUnsafeBufferPointer { scalars in
            if UInt64(1).littleEndian == 1 { return Base64.encode(UnsafeRawBufferPointer(scalars)) }
            let swapped = scalars.map { $0.bitPattern.littleEndian }
            return swapped.withUnsafeBytes { Base64.encode($0) }
        }
        return .object([
            "$array": .object([
                "dtype": .string("float64"),
                "shape": .array(tensor.shape.map { .number(String($0)) }),
                "data": .string(String(decoding: data, as: UTF8.self)),
            ])
        ])
    }

    static func tensor(_ json: JSONValue) throws(ProtocolError) -> Tensor<Double> {
        func fail(_ message: String) -> ProtocolError { ProtocolError(.value, "$array: " + message) }
        guard case .object = json else { throw fail("holds \(json.kindName), not an object") }
        guard case let .string(dtype) = json["dtype"] else { throw fail("no dtype string") }
        guard let itemSize = itemSizes[dtype] else {
            throw fail("dtype \"\(dtype)\" is not one of \(itemSizes.keys.sorted().joined(separator: ", "))")
        }
        guard case let .array(dims) = json["shape"] else { throw fail("no shape list") }
        var shape: [Int] = []
        var count = 1
        for dim in dims {
            guard case let .number(text) = dim, JSONValue.isIntegerLiteral(text), let n = Int(text), n >= 0 else {
                throw fail("shape \(dims.map(describe)) holds something other than non-negative integers")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow, product <= maximumMessageLength else { throw fail("shape \(dims.map(describe)) is too large") }
            shape.append(n)
            count = product
        }
        guard case let .string(text) = json["data"] else { throw fail("no data string") }
        let bytes: [UInt8]
        do {
            bytes = try Base64.decode(text)
        } catch {
            throw fail("data is not base64: \(error.message)")
        }
        guard bytes.count == count * itemSize else {
            throw fail("\(bytes.count) bytes of data for shape \(Shape.describe(shape)) of \(dtype) (\(count * itemSize) expected)")
        }
        return Tensor(uncheckedShape: shape, scalars: scalars(bytes, dtype: dtype, count: count))
    }

    private static func describe(_ json: JSONValue) -> String {
        if case let .number(text) = json { return text }
        return json.kindName
    }

    private static func scalars(_ bytes: [UInt8], dtype: String, count: Int) -> [Double] {
        switch dtype {
        case "float64":
            if UInt64(1).littleEndian == 1 {
                return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                    bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                    initialized = count
                }
            }
            return load(bytes, count, UInt64.self) { Double(bitPattern: $0) }
        case "float32": return load(bytes, count, UInt32.self) { Double(Float(bitPattern: $0)) }
        case "int64": return load(bytes, count, Int64.self) { Double($0) }
        case "int32": return load(bytes, count, Int32.self) { Double($0) }
        case "int16": return load(bytes, count, Int16.self) { Double($0) }
        case "int8": return load(bytes, count, Int8.self) { Double($0) }
        case "uint64": return load(bytes, count, UInt64.self) { Double($0) }
        case "uint32": return load(bytes, count, UInt32.self) { Double($0) }
        case "uint16": return load(bytes, count, UInt16.self) { Double($0) }
        case "uint8": return load(bytes, count, UInt8.self) { Double($0) }
        default: return load(bytes, count, UInt8.self) { $0 == 0 ? 0 : 1 }  // bool
        }
    }

    /// Reads `count` little-endian `T`s and converts each.
    private static func load<T: FixedWidthInteger>(_ bytes: [UInt8], _ count: Int, _: T.Type, _ convert: (T) -> Double) -> [Double] {
        bytes.withUnsafeBytes { raw in
            (0..<count).map { i in
                convert(T(littleEndian: raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self)))
            }
        }
    }
}
