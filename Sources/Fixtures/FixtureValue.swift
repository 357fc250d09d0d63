import NumericCore

/// One input or expected output of a fixture case.
///
/// In a file, each case is spelled by the JSON it maps to, so the file reads naturally:
/// | case | JSON |
/// |---|---|
/// | `.number(0.001)` | `0.001` (always with a `.` or an exponent: `2.0`, `1e-10`); NaN and infinities as `"nan"`, `"inf"`, `"-inf"` |
/// | `.integer(5)` | `5` |
/// | `.integers([0, 5, 1])` | `[0, 5, 1]` |
/// | `.string("train")` | `"train"` |
/// | `.bool(true)` | `true` |
/// | `.array(a)` | `{"dtype": ..., "shape": ..., "values": ...}` (see `FixtureArray`) |
/// | `.object(d)` | any other object |
/// | `.list(l)` | any other array |
///
/// Three values therefore share a spelling with another and cannot be written: the strings
/// `"nan"`, `"inf"`, `"-inf"` (they read back as numbers) and an object whose keys are exactly
/// `dtype`, `shape`, `values` (it reads back as an array). A list of integers and `.integers`
/// are the same JSON; they compare equal and both accessors accept either.
public indirect enum FixtureValue: Sendable, Equatable {
    case array(FixtureArray)
    case number(Double)
    case integer(Int)
    case integers([Int])
    case string(String)
    case bool(Bool)
    case object([String: FixtureValue])
    case list([FixtureValue])

    /// A float64 or float32 array holding `tensor`.
    public static func tensor<Scalar>(_ tensor: Tensor<Scalar>) -> FixtureValue { .array(FixtureArray(tensor)) }

    /// What a message calls this kind of value: "a float64 array", "an integer", ...
    public var kindName: String {
        switch self {
        case let .array(a): return "a \(a.dtype.rawValue) array"
        case .number: return "a number"
        case .integer: return "an integer"
        case .integers: return "a list of integers"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .object: return "an object"
        case .list: return "a list"
        }
    }

    /// The float, for `.number`.
    public var numberValue: Double? {
        if case let .number(v) = self { return v }
        return nil
    }

    /// The integer, for `.integer`.
    public var integerValue: Int? {
        if case let .integer(v) = self { return v }
        return nil
    }

    /// The integers, for `.integers` or a `.list` of `.integer`s.
    public var integersValue: [Int]? {
        switch self {
        case let .integers(v): return v
        case let .list(items):
            var values: [Int] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard case let .integer(v) = item else { return nil }
                values.append(v)
            }
            return values
        default: return nil
        }
    }

    /// The string, for `.string`.
    public var stringValue: String? {
        if case let .string(v) = self { return v }
        return nil
    }

    /// The flag, for `.bool`.
    public var boolValue: Bool? {
        if case let .bool(v) = self { return v }
        return nil
    }

    /// The array, for `.array`.
    public var arrayValue: FixtureArray? {
        if case let .array(v) = self { return v }
        return nil
    }

    /// The members, for `.object`.
    public var objectValue: [String: FixtureValue]? {
        if case let .object(v) = self { return v }
        return nil
    }

    /// The elements, for `.list` or `.integers` (as `.integer`s).
    public var listValue: [FixtureValue]? {
        switch self {
        case let .list(v): return v
        case let .integers(v): return v.map(FixtureValue.integer)
        default: return nil
        }
    }

    /// Exact equality: numbers compare by bit pattern (`-0.0 != 0.0`) except that NaNs are
    /// equal; `.integers(v)` equals a `.list` of the same `.integer`s.
    public static func == (lhs: FixtureValue, rhs: FixtureValue) -> Bool {
        switch (lhs, rhs) {
        case let (.array(a), .array(b)): return a == b
        case let (.number(a), .number(b)): return sameNumber(a, b)
        case let (.integer(a), .integer(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case (.integers, .integers), (.integers, .list), (.list, .integers):
            guard let a = lhs.integersValue, let b = rhs.integersValue else { return false }
            return a == b
        default: return false
        }
    }

    /// Same bit pattern, or both NaN.
    static func sameNumber(_ a: Double, _ b: Double) -> Bool {
        a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }
}
