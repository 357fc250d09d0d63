@testable import Adapters
import Implementation
import NumericCore
import Testing

@Suite("Protocol codec: values")
struct ProtocolCodecValueTests {
    func text(_ value: Value) throws(ProtocolError) -> String {
        String(decoding: try ProtocolCodec.encode(value), as: UTF8.self)
    }

    func decode(_ text: String) throws(ProtocolError) -> Value {
        try ProtocolCodec.decode(Array(text.utf8))
    }

    func roundTrip(_ value: Value) throws(ProtocolError) -> Value {
        try ProtocolCodec.decode(ProtocolCodec.encode(value))
    }

    @Test("floats are written shortest, always with a fraction or an exponent", arguments: [
        (1.0, "1.0"), (1e-05, "1e-05"), (-0.0, "-0.0"), (0.1, "0.1"), (1e16, "1e+16"), (Double.leastNonzeroMagnitude, "5e-324"),
        (123456789.0, "123456789.0"), (1.7976931348623157e308, "1.7976931348623157e+308"), (-2.5, "-2.5"),
    ])
    func floatText(value: Double, expected: String) throws {
        #expect(try text(.number(value)) == expected)
    }

    @Test("integers are written without a fraction")
    func integerText() throws {
        #expect(try text(.integer(3)) == "3")
        #expect(try text(.integer(-9_007_199_254_740_993)) == "-9007199254740993")
        #expect(try text(.integer(Int.max)) == "9223372036854775807")
    }

    @Test("non-finite floats travel as $float")
    func nonFiniteText() throws {
        #expect(try text(.number(.nan)) == #"{"$float":"nan"}"#)
        #expect(try text(.number(.infinity)) == #"{"$float":"inf"}"#)
        #expect(try text(.number(-.infinity)) == #"{"$float":"-inf"}"#)
        #expect(identical(try decode(#"{"$float": "-inf"}"#), .number(-.infinity)))
        #expect(identical(try decode(#"{"$float": "inf"}"#), .number(.infinity)))
        guard case let .number(x) = try decode(#"{"$float": "nan"}"#) else { Issue.record("not a number"); return }
        #expect(x.isNaN)
    }

    @Test("a literal with '.' or 'e' is a float, without is an integer")
    func integersVersusFloats() throws {
        #expect(try decode("3") == .integer(3))
        #expect(try decode("3.0") == .number(3))
        #expect(try decode("1e2") == .number(100))
        #expect(try decode("1E-2") == .number(0.01))
        #expect(try decode("-0") == .integer(0))
        #expect(identical(try decode("-0.0"), .number(-0.0)))
        #expect(try decode("[1, 1.0]") == .list([.integer(1), .number(1)]))
    }

    @Test("Python's bare NaN and Infinity are read as floats")
    func pythonTokens() throws {
        guard case let .list(items) = try decode("[NaN, Infinity, -Infinity]"), items.count == 3 else {
            Issue.record("not a list of three"); return
        }
        if case let .number(x) = items[0] { #expect(x.isNaN) } else { Issue.record("NaN is \(items[0].kind)") }
        #expect(items[1] == .number(.infinity))
        #expect(items[2] == .number(-.infinity))
    }

    @Test("every float64 bit pattern survives the text form exactly")
    func floatsRoundTrip() throws {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .leastNormalMagnitude, 0.1, 1.0 / 3, .pi]
        for _ in 0..<20_000 {
            let x = Double(bitPattern: rng.next())
            if x.isFinite { values.append(x) }
        }
        for x in values {
            let back = try roundTrip(.number(x))
            #expect(identical(back, .number(x)), "\(x) came back as \(back)")
        }
    }

    @Test("float64 arrays keep every bit: NaN, infinities, -0.0, subnormals")
    func arrayBits() throws {
        let nanWithPayload = Double(bitPattern: 0x7FF8_0000_DEAD_BEEF)
        let tensor = Tensor<Double>([.nan, nanWithPayload, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, 1.0 / 3])
        let back = try roundTrip(.array(tensor))
        #expect(identical(back, .array(tensor)))
        #expect(try text(.array(tensor)).contains(#""dtype":"float64""#))
    }

    @Test("empty and 0-d arrays", arguments: [[0], [0, 3], [2, 0, 4], []])
    func emptyAndScalarArrays(shape: [Int]) throws {
        let tensor = Tensor<Double>(zeros: shape, value: 1.25)
        let back = try roundTrip(.array(tensor))
        #expect(identical(back, .array(tensor)))
        guard case let .array(decoded) = back else { Issue.record("not an array"); return }
        #expect(decoded.shape == shape)
    }

    @Test("a million-element array round-trips")
    func largeArray() throws {
        let tensor = Tensor<Double>(uncheckedShape: [1000, 1000], scalars: (0..<1_000_000).map { Double($0) * 0.001 - 7 })
        #expect(identical(try roundTrip(.array(tensor)), .array(tensor)))
    }

    @Test("other dtypes convert to float64", arguments: [
        ("float32", [Float(1.5), -2.25, 3e38].flatMap { bytes(of: $0.bitPattern) }, [1.5, -2.25, Double(Float(3e38))]),
        ("int64", [Int64(-1 << 40), 0, 1 << 53].flatMap { bytes(of: UInt64(bitPattern: $0)) }, [-1_099_511_627_776, 0, 9_007_199_254_740_992]),
        ("int32", [Int32(-7), .max].flatMap { bytes(of: UInt32(bitPattern: $0)) }, [-7, 2_147_483_647]),
        ("uint8", [0, 128, 255], [0, 128, 255]),
        ("bool", [1, 0, 2], [1, 0, 1]),
    ] as [(String, [UInt8], [Double])])
    func dtypes(dtype: String, data: [UInt8], expected: [Double]) throws {
        let base64 = data.withUnsafeBytes { String(decoding: Base64.encode($0), as: UTF8.self) }
        let value = try decode(#"{"$array": {"dtype": "\#(dtype)", "shape": [\#(expected.count)], "data": "\#(base64)"}}"#)
        #expect(value == .array(Tensor(expected)))
    }

    @Test("nested lists and dicts, handles, None and booleans")
    func nested() throws {
        let value: Value = .dict([
            "model": .handle(Handle(12)), "none": .none, "flags": .list([.bool(true), .bool(false)]),
            "config": .dict(["learning_rate": .number(1e-3), "t": .integer(5), "cache": .dict(["v": .array(Tensor([1, 2]))])]),
            "deep": .list([.list([.list([.dict([:]), .list([])])])]),
        ])
        #expect(identical(try roundTrip(value), value))
        #expect(try text(.handle(Handle(12))) == #"{"$handle":12}"#)
    }

    @Test("strings with unicode, quotes and control characters", arguments: [
        "plain", "é中文🤖", "quote \" backslash \\ slash /", "tab\tnewline\nreturn\r", "\u{0}\u{1}\u{1F}\u{7F}",
        "\u{2028}\u{2029}\u{FEFF}", "",
    ])
    func strings(text: String) throws {
        #expect(try roundTrip(.string(text)) == .string(text))
        // Control characters never appear raw in the JSON text.
        #expect(try ProtocolCodec.encode(.string(text)).allSatisfy { $0 >= 0x20 })
    }

    @Test("escapes as Python writes them: surrogate pairs, and lone surrogates become U+FFFD")
    func pythonEscapes() throws {
        #expect(try decode(#""\u00e9\ud83e\udd16\n\/""#) == .string("é🤖\n/"))
        #expect(try decode(#""a\udc80b""#) == .string("a\u{FFFD}b"))
        #expect(try decode(#""\ud83e""#) == .string("\u{FFFD}"))
    }

    @Test("text that is not JSON is refused at stage .json", arguments: [
        "[1, 2,]", "{\"a\": 1,}", "01", "1.", ".5", "\"unterminated", "\"raw \u{1} control\"", "// comment\n1",
        "{\"a\": 1, \"a\": 2}", "[1] [2]", "", "tru", "{'a': 1}", "\"bad \\x escape\"", "nan",
    ])
    func notJSON(text: String) {
        do {
            _ = try decode(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.stage == .json)
        }
    }

    @Test("unusable values are refused at stage .value", arguments: [
        #"{"$tensor": 1}"#, #"{"$handle": 1, "x": 2}"#, #"{"$handle": 1.5}"#, #"{"$float": "big"}"#,
        "99999999999999999999",
        #"{"$array": {"dtype": "float64", "shape": [3], "data": "AAAA"}}"#,
        #"{"$array": {"dtype": "float64", "shape": [-1], "data": ""}}"#,
        #"{"$array": {"dtype": "complex128", "shape": [0], "data": ""}}"#,
        #"{"$array": {"dtype": "float64", "shape": [1], "data": "!!!!!!!!!!!="}}"#,
        #"{"$array": {"dtype": "float64", "shape": [1.0], "data": "AAAAAAAAAAA="}}"#,
        #"{"$array": {"dtype": "float64", "data": ""}}"#,
    ])
    func unusable(text: String) {
        do {
            _ = try decode(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.stage == .value, "\(error)")
        }
    }

    @Test("dict keys starting with '$' cannot be sent")
    func dollarKeys() {
        #expect(throws: ProtocolError.self) { try ProtocolCodec.encode(.dict(["$array": .integer(1)])) }
    }

    @Test("nesting deeper than 512 levels is refused, not recursed into")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: ProtocolError.self) { try decode(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? decode(fine)) != nil)
    }
}

func bytes<T: FixedWidthInteger>(of value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}
