internal import LiteralJSON

/// Reads parsed JSON into schema types, turning every mismatch into a `FixtureError` that names
/// the file and the location (`cases[2] ('layers.affine.forward.golden').tolerance.kind`).
struct SchemaReader {
    /// The file being read, for messages.
    let file: String

    func failure(_ location: String, _ message: String) -> FixtureError {
        .invalidContent(path: file, location: location, message: message)
    }

    /// The members of an object, checked against the keys the schema allows.
    func object(_ json: JSONValue, at location: String, allowed: Set<String>) throws(FixtureError) -> ObjectReader {
        guard case let .object(members) = json else {
            throw failure(location, "expected an object, found \(json.kindName)")
        }
        for member in members where !allowed.contains(member.key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw failure(location, "unknown key '\(member.key)' (allowed: \(known))")
        }
        return ObjectReader(reader: self, location: location, members: members)
    }

    func string(_ json: JSONValue, at location: String) throws(FixtureError) -> String {
        guard case let .string(text) = json else { throw failure(location, "expected a string, found \(json.kindName)") }
        return text
    }

    func integer(_ json: JSONValue, at location: String) throws(FixtureError) -> Int {
        guard case let .number(text) = json, JSONValue.isIntegerLiteral(text) else {
            throw failure(location, "expected an integer, found \(json.kindName)")
        }
        guard let value = Int(text) else { throw failure(location, "integer \(text) is out of range") }
        return value
    }

    /// A finite float64 from any number literal.
    func number(_ json: JSONValue, at location: String) throws(FixtureError) -> Double {
        guard case let .number(text) = json else { throw failure(location, "expected a number, found \(json.kindName)") }
        return try double(text, at: location)
    }

    /// `text` (a JSON number literal) as the nearest float64; it must be finite.
    func double(_ text: String, at location: String) throws(FixtureError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw failure(location, "\(text) is out of float64 range")
        }
        return value
    }

    /// `text` (a JSON number literal) as the nearest float32, widened; it must be finite.
    func float(_ text: String, at location: String) throws(FixtureError) -> Double {
        guard let value = Float(text), value.isFinite else {
            throw failure(location, "\(text) is out of float32 range")
        }
        return Double(value)
    }

    func strings(_ json: JSONValue, at location: String) throws(FixtureError) -> [String] {
        guard case let .array(items) = json else { throw failure(location, "expected a list of strings, found \(json.kindName)") }
        var values: [String] = []
        for (i, item) in items.enumerated() { values.append(try string(item, at: "\(location)[\(i)]")) }
        return values
    }
}

/// The members of one JSON object, read by key.
struct ObjectReader {
    let reader: SchemaReader
    let location: String
    let members: [JSONMember]

    /// Member `key`, or nil.
    func optional(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// Member `key`; throws when it is absent.
    func required(_ key: String) throws(FixtureError) -> JSONValue {
        guard let value = optional(key) else { throw reader.failure(location, "missing key '\(key)'") }
        return value
    }

    /// Where member `key` is: `location.key`.
    func at(_ key: String) -> String { "\(location).\(key)" }

    func string(_ key: String) throws(FixtureError) -> String {
        try reader.string(try required(key), at: at(key))
    }
}
