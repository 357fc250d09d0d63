internal import LiteralJSON

extension JSONValue {
    /// What a protocol message calls this kind of value, in Python's words: "a float", "a list", ...
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case let .number(text): return JSONValue.isIntegerLiteral(text) ? "an integer" : "a float"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
