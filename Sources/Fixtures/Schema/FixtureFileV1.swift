internal import LiteralJSON

/// Schema version 1 of a fixture file: the header plus a list of cases.
///
///     {
///       "cases": [
///         {
///           "description": "...",
///           "expected": { "out": {"dtype": "float64", "shape": [2, 3], "values": [[...], [...]]} },
///           "id": "layers.affine.forward.golden",
///           "inputs": { ... },
///           "provenance": {"kind": "golden", "notebook": "...", "source": "...", "years": ["2016", ...]},
///           "tolerance": {"kind": "relative", "note": "notebook: 'around e-9 or less'", "value": 1e-09}
///         }
///       ],
///       "format": "gradecheck-fixtures",
///       "schema_version": 1
///     }
///
/// A recorded case's provenance is `{"command": ..., "engine": ..., "kind": "recorded", "seed": 231}`.
/// Every key listed is required (`notebook` is optional) and no other key is allowed.
struct FixtureFileV1 {
    var cases: [FixtureCase]

    static let version = 1

    // MARK: Reading

    /// The payload of `json`, whose header has been checked.
    static func decode(_ json: JSONValue, file: String) throws(FixtureError) -> FixtureFileV1 {
        let reader = SchemaReader(file: file)
        let top = try reader.object(
            json, at: "top level", allowed: [FixtureFileHeader.formatKey, FixtureFileHeader.versionKey, "cases"])
        let casesJSON = try top.required("cases")
        guard case let .array(items) = casesJSON else {
            throw reader.failure("cases", "expected a list, found \(casesJSON.kindName)")
        }
        var cases: [FixtureCase] = []
        var seen: Set<String> = []
        for (i, item) in items.enumerated() {
            let fixture = try decodeCase(item, at: "cases[\(i)]", reader: reader)
            guard seen.insert(fixture.id).inserted else {
                throw .duplicateCase(id: fixture.id, firstPath: file, secondPath: file)
            }
            cases.append(fixture)
        }
        return FixtureFileV1(cases: cases)
    }

    private static func decodeCase(_ json: JSONValue, at index: String, reader: SchemaReader) throws(FixtureError) -> FixtureCase {
        let allowed: Set<String> = ["id", "description", "inputs", "expected", "tolerance", "provenance"]
        let fields = try reader.object(json, at: index, allowed: allowed)
        let id = try fields.string("id")
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace }) else {
            throw reader.failure(fields.at("id"), "an id must be non-empty and have no spaces, found \"\(id)\"")
        }
        let location = "\(index) ('\(id)')"
        let named = ObjectReader(reader: reader, location: location, members: fields.members)
        return FixtureCase(
            id: id,
            description: try named.string("description"),
            inputs: try values(try named.required("inputs"), at: named.at("inputs"), reader: reader),
            expected: try values(try named.required("expected"), at: named.at("expected"), reader: reader),
            tolerance: try decodeTolerance(try named.required("tolerance"), at: named.at("tolerance"), reader: reader),
            provenance: try decodeProvenance(try named.required("provenance"), at: named.at("provenance"), reader: reader),
            sourceFile: reader.file)
    }

    private static func values(_ json: JSONValue, at location: String, reader: SchemaReader) throws(FixtureError) -> [String: FixtureValue] {
        guard case let .object(members) = json else {
            throw reader.failure(location, "expected an object, found \(json.kindName)")
        }
        var values: [String: FixtureValue] = [:]
        for member in members { values[member.key] = try reader.value(member.value, at: "\(location).\(member.key)") }
        return values
    }

    private static func decodeTolerance(_ json: JSONValue, at location: String, reader: SchemaReader) throws(FixtureError) -> Tolerance {
        let fields = try reader.object(json, at: location, allowed: ["kind", "value", "note"])
        let kindName = try fields.string("kind")
        guard let kind = Tolerance.Kind(rawValue: kindName) else {
            throw reader.failure(fields.at("kind"), "unknown tolerance kind \"\(kindName)\" (expected relative or absolute)")
        }
        let value = try reader.number(try fields.required("value"), at: fields.at("value"))
        guard value >= 0 else { throw reader.failure(fields.at("value"), "a tolerance cannot be negative, found \(value)") }
        return Tolerance(kind: kind, value: value, note: try fields.string("note"))
    }

    private static func decodeProvenance(_ json: JSONValue, at location: String, reader: SchemaReader) throws(FixtureError) -> Provenance {
        guard case let .object(members) = json else {
            throw reader.failure(location, "expected an object, found \(json.kindName)")
        }
        let kindName = try ObjectReader(reader: reader, location: location, members: members).string("kind")
        switch kindName {
        case "golden":
            let fields = try reader.object(json, at: location, allowed: ["kind", "source", "years", "notebook"])
            let notebook = try fields.optional("notebook").map { (j) throws(FixtureError) in try reader.string(j, at: fields.at("notebook")) }
            return .golden(
                source: try fields.string("source"),
                years: try reader.strings(try fields.required("years"), at: fields.at("years")),
                notebook: notebook)
        case "recorded":
            let fields = try reader.object(json, at: location, allowed: ["kind", "seed", "engine", "command"])
            let seed = try reader.integer(try fields.required("seed"), at: fields.at("seed"))
            guard let seed32 = UInt32(exactly: seed) else {
                throw reader.failure(fields.at("seed"), "a seed must be in 0...\(UInt32.max), found \(seed)")
            }
            return .recorded(seed: seed32, engine: try fields.string("engine"), command: try fields.string("command"))
        default:
            throw reader.failure(location + ".kind", "unknown provenance kind \"\(kindName)\" (expected golden or recorded)")
        }
    }

    // MARK: Writing

    /// The whole document (header included) for these cases.
    func encode(file: String) throws(FixtureError) -> JSONValue {
        var seen: Set<String> = []
        var items: [JSONValue] = []
        for fixture in cases {
            guard seen.insert(fixture.id).inserted else {
                throw .duplicateCase(id: fixture.id, firstPath: file, secondPath: file)
            }
            items.append(try Self.encodeCase(fixture, file: file))
        }
        return .object([
            JSONMember(key: FixtureFileHeader.formatKey, value: .string(FixtureFileHeader.formatName)),
            JSONMember(key: FixtureFileHeader.versionKey, value: .number(String(Self.version))),
            JSONMember(key: "cases", value: .array(items)),
        ])
    }

    private static func encodeCase(_ fixture: FixtureCase, file: String) throws(FixtureError) -> JSONValue {
        let writer = SchemaWriter(file: file, caseID: fixture.id)
        guard !fixture.id.isEmpty, !fixture.id.contains(where: { $0.isWhitespace }) else {
            throw writer.failure("id", "an id must be non-empty and have no spaces")
        }
        func values(_ group: [String: FixtureValue], _ name: String) throws(FixtureError) -> JSONValue {
            var members: [JSONMember] = []
            for (key, value) in group { members.append(JSONMember(key: key, value: try writer.json(value, at: "\(name).\(key)"))) }
            return .object(members)
        }
        let tolerance = fixture.tolerance
        guard tolerance.value.isFinite, tolerance.value >= 0 else {
            throw writer.failure("tolerance.value", "a tolerance must be finite and non-negative, found \(tolerance.value)")
        }
        var provenance: [JSONMember] = [JSONMember(key: "kind", value: .string(fixture.provenance.kindName))]
        switch fixture.provenance {
        case let .golden(source, years, notebook):
            provenance.append(JSONMember(key: "source", value: .string(source)))
            provenance.append(JSONMember(key: "years", value: .array(years.map(JSONValue.string))))
            if let notebook { provenance.append(JSONMember(key: "notebook", value: .string(notebook))) }
        case let .recorded(seed, engine, command):
            provenance.append(JSONMember(key: "seed", value: .number(String(seed))))
            provenance.append(JSONMember(key: "engine", value: .string(engine)))
            provenance.append(JSONMember(key: "command", value: .string(command)))
        }
        return .object([
            JSONMember(key: "id", value: .string(fixture.id)),
            JSONMember(key: "description", value: .string(fixture.description)),
            JSONMember(key: "inputs", value: try values(fixture.inputs, "inputs")),
            JSONMember(key: "expected", value: try values(fixture.expected, "expected")),
            JSONMember(key: "tolerance", value: .object([
                JSONMember(key: "kind", value: .string(tolerance.kind.rawValue)),
                JSONMember(key: "value", value: SchemaWriter.number(tolerance.value)),
                JSONMember(key: "note", value: .string(tolerance.note)),
            ])),
            JSONMember(key: "provenance", value: .object(provenance)),
        ])
    }
}
