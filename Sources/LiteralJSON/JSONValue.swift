/// A parsed JSON document that keeps what general JSON libraries drop: the literal text of every
/// number, so that integers stay integers (`2` vs `2.0`) and floats are converted once, exactly
/// (Swift's correctly rounded `Double(_:)` or `Float(_:)`), by the code that knows their type;
/// and the order of object members. Foundation's `JSONSerialization` would turn numbers into
/// `NSNumber`s.
///
/// `JSONParser` builds it from text, `JSONWriter` prints it deterministically.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, or, only when the
    /// parser was asked to accept them (`JSONParser.Options.allowsNonFiniteLiterals`), one of
    /// Python's non-standard `NaN`, `Infinity`, `-Infinity`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; keys are unique (the parser rejects repeats).
    case object([JSONMember])

    /// One member of an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An object with the members of `members`, in the order of their keys' UTF-8 bytes (the
    /// writer's order), so that equal dictionaries make equal values.
    public static func object(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.map { JSONMember(key: $0.key, value: $0.value) }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }

    /// True for null, booleans, numbers and strings.
    public var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A number literal without a fraction or an exponent (and not `NaN` or `Infinity`), such
    /// as `5` or `-12`.
    public static func isIntegerLiteral(_ text: String) -> Bool {
        !text.utf8.contains { byte in
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "N") || byte == UInt8(ascii: "I")
        }
    }
}

public typealias JSONMember = JSONValue.Member

extension Array where Element == JSONMember {
    /// The value of the member named `key` (keys are unique in a parsed object), nil if none is.
    public subscript(key: String) -> JSONValue? {
        first { $0.key == key }?.value
    }
}
