internal import LiteralJSON

extension JSONValue {
    /// What a fixture message calls this kind of value: "a string", "an array", ...
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
}
