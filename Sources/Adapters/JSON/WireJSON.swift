/// A JSON document as the protocol carries it (docs/protocol.md, section 3).
///
/// Numbers keep their literal text so that the codec, not a general JSON library, decides what
/// they are: `3` is an integer, `3.0` and `1e-05` are floats, converted once with Swift's correctly
/// rounded `Double(_:)`. Foundation's `JSONSerialization` would turn both into an `NSNumber`.
indirect enum WireJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, or one of Python's
    /// non-standard `NaN`, `Infinity`, `-Infinity` (accepted when reading, never written).
    case number(String)
    case string(String)
    case array([WireJSON])
    /// Keys are unique (the reader rejects repeats); the writer sorts them.
    case object([String: WireJSON])

    /// What a message calls this kind of value.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case let .number(text): return WireJSON.isIntegerLiteral(text) ? "an integer" : "a float"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// A literal without a fraction or an exponent (`5`, `-12`): an integer in the protocol.
    static func isIntegerLiteral(_ text: String) -> Bool {
        !text.utf8.contains { byte in
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "N") || byte == UInt8(ascii: "I")
        }
    }

    /// The member `key` of an object, nil for a missing key or a value that is not an object.
    subscript(key: String) -> WireJSON? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }
}
