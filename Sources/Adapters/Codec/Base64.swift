/// Standard base64 (RFC 4648 section 4, `+` and `/`) for `$array` data.
///
/// Encoding pads with `=` like Python's `base64.b64encode`. Decoding accepts padded or unpadded
/// text, skips ASCII whitespace (`base64.encodebytes` inserts newlines), and rejects any other
/// character, padding in the middle, and a dangling single character.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let invalid: UInt8 = 0xFF
    private static let whitespace: UInt8 = 0xFE
    private static let padding: UInt8 = 0xFD

    /// The value of each byte: 0...63, or `invalid`, `whitespace`, `padding`.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
        for symbol in [0x20, 0x09, 0x0A, 0x0D] { table[symbol] = whitespace }
        table[Int(UInt8(ascii: "="))] = padding
        return table
    }()

    static func encode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return out
    }

    /// Why the text is not base64.
    struct DecodingError: Error, Equatable {
        var message: String
    }

    static func decode(_ text: String) throws(DecodingError) -> [UInt8] {
        var text = text
        return try text.withUTF8 { decode($0) }.get()
    }

    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], DecodingError> {
        var out = [UInt8]()
        out.reserveCapacity(text.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var pending = 0  // symbols in `accumulator`
        var paddingSeen = 0
        let failure: DecodingError? = table.withUnsafeBufferPointer { table in
            for (offset, symbol) in text.enumerated() {
                let value = table[Int(symbol)]
                if value < 64 {
                    guard paddingSeen == 0 else { return DecodingError(message: "data after '=' padding at character \(offset)") }
                    accumulator = accumulator << 6 | UInt32(value)
                    pending += 1
                    if pending == 4 {
                        out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                        out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                        out.append(UInt8(truncatingIfNeeded: accumulator))
                        accumulator = 0
                        pending = 0
                    }
                } else if value == whitespace {
                    continue
                } else if value == padding {
                    paddingSeen += 1
                    guard pending >= 2, pending + paddingSeen <= 4 else { return DecodingError(message: "misplaced '=' at character \(offset)") }
                } else {
                    return DecodingError(message: "character 0x\(String(symbol, radix: 16)) at \(offset) is not base64")
                }
            }
            return nil
        }
        if let failure { return .failure(failure) }
        switch pending {
        case 0: break
        case 1: return .failure(DecodingError(message: "\(text.count) characters cannot be base64 (one character too many)"))
        case 2:
            guard paddingSeen == 0 || paddingSeen == 2 else { return .failure(DecodingError(message: "wrong '=' padding")) }
            out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        default:
            guard paddingSeen <= 1 else { return .failure(DecodingError(message: "wrong '=' padding")) }
            out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        }
        return .success(out)
    }
}
