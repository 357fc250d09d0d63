import NumericCore

/// A value inside a fixture case together with where it sits (file, case, key path), so that
/// its typed accessors can throw an error naming all three:
///
///     let x: Tensor<Double> = try fixture.input("x").tensor()
///     let rate = try fixture.input("config").member("learning_rate").number()
///
/// Accessors are strict: `number()` does not accept an integer, nor `integer()` a number.
public struct FixtureField: Sendable {
    /// The value.
    public let value: FixtureValue
    /// Where it is inside the case: `inputs.config.learning_rate`, `expected.scores`.
    public let location: String
    /// The case's id.
    public let caseID: String
    /// The file the case came from (`FixtureError.inMemory` for a case built in code).
    public let file: String

    public init(value: FixtureValue, location: String, caseID: String, file: String) {
        self.value = value
        self.location = location
        self.caseID = caseID
        self.file = file
    }

    /// The float of a `.number`.
    public func number() throws(FixtureError) -> Double {
        guard let v = value.numberValue else { throw mismatch("a number") }
        return v
    }

    /// The integer of an `.integer`.
    public func integer() throws(FixtureError) -> Int {
        guard let v = value.integerValue else { throw mismatch("an integer") }
        return v
    }

    /// The integers of an `.integers` (or of a list of integers).
    public func integers() throws(FixtureError) -> [Int] {
        guard let v = value.integersValue else { throw mismatch("a list of integers") }
        return v
    }

    /// The text of a `.string`.
    public func string() throws(FixtureError) -> String {
        guard let v = value.stringValue else { throw mismatch("a string") }
        return v
    }

    /// The flag of a `.bool`.
    public func bool() throws(FixtureError) -> Bool {
        guard let v = value.boolValue else { throw mismatch("a boolean") }
        return v
    }

    /// The array of an `.array`, of either dtype.
    public func array() throws(FixtureError) -> FixtureArray {
        guard let v = value.arrayValue else { throw mismatch("an array") }
        return v
    }

    /// The `.array` as a tensor; its dtype must be `Scalar`'s (float64 for `Double`).
    public func tensor<Scalar: NetScalar>(as type: Scalar.Type = Scalar.self) throws(FixtureError) -> Tensor<Scalar> {
        guard let v = value.arrayValue, v.dtype.rawValue == Scalar.dtypeName else {
            throw mismatch("a \(Scalar.dtypeName) array")
        }
        return Tensor(uncheckedShape: v.shape, scalars: v.values.map { Scalar($0) })
    }

    /// The elements of a `.list` (or `.integers`), each with its location (`name[2]`).
    public func list() throws(FixtureError) -> [FixtureField] {
        guard let items = value.listValue else { throw mismatch("a list") }
        return items.enumerated().map { child($0.element, location: "\(location)[\($0.offset)]") }
    }

    /// The members of an `.object`.
    public func object() throws(FixtureError) -> [String: FixtureValue] {
        guard let v = value.objectValue else { throw mismatch("an object") }
        return v
    }

    /// Member `key` of an `.object`; throws when it is absent.
    public func member(_ key: String) throws(FixtureError) -> FixtureField {
        let members = try object()
        guard let v = members[key] else {
            throw .missingKey(path: file, caseID: caseID, location: location, key: key, available: FixtureField.sortedKeys(members))
        }
        return child(v, location: "\(location).\(key)")
    }

    /// Member `key` of an `.object`, or nil when it is absent.
    public func optionalMember(_ key: String) throws(FixtureError) -> FixtureField? {
        try object()[key].map { child($0, location: "\(location).\(key)") }
    }

    private func child(_ value: FixtureValue, location: String) -> FixtureField {
        FixtureField(value: value, location: location, caseID: caseID, file: file)
    }

    private func mismatch(_ expected: String) -> FixtureError {
        .wrongType(path: file, caseID: caseID, location: location, expected: expected, found: value.kindName)
    }

    static func sortedKeys(_ members: [String: FixtureValue]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension FixtureCase {
    /// Input `key`; throws an error naming the file, case and key when it is absent.
    public func input(_ key: String) throws(FixtureError) -> FixtureField {
        try field(key, in: inputs, named: "inputs")
    }

    /// Expected output `key`; throws an error naming the file, case and key when it is absent.
    public func expected(_ key: String) throws(FixtureError) -> FixtureField {
        try field(key, in: expected, named: "expected")
    }

    /// Input `key`, or nil when the case has none.
    public func optionalInput(_ key: String) -> FixtureField? {
        inputs[key].map { FixtureField(value: $0, location: "inputs.\(key)", caseID: id, file: fileName) }
    }

    /// Expected output `key`, or nil when the case has none.
    public func optionalExpected(_ key: String) -> FixtureField? {
        expected[key].map { FixtureField(value: $0, location: "expected.\(key)", caseID: id, file: fileName) }
    }

    /// `sourceFile`, or `FixtureError.inMemory`.
    public var fileName: String { sourceFile ?? FixtureError.inMemory }

    private func field(_ key: String, in members: [String: FixtureValue], named group: String) throws(FixtureError) -> FixtureField {
        guard let value = members[key] else {
            throw .missingKey(path: fileName, caseID: id, location: group, key: key, available: FixtureField.sortedKeys(members))
        }
        return FixtureField(value: value, location: "\(group).\(key)", caseID: id, file: fileName)
    }
}
