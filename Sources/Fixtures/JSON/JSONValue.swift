/// A parsed JSON document, keeping what general JSON libraries drop and fixtures need: the
/// literal text of every number (so integers stay integers, and float64 and float32 values are
/// converted once, exactly, by the code that knows their type) and the order of object members.
///
/// The fixture schema's readers and writers map their types to and from this tree;
/// `JSONParser` builds it from text and `JSONWriter` prints it deterministically.
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; keys are unique (the parser rejects repeats).
    case object([JSONMember])

    /// One member of an object.
    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONValue
    }

    /// What a message calls this kind of value: "a string", "an array", ...
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case let .number(text): return JSONValue.isIntegerLiteral(text) ? "an integer" : "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// True for null, booleans, numbers and strings.
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A number literal without a fraction or an exponent, such as `5` or `-12`.
    static func isIntegerLiteral(_ text: String) -> Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }
}

typealias JSONMember = JSONValue.Member
