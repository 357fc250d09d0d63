/// A JSON parser (RFC 8259) that keeps number literals as text (see `JSONValue`).
///
/// Always refused: trailing commas, comments, leading zeros, raw control characters in strings,
/// invalid escapes, repeated keys in one object, and nesting deeper than `maximumDepth`. What
/// else is accepted depends on the `Options`: `.strict` (fixture files) also refuses `NaN` and
/// `Infinity`, lone surrogate escapes and invalid UTF-8 anywhere; `.python` (the implementation
/// protocol) reads what Python's `json.dumps` writes: bare `NaN`, `Infinity` and `-Infinity` as
/// numbers, and lone surrogates (`"\udc80"`) and invalid UTF-8 inside strings as U+FFFD.
/// Errors say where, as a byte offset and as a 1-based line and column.
public struct JSONParser {
    /// What the parser accepts beyond RFC 8259, and how deep it nests.
    public struct Options: Sendable, Equatable {
        /// Reads Python's bare `NaN`, `Infinity` and `-Infinity` as numbers with that text.
        public var allowsNonFiniteLiterals: Bool
        /// Reads lone surrogate escapes and invalid UTF-8 inside strings as U+FFFD instead of
        /// refusing the text (which must otherwise be valid UTF-8 throughout).
        public var replacesInvalidUnicode: Bool
        /// Skips a leading UTF-8 byte-order mark.
        public var allowsByteOrderMark: Bool
        /// Nesting deeper than this many arrays and objects is refused rather than recursed into.
        public var maximumDepth: Int

        public init(
            allowsNonFiniteLiterals: Bool = false, replacesInvalidUnicode: Bool = false,
            allowsByteOrderMark: Bool = true, maximumDepth: Int = 512
        ) {
            self.allowsNonFiniteLiterals = allowsNonFiniteLiterals
            self.replacesInvalidUnicode = replacesInvalidUnicode
            self.allowsByteOrderMark = allowsByteOrderMark
            self.maximumDepth = maximumDepth
        }

        /// RFC 8259 and nothing else (a leading byte-order mark is allowed, as it permits).
        public static let strict = Options()
        /// What Python's `json` module writes and reads: non-finite literals and lone surrogates,
        /// but no byte-order mark.
        public static let python = Options(allowsNonFiniteLiterals: true, replacesInvalidUnicode: true, allowsByteOrderMark: false)
    }

    /// Why and where the text is not JSON.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// The byte offset of the problem in the text.
        public var offset: Int
        /// The 1-based line (lines end at `\n`) and the 1-based column (in bytes) of `offset`.
        public var line: Int
        public var column: Int
        public var message: String

        public init(offset: Int, line: Int, column: Int, message: String) {
            self.offset = offset
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String { "\(line):\(column): \(message)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let options: Options
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) {
        self.bytes = bytes
        self.options = options
    }

    /// Parses one JSON document (surrounding whitespace allowed).
    public static func parse(_ bytes: [UInt8], options: Options = .strict) throws(SyntaxError) -> JSONValue {
        let result: Result<JSONValue, SyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, options: options)
            do throws(SyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        if !options.replacesInvalidUnicode, String(validating: bytes, as: UTF8.self) == nil {
            throw error("the text is not valid UTF-8", at: firstInvalidUTF8Offset())
        }
        if options.allowsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected \(describeCurrent()) after the end of the document") }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of text, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N") where options.allowsNonFiniteLiterals: try expectLiteral("NaN"); return .number("NaN")
        case UInt8(ascii: "I") where options.allowsNonFiniteLiterals: try expectLiteral("Infinity"); return .number("Infinity")
        case UInt8(ascii: "-") where options.allowsNonFiniteLiterals && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "I"):
            index += 1
            try expectLiteral("Infinity")
            return .number("-Infinity")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enterContainer()
        index += 1  // {
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("unexpected \(describeCurrent()), expected a key in quotes") }
            let keyStart = index
            let key = try parseString()
            guard seen.insert(key).inserted else { throw error("duplicate key \"\(key)\"", at: keyStart) }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("unexpected \(describeCurrent()), expected ':' after a key") }
            index += 1
            skipWhitespace()
            members.append(JSONMember(key: key, value: try parseValue()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            guard peek(UInt8(ascii: "}")) else { throw error("unexpected \(describeCurrent()), expected ',' or '}'") }
            index += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enterContainer()
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            guard peek(UInt8(ascii: "]")) else { throw error("unexpected \(describeCurrent()), expected ',' or ']'") }
            index += 1
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func enterContainer() throws(SyntaxError) {
        depth += 1
        guard depth <= options.maximumDepth else { throw error("nesting deeper than \(options.maximumDepth) levels") }
    }

    // MARK: Strings

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = index
        index += 1  // opening quote
        var buffer: [UInt8] = []
        while true {
            // Copy runs of plain bytes at once: base64 array data is megabytes without an escape.
            let runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                if buffer.isEmpty { return String(decoding: run, as: UTF8.self) }
                buffer.append(contentsOf: run)
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(contentsOf: run)
            guard byte == UInt8(ascii: "\\") else {
                throw error("control character U+\(hex4(UInt32(byte))) in a string (write it as an escape)")
            }
            index += 1
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): buffer.append(contentsOf: String(Character(try parseUnicodeEscape())).utf8)
            default: throw error("invalid escape '\\\(Unicode.Scalar(escape))' in a string", at: index - 2)
            }
        }
    }

    /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair. A lone
    /// surrogate is an error, or U+FFFD with `replacesInvalidUnicode`.
    private mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let escapeStart = index - 2
        let first = try parseHex4()
        if options.replacesInvalidUnicode {
            if (0xD800..<0xDC00).contains(first), index + 5 < bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try parseHex4()
                if (0xDC00..<0xE000).contains(second), let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                    return scalar
                }
                index = save  // not a pair: the next escape is read on its own
            }
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        }
        var scalarValue = first
        if (0xD800..<0xDC00).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("lone surrogate \\u\(hex4(first)) in a string", at: escapeStart)
            }
            index += 2
            let second = try parseHex4()
            guard (0xDC00..<0xE000).contains(second) else {
                throw error("lone surrogate \\u\(hex4(first)) in a string", at: escapeStart)
            }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00..<0xE000).contains(first) {
            throw error("lone surrogate \\u\(hex4(first)) in a string", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw error("invalid escape \\u\(hex4(first))", at: escapeStart)
        }
        return scalar
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigitValue(bytes[index]) else {
                throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs a digit after '-'") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number cannot have a leading zero", at: start) }
        } else {
            skipDigits()
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs a digit after '.'") }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs a digit in its exponent") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    // MARK: Helpers

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let length = literal.utf8CodeUnitCount
        let matches = bytes.count - index >= length
            && (0..<length).allSatisfy { literal.utf8Start[$0] == bytes[index + $0] }
        guard matches else { throw error("unexpected \(describeCurrent()), expected a value") }
        index += length
    }

    private func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// What is at the current position, for messages: "'x'", "byte 0x80", "end of text".
    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of text" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Unicode.Scalar(byte))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func firstInvalidUTF8Offset() -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        let offset = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return SyntaxError(offset: offset, line: line, column: offset - lineStart + 1, message: message)
    }
}
