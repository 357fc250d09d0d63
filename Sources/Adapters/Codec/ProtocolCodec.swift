import Implementation
internal import LiteralJSON

/// The implementation protocol's wire format (docs/protocol.md): values to and from JSON
/// (section 3), the messages (section 2), and framing (section 1: a 4-byte big-endian length,
/// then that many bytes of UTF-8 JSON).
///
/// Integers and floats stay apart (`3` vs `3.0`); floats are written in their shortest
/// round-tripping form and always with a fraction or an exponent; non-finite floats travel as
/// `{"$float": "nan" | "inf" | "-inf"}`; arrays as `$array` with the exact little-endian bytes.
public enum ProtocolCodec {
    public static let protocolName = "gradecheck-implementation"
    public static let version = 2
    /// Operations of the protocol itself rather than of the assignment: `configure` (sent by
    /// the harness right after `hello`) and `evaluate_batch` (numerical gradients in one trip).
    public static let auxiliaryOperations: Set<String> = ["configure", "evaluate_batch"]
    /// The hello `features` entry of an adapter whose `evaluate_batch` takes `{delta: array}`
    /// points (section 4).
    public static let densePointsFeature = "dense_points"
    /// The largest message a frame may announce (1 GiB).
    public static let maximumMessageLength = 1 << 30

    /// Maps a harness `Handle` to the number the adapter issued (and back). The identity by default.
    public typealias HandleEncoder = (Handle) throws(ProtocolError) -> Int
    public typealias HandleDecoder = (Int) throws(ProtocolError) -> Handle

    // MARK: Values

    /// One value as JSON text.
    public static func encode(_ value: Value, handle: HandleEncoder = { $0.id }) throws(ProtocolError) -> [UInt8] {
        var out: [UInt8] = []
        JSONWriter.write(try wire(value, handle: handle), style: .compact, into: &out)
        return out
    }

    /// One value from JSON text.
    public static func decode(_ json: [UInt8], handle: HandleDecoder = { Handle($0) }) throws(ProtocolError) -> Value {
        try value(parse(json), handle: handle)
    }

    static func parse(_ json: [UInt8]) throws(ProtocolError) -> JSONValue {
        do {
            return try JSONParser.parse(json, options: .python)
        } catch {
            throw ProtocolError(.json, "not JSON: \(error.message) at byte \(error.offset)")
        }
    }

    static func wire(_ value: Value, handle: HandleEncoder) throws(ProtocolError) -> JSONValue {
        switch value {
        case .none: return .null
        case let .bool(flag): return .bool(flag)
        case let .integer(i): return .number(String(i))
        case let .number(x): return wire(x)
        case let .string(text): return .string(text)
        case let .array(tensor): return wire(tensor)
        case let .handle(h): return .object(["$handle": .number(String(try handle(h)))])
        case let .list(items):
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try wire(item, handle: handle)) }
            return .array(out)
        case let .dict(members):
            var out: [String: JSONValue] = [:]
            for (key, item) in members {
                guard !key.hasPrefix("$") else { throw ProtocolError(.value, "dict key \"\(key)\" starts with '$'") }
                out[key] = try wire(item, handle: handle)
            }
            return .object(out)
        }
    }

    /// A float: the shortest text that reads back to the same bits, with a fraction or an
    /// exponent (`1.0`, `1e-05`, `-0.0`); `$float` for NaN and the infinities.
    static func wire(_ x: Double) -> JSONValue {
        guard x.isFinite else {
            return .object(["$float": .string(x.isNaN ? "nan" : x < 0 ? "-inf" : "inf")])
        }
        let text = x.description
        return .number(JSONValue.isIntegerLiteral(text) ? text + ".0" : text)
    }

    static func value(_ json: JSONValue, handle: HandleDecoder) throws(ProtocolError) -> Value {
        switch json {
        case .null: return .none
        case let .bool(flag): return .bool(flag)
        case let .string(text): return .string(text)
        case let .number(text):
            if JSONValue.isIntegerLiteral(text) {
                guard let i = Int(text) else { throw ProtocolError(.value, "integer \(text) does not fit in 64 bits") }
                return .integer(i)
            }
            return .number(try double(text))
        case let .array(items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try value(item, handle: handle)) }
            return .list(out)
        case let .object(members):
            if let tag = members.first(where: { $0.key.hasPrefix("$") })?.key {
                guard members.count == 1, let inner = members[tag] else {
                    throw ProtocolError(.value, "an object with \"\(tag)\" must have no other key")
                }
                return try tagged(tag, inner, handle: handle)
            }
            var out: [String: Value] = [:]
            for member in members { out[member.key] = try value(member.value, handle: handle) }
            return .dict(out)
        }
    }

    private static func tagged(_ tag: String, _ inner: JSONValue, handle: HandleDecoder) throws(ProtocolError) -> Value {
        switch tag {
        case "$array":
            return .array(try tensor(inner))
        case "$handle":
            guard case let .number(text) = inner, JSONValue.isIntegerLiteral(text), let id = Int(text) else {
                throw ProtocolError(.value, "$handle holds \(inner.kindName), not an integer")
            }
            return .handle(try handle(id))
        case "$float":
            guard case let .string(name) = inner else { throw ProtocolError(.value, "$float holds \(inner.kindName), not a string") }
            switch name.lowercased() {
            case "nan", "+nan", "-nan": return .number(.nan)
            case "inf", "+inf", "infinity", "+infinity": return .number(.infinity)
            case "-inf", "-infinity": return .number(-.infinity)
            default: throw ProtocolError(.value, "$float \"\(name)\" is not nan, inf or -inf")
            }
        default:
            throw ProtocolError(.value, "unknown tagged value \"\(tag)\" (expected $array, $handle or $float)")
        }
    }

    /// A float literal (or Python's `NaN`, `Infinity`, `-Infinity`), correctly rounded.
    static func double(_ text: String) throws(ProtocolError) -> Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let x = Double(text) else { throw ProtocolError(.value, "\(text) is not a number") }
            return x
        }
    }

    // MARK: Framing

    /// `payload` preceded by its length as 4 big-endian bytes.
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        var out = lengthPrefix(payload.count)
        out.append(contentsOf: payload)
        return out
    }

    static func lengthPrefix(_ count: Int) -> [UInt8] {
        let n = UInt32(truncatingIfNeeded: count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }

    /// Writes a message into a frame without copying the payload again.
    static func framed(_ message: JSONValue) throws(ProtocolError) -> [UInt8] {
        var out: [UInt8] = [0, 0, 0, 0]
        JSONWriter.write(message, style: .compact, into: &out)
        try prefixLength(&out)
        return out
    }

    /// Writes the body's length into the four placeholder bytes that start `out`.
    static func prefixLength(_ out: inout [UInt8]) throws(ProtocolError) {
        let length = out.count - 4
        guard length <= maximumMessageLength else {
            throw ProtocolError(.value, "a message of \(length) bytes is larger than the protocol's 1 GiB")
        }
        out.replaceSubrange(0..<4, with: lengthPrefix(length))
    }
}
