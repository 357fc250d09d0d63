/// Reading the operands of opcodes: fixed-width integers, lengths, byte runs, text lines.
/// Every read checks the remaining length first and throws `truncatedFile` past the end, so an
/// announced length is never trusted before the bytes are there; an operand that is copied out
/// (byte string, text, line) is then checked against `PickleLimits.maximumAllocationBytes`.
extension PickleReader {
    /// Reserves the next `count` bytes and returns their range.
    mutating func take(_ count: Int) throws(DatasetError) -> Range<Int> {
        guard count >= 0, count <= bytes.count - position else {
            let (needed, overflow) = position.addingReportingOverflow(count)
            throw .truncatedFile(
                path: path, expectedBytes: overflow ? nil : needed, actualBytes: bytes.count,
                detail: "pickle opcode \(PickleOpcode.describe(opcode)) at offset \(opcodeOffset) needs \(count) more bytes at offset \(position)")
        }
        defer { position += count }
        return position..<(position + count)
    }

    mutating func readByte() throws(DatasetError) -> UInt8 {
        bytes[try take(1).lowerBound]
    }

    mutating func readLittleEndian(_ width: Int) throws(DatasetError) -> UInt64 {
        let range = try take(width)
        var value: UInt64 = 0
        for (k, i) in range.enumerated() { value |= UInt64(bytes[i]) << (8 * UInt64(k)) }
        return value
    }

    mutating func readBigEndian(_ width: Int) throws(DatasetError) -> UInt64 {
        let range = try take(width)
        var value: UInt64 = 0
        for i in range { value = value << 8 | UInt64(bytes[i]) }
        return value
    }

    /// An unsigned length of `width` bytes (4 or 8), little-endian.
    mutating func readLength(_ width: Int) throws(DatasetError) -> Int {
        let value = try readLittleEndian(width)
        guard value <= UInt64(Int.max) else {
            throw .truncatedFile(
                path: path, expectedBytes: nil, actualBytes: bytes.count,
                detail: "pickle opcode \(PickleOpcode.describe(opcode)) at offset \(opcodeOffset) announces \(value) bytes")
        }
        return Int(value)
    }

    /// A signed 4-byte length (BINSTRING, LONG4); negative is malformed.
    mutating func readSignedLength() throws(DatasetError) -> Int {
        let value = Int(Int32(truncatingIfNeeded: try readLittleEndian(4)))
        guard value >= 0 else { throw malformed("negative length \(value)") }
        return value
    }

    /// The next `count` bytes, copied out once.
    mutating func readBytes(_ count: Int) throws(DatasetError) -> [UInt8] {
        let range = try take(count)
        try checkAllocation(count)
        return Array(bytes[range])
    }

    mutating func readUTF8(_ count: Int) throws(DatasetError) -> String {
        let range = try take(count)
        try checkAllocation(count)
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw malformed("text is not valid UTF-8")
        }
        return text
    }

    /// A protocol-0 operand: the bytes up to the next newline (excluded, as is a trailing CR).
    mutating func line() throws(DatasetError) -> ArraySlice<UInt8> {
        guard let end = bytes[position...].firstIndex(of: 0x0A) else {
            throw .truncatedFile(
                path: path, expectedBytes: nil, actualBytes: bytes.count,
                detail: "pickle opcode \(PickleOpcode.describe(opcode)) at offset \(opcodeOffset) has no end of line")
        }
        var text = bytes[position..<end]
        position = end + 1
        try checkAllocation(text.count)
        if text.last == 0x0D { text = text.dropLast() }
        return text
    }

    func utf8Text(_ text: ArraySlice<UInt8>) throws(DatasetError) -> String {
        guard let s = String(validating: text, as: UTF8.self) else { throw malformed("text is not valid UTF-8") }
        return s
    }

    /// INT: a decimal line; `00` and `01` are Python 2's False and True.
    mutating func textInt() throws(DatasetError) -> PickleValue {
        let text = try utf8Text(try line())
        if text == "00" { return .bool(false) }
        if text == "01" { return .bool(true) }
        guard let value = Int(text) else { throw malformed("INT operand '\(messageSnippet(text))' is not a 64-bit integer") }
        return .int(value)
    }

    /// LONG: a decimal line, with Python 2's trailing `L`.
    mutating func textLong() throws(DatasetError) -> Int {
        var text = try utf8Text(try line())
        if text.hasSuffix("L") { text.removeLast() }
        guard let value = Int(text) else { throw malformed("LONG operand '\(messageSnippet(text))' is not a 64-bit integer") }
        return value
    }

    mutating func textFloat() throws(DatasetError) -> Double {
        let text = try utf8Text(try line())
        guard let value = Double(text) else { throw malformed("FLOAT operand '\(messageSnippet(text))' is not a number") }
        return value
    }

    /// LONG1 / LONG4: `byteCount` bytes of little-endian two's complement (0 bytes is 0).
    mutating func binaryLong(byteCount: Int) throws(DatasetError) -> Int {
        let range = try take(byteCount)
        guard byteCount <= 8 else { throw malformed("integer of \(byteCount) bytes does not fit in 64 bits") }
        guard byteCount > 0 else { return 0 }
        var value: UInt64 = 0
        for (k, i) in range.enumerated() { value |= UInt64(bytes[i]) << (8 * UInt64(k)) }
        if byteCount < 8 && bytes[range.upperBound - 1] & 0x80 != 0 {
            value |= ~0 << (8 * UInt64(byteCount))  // sign-extend
        }
        return Int(truncatingIfNeeded: value)
    }

    /// STRING: a Python 2 `repr` of a byte string, quoted with ' or ", escapes decoded.
    mutating func quotedByteString() throws(DatasetError) -> [UInt8] {
        let text = try line()
        guard text.count >= 2, let quote = text.first, quote == 0x27 || quote == 0x22, text.last == quote else {
            throw malformed("STRING operand is not quoted")
        }
        guard let decoded = Self.decodeEscapes(text.dropFirst().dropLast()) else {
            throw malformed("STRING operand has a bad escape")
        }
        return decoded
    }

    /// UNICODE: a line in Python's raw-unicode-escape: latin-1 bytes with `\uXXXX` and
    /// `\UXXXXXXXX` escapes.
    mutating func rawUnicodeEscapeLine() throws(DatasetError) -> String {
        let text = try line()
        var scalars = String.UnicodeScalarView()
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            if byte == 0x5C, i + 1 < text.endIndex, text[i + 1] == 0x75 || text[i + 1] == 0x55 {
                let digits = text[i + 1] == 0x75 ? 4 : 8
                guard i + 2 + digits <= text.endIndex,
                      let code = UInt32(String(decoding: text[(i + 2)..<(i + 2 + digits)], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(code)
                else { throw malformed("UNICODE operand has a bad \\u escape") }
                scalars.append(scalar)
                i += 2 + digits
            } else {
                scalars.append(Unicode.Scalar(byte))
                i += 1
            }
        }
        return String(scalars)
    }

    /// Python's string-escape decoding of the inside of a quoted byte string; `nil` for a bad
    /// `\x` escape. Unknown escapes stay as written, as Python 2 does.
    static func decodeEscapes(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return nil
            }
        }
        while i < text.endIndex {
            let c = text[i]
            guard c == 0x5C, i + 1 < text.endIndex else {
                out.append(c)
                i += 1
                continue
            }
            let e = text[i + 1]
            i += 2
            switch e {
            case 0x5C, 0x27, 0x22: out.append(e)  // \\ \' \"
            case 0x6E: out.append(0x0A)  // \n
            case 0x72: out.append(0x0D)  // \r
            case 0x74: out.append(0x09)  // \t
            case 0x61: out.append(0x07)  // \a
            case 0x62: out.append(0x08)  // \b
            case 0x66: out.append(0x0C)  // \f
            case 0x76: out.append(0x0B)  // \v
            case 0x0A: break  // line continuation
            case 0x78:  // \xhh
                guard i + 2 <= text.endIndex, let hi = hexValue(text[i]), let lo = hexValue(text[i + 1]) else { return nil }
                out.append(hi << 4 | lo)
                i += 2
            case 0x30...0x37:  // \o, \oo, \ooo
                var value = Int(e - 0x30)
                var n = 1
                while n < 3, i < text.endIndex, (0x30...0x37).contains(text[i]) {
                    value = value * 8 + Int(text[i] - 0x30)
                    i += 1
                    n += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
            default:
                out.append(0x5C)
                out.append(e)
            }
        }
        return out
    }
}
