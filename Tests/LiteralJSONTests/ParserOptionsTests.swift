import LiteralJSON
import Testing

/// What `.python` accepts that `.strict` refuses, the depth limit, and where errors point.
@Suite("JSON parser options")
struct ParserOptionsTests {
    static func parse(_ text: String, _ options: JSONParser.Options) throws(JSONParser.SyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), options: options)
    }

    @Test("Python's NaN, Infinity and -Infinity are numbers with that text, and not integers")
    func nonFinite() throws {
        #expect(try Self.parse("[NaN, Infinity, -Infinity, -1]", .python)
            == .array([.number("NaN"), .number("Infinity"), .number("-Infinity"), .number("-1")]))
        #expect(!JSONValue.isIntegerLiteral("NaN") && !JSONValue.isIntegerLiteral("-Infinity") && JSONValue.isIntegerLiteral("-1"))
        for text in ["NaN", "Infinity", "-Infinity"] {
            #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(text, .strict) }
        }
        for text in ["nan", "Inf", "-Inf", "-NaN"] {
            #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(text, .python) }
        }
    }

    @Test("lone surrogates become U+FFFD, pairs join; strict mode refuses lone surrogates")
    func surrogates() throws {
        #expect(try Self.parse(#""a\udc80b""#, .python) == .string("a\u{FFFD}b"))
        #expect(try Self.parse(#""\ud83e""#, .python) == .string("\u{FFFD}"))
        #expect(try Self.parse(#""\ud83e\u0041""#, .python) == .string("\u{FFFD}A"))
        #expect(try Self.parse(#""\ud83e\udd16""#, .python) == .string("🤖"))
        #expect(try Self.parse(#""\ud83e\udd16""#, .strict) == .string("🤖"))
        let error = #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(#"["\ud83e\u0041"]"#, .strict) }
        #expect(error?.message == "lone surrogate \\uD83E in a string" && error?.offset == 2)
    }

    @Test("invalid UTF-8: U+FFFD inside strings with .python, refused anywhere with .strict")
    func invalidUTF8() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        #expect(try JSONParser.parse(bytes, options: .python) == .string("a\u{FFFD}b"))
        let error = #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(bytes, options: .strict) }
        #expect(error == JSONParser.SyntaxError(offset: 2, line: 1, column: 3, message: "the text is not valid UTF-8"))
    }

    @Test("a byte-order mark is skipped by .strict only")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("1".utf8)
        #expect(try JSONParser.parse(bytes, options: .strict) == .number("1"))
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(bytes, options: .python) }
    }

    @Test("repeated keys, trailing commas and comments are refused in both modes", arguments: [
        #"{"a": 1, "a": 2}"#, "[1,]", "// c\n1", "[01]", "[\"\u{01}\"]", "{'a': 1}",
    ])
    func alwaysRefused(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(text, .strict) }
        #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(text, .python) }
    }

    @Test("the depth limit is an option")
    func depth() throws {
        let nested = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        _ = try Self.parse(nested, JSONParser.Options(maximumDepth: 10))
        let error = #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(nested, JSONParser.Options(maximumDepth: 9)) }
        #expect(error?.message == "nesting deeper than 9 levels" && error?.offset == 9)
    }

    @Test("errors give the byte offset and the 1-based line and column")
    func errorPosition() {
        let error = #expect(throws: JSONParser.SyntaxError.self) { try Self.parse("{\n  \"a\": [1,\n    ]\n}", .strict) }
        #expect(error == JSONParser.SyntaxError(offset: 17, line: 3, column: 5, message: "unexpected ']', expected a value"))
        #expect(error?.description == "3:5: unexpected ']', expected a value")
    }
}

/// The writer's compact layout (protocol messages) and values built from dictionaries.
@Suite("JSON writer")
struct WriterTests {
    @Test("compact: no whitespace, keys sorted by UTF-8 bytes, control characters escaped")
    func compact() throws {
        let value = JSONValue.object([
            "b": .array([.number("1"), .number("2.5e-05"), .null, .bool(true)]), "a": .object([:]), "é": .array([]), "Z": .string("q\"\\\n\r\t\u{08}\u{0C}\u{1F}é"),
        ])
        let text = JSONWriter.text(value, style: .compact)
        #expect(text == #"{"Z":"q\"\\\n\r\t\u0008\u000c\u001fé","a":{},"b":[1,2.5e-05,null,true],"é":[]}"#)
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
    }

    @Test("indented: backspace and form feed keep their short escapes")
    func indentedEscapes() {
        #expect(JSONWriter.text(.string("\u{08}\u{0C}\u{0}")) == "\"\\b\\f\\u0000\"\n")
    }

    @Test("an object from a dictionary has its members in key order, and a subscript finds them")
    func dictionaryObjects() {
        let value = JSONValue.object(["b": .number("2"), "a": .number("1")])
        #expect(value == .object([JSONMember(key: "a", value: .number("1")), JSONMember(key: "b", value: .number("2"))]))
        #expect(value["b"] == .number("2") && value["c"] == nil && JSONValue.number("1")["a"] == nil)
    }
}
