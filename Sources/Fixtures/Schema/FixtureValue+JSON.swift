internal import LiteralJSON

/// The JSON spelling of fixture values (see `FixtureValue` for the table) in both directions.

/// The JSON strings that stand for non-finite floats.
enum NonFiniteSpelling {
    static let nan = "nan", infinity = "inf", negativeInfinity = "-inf"

    static func text(_ value: Double) -> String? {
        if value.isNaN { return nan }
        if value.isInfinite { return value < 0 ? negativeInfinity : infinity }
        return nil
    }

    static func value(_ text: String) -> Double? {
        switch text {
        case nan: return .nan
        case infinity: return .infinity
        case negativeInfinity: return -.infinity
        default: return nil
        }
    }
}

/// Keys that make an object a `FixtureArray`.
let fixtureArrayKeys: Set<String> = ["dtype", "shape", "values"]

extension SchemaReader {
    /// The fixture value spelled by `json`.
    func value(_ json: JSONValue, at location: String) throws(FixtureError) -> FixtureValue {
        switch json {
        case .null:
            throw failure(location, "null is not a fixture value")
        case let .bool(flag):
            return .bool(flag)
        case let .number(text):
            return JSONValue.isIntegerLiteral(text) ? .integer(try integer(json, at: location)) : .number(try double(text, at: location))
        case let .string(text):
            return NonFiniteSpelling.value(text).map(FixtureValue.number) ?? .string(text)
        case let .array(items):
            if items.allSatisfy({ if case let .number(t) = $0 { JSONValue.isIntegerLiteral(t) } else { false } }) {
                var values: [Int] = []
                values.reserveCapacity(items.count)
                for (i, item) in items.enumerated() { values.append(try integer(item, at: "\(location)[\(i)]")) }
                return .integers(values)
            }
            var values: [FixtureValue] = []
            values.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { values.append(try value(item, at: "\(location)[\(i)]")) }
            return .list(values)
        case let .object(members):
            if Set(members.map(\.key)) == fixtureArrayKeys { return .array(try array(json, at: location)) }
            var values: [String: FixtureValue] = [:]
            for member in members { values[member.key] = try value(member.value, at: "\(location).\(member.key)") }
            return .object(values)
        }
    }

    /// The `{"dtype", "shape", "values"}` object `json`.
    func array(_ json: JSONValue, at location: String) throws(FixtureError) -> FixtureArray {
        let members = try object(json, at: location, allowed: fixtureArrayKeys)
        let dtypeName = try members.string("dtype")
        guard let dtype = FixtureArray.DType(rawValue: dtypeName) else {
            throw failure(members.at("dtype"), "unknown dtype \"\(dtypeName)\" (expected float64 or float32)")
        }
        let shapeJSON = try members.required("shape")
        guard case let .array(dimensionsJSON) = shapeJSON else {
            throw failure(members.at("shape"), "expected a list of integers, found \(shapeJSON.kindName)")
        }
        var shape: [Int] = []
        for (i, dimension) in dimensionsJSON.enumerated() {
            let n = try integer(dimension, at: members.at("shape") + "[\(i)]")
            guard n >= 0 else { throw failure(members.at("shape"), "negative dimension \(n)") }
            shape.append(n)
        }
        guard let count = FixtureArray.elementCount(shape) else {
            throw failure(members.at("shape"), "shape \(shape) has too many elements")
        }
        var values: [Double] = []
        values.reserveCapacity(min(count, 1 << 16))
        try nestedValues(try members.required("values"), shape: shape[...], dtype: dtype, at: members.at("values"), into: &values)
        return FixtureArray(uncheckedDType: dtype, shape: shape, values: values)
    }

    /// Appends the values of the nested lists `json` of shape `shape`, checking the nesting.
    private func nestedValues(
        _ json: JSONValue, shape: ArraySlice<Int>, dtype: FixtureArray.DType, at location: String, into values: inout [Double]
    ) throws(FixtureError) {
        guard let length = shape.first else {
            values.append(try element(json, dtype: dtype, at: location))
            return
        }
        guard case let .array(items) = json else {
            throw failure(location, "expected a list of \(length) for the shape, found \(json.kindName)")
        }
        guard items.count == length else {
            throw failure(location, "expected \(length) elements for the shape, found \(items.count)")
        }
        for (i, item) in items.enumerated() {
            try nestedValues(item, shape: shape.dropFirst(), dtype: dtype, at: "\(location)[\(i)]", into: &values)
        }
    }

    private func element(_ json: JSONValue, dtype: FixtureArray.DType, at location: String) throws(FixtureError) -> Double {
        switch json {
        case let .number(text):
            return dtype == .float32 ? try float(text, at: location) : try double(text, at: location)
        case let .string(text):
            if let value = NonFiniteSpelling.value(text) { return value }
            throw failure(location, "expected a number, \"nan\", \"inf\" or \"-inf\", found \"\(text)\"")
        default:
            throw failure(location, "expected a number, found \(json.kindName)")
        }
    }
}

/// Writes fixture values as JSON, refusing those that would read back as something else.
struct SchemaWriter {
    /// The file being written and the case, for messages.
    let file: String
    let caseID: String

    func failure(_ location: String, _ message: String) -> FixtureError {
        .unrepresentable(path: file, caseID: caseID, location: location, message: message)
    }

    /// The JSON spelling of `value`.
    func json(_ value: FixtureValue, at location: String) throws(FixtureError) -> JSONValue {
        switch value {
        case let .number(v):
            return SchemaWriter.number(v)
        case let .integer(v):
            return .number(String(v))
        case let .integers(values):
            return .array(values.map { .number(String($0)) })
        case let .string(text):
            guard NonFiniteSpelling.value(text) == nil else {
                throw failure(location, "the string \"\(text)\" would read back as a number; use .number or another spelling")
            }
            return .string(text)
        case let .bool(flag):
            return .bool(flag)
        case let .array(array):
            return SchemaWriter.json(array)
        case let .object(members):
            guard Set(members.keys) != fixtureArrayKeys else {
                throw failure(location, "an object with exactly the keys dtype, shape, values would read back as an array")
            }
            var out: [JSONMember] = []
            for (key, member) in members { out.append(JSONMember(key: key, value: try json(member, at: "\(location).\(key)"))) }
            return .object(out)
        case let .list(items):
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() { out.append(try json(item, at: "\(location)[\(i)]")) }
            return .array(out)
        }
    }

    /// A float64 in its shortest round-trip spelling (`0.1`, `2.0`, `1e-10`, `-0.0`), or `"nan"`,
    /// `"inf"`, `"-inf"`.
    static func number(_ v: Double) -> JSONValue {
        NonFiniteSpelling.text(v).map(JSONValue.string) ?? .number(v.description)
    }

    /// A float32 in its shortest round-trip spelling as a float32.
    static func float(_ v: Double) -> JSONValue {
        NonFiniteSpelling.text(v).map(JSONValue.string) ?? .number(Float(v).description)
    }

    /// The `{"dtype", "shape", "values"}` object for `array`, values nested by the shape.
    static func json(_ array: FixtureArray) -> JSONValue {
        let spell = array.dtype == .float32 ? float : number
        func nest(_ dimension: Int, _ offset: Int) -> JSONValue {
            guard dimension < array.shape.count else { return spell(array.values[offset]) }
            let stride = array.shape[(dimension + 1)...].reduce(1, *)
            return .array((0..<array.shape[dimension]).map { nest(dimension + 1, offset + $0 * stride) })
        }
        return .object([
            JSONMember(key: "dtype", value: .string(array.dtype.rawValue)),
            JSONMember(key: "shape", value: .array(array.shape.map { .number(String($0)) })),
            JSONMember(key: "values", value: nest(0, 0)),
        ])
    }
}
