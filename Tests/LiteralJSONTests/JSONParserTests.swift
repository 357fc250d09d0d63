import LiteralJSON
import Testing

/// The parser in its strict mode (fixture files) and the writer's indented layout.
@Suite("JSON parser")
struct JSONParserTests {
    static func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test("numbers keep their literal text")
    func numberLiterals() throws {
        #expect(try Self.parse("[0, -0, 2.0, 1e-10, 1E+5, -12.5e3]")
            == .array([.number("0"), .number("-0"), .number("2.0"), .number("1e-10"), .number("1E+5"), .number("-12.5e3")]))
    }

    @Test("strings decode escapes, surrogate pairs and UTF-8; a BOM and whitespace are allowed")
    func strings() throws {
        #expect(try Self.parse("\u{FEFF} \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00é\" \n") == .string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀é"))
    }

    @Test("objects keep member order; literals parse")
    func objects() throws {
        #expect(try Self.parse("{\"b\": true, \"a\": [false, null], \"c\": {}}") == .object([
            JSONMember(key: "b", value: .bool(true)),
            JSONMember(key: "a", value: .array([.bool(false), .null])),
            JSONMember(key: "c", value: .object([])),
        ]))
    }

    @Test("what JSON does not allow is refused", arguments: [
        "[1,]", "[1 2]", "{\"a\" 1}", "{a: 1}", "[.5]", "[1.]", "[1e]", "[-]", "[+1]", "[0x10]", "[Infinity]",
        "[\"\u{01}\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\udc00\"]", "// c\n1", "[tru]", "1 2", "[",
    ])
    func refused(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(text) }
    }

    @Test("deep nesting is refused instead of overflowing the stack")
    func depth() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try Self.parse(fine)
    }

    @Test("the writer's output parses back to the same tree")
    func writerRoundTrip() throws {
        let tree = JSONValue.object([
            JSONMember(key: "z", value: .array([.array([.number("1.0")]), .object([])])),
            JSONMember(key: "a", value: .string("x\u{1F}y")),
        ])
        let text = JSONWriter.text(tree)
        #expect(text == "{\n  \"a\": \"x\\u001fy\",\n  \"z\": [\n    [1.0],\n    {}\n  ]\n}\n")
        let back = try Self.parse(text)
        #expect(back == .object([tree.objectMembers[1], tree.objectMembers[0]]))
    }
}

extension JSONValue {
    fileprivate var objectMembers: [JSONMember] {
        if case let .object(members) = self { return members }
        return []
    }
}
