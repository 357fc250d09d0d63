/// One fixture: inputs, the outputs expected from them, how close an answer must be, and where
/// the expected values come from.
///
/// Ids are dotted names, unique across the fixture folder: `layers.affine.forward.golden`.
public struct FixtureCase: Sendable, Equatable {
    /// Unique, dotted name of the case.
    public var id: String
    /// What the case exercises, in a sentence.
    public var description: String
    /// Named inputs (`x`, `w`, `config`, ...).
    public var inputs: [String: FixtureValue]
    /// Named expected outputs (`out`, `next_w`, `loss`, ...).
    public var expected: [String: FixtureValue]
    /// How close an answer must be to `expected`.
    public var tolerance: Tolerance
    /// Where `expected` comes from.
    public var provenance: Provenance
    /// The file the case was read from; nil for a case built in memory. Not written, and not
    /// part of equality.
    public var sourceFile: String?

    public init(
        id: String, description: String, inputs: [String: FixtureValue], expected: [String: FixtureValue],
        tolerance: Tolerance, provenance: Provenance, sourceFile: String? = nil
    ) {
        self.id = id
        self.description = description
        self.inputs = inputs
        self.expected = expected
        self.tolerance = tolerance
        self.provenance = provenance
        self.sourceFile = sourceFile
    }

    /// Equal content (`sourceFile` aside), values compared exactly (see `FixtureValue.==`).
    public static func == (lhs: FixtureCase, rhs: FixtureCase) -> Bool {
        lhs.id == rhs.id && lhs.description == rhs.description && lhs.inputs == rhs.inputs
            && lhs.expected == rhs.expected && lhs.tolerance == rhs.tolerance && lhs.provenance == rhs.provenance
    }
}

/// The largest acceptable difference between an answer and the expected value, labelled with its
/// kind. Comparing is the checks' job; this only records the bound.
public struct Tolerance: Sendable, Equatable {
    /// How the difference is measured.
    public enum Kind: String, Sendable, CaseIterable {
        /// The course's `rel_error(x, y) = max(|x - y| / max(1e-8, |x| + |y|))`.
        case relative
        /// `max(|x - y|)`.
        case absolute
    }

    public var kind: Kind
    /// The bound (finite, >= 0).
    public var value: Double
    /// Where the bound comes from, e.g. `notebook: 'around e-9 or less'`.
    public var note: String

    public init(kind: Kind, value: Double, note: String) {
        self.kind = kind
        self.value = value
        self.note = note
    }

    /// A bound on the course's relative error.
    public static func relative(_ value: Double, note: String) -> Tolerance {
        Tolerance(kind: .relative, value: value, note: note)
    }

    /// A bound on the absolute difference.
    public static func absolute(_ value: Double, note: String) -> Tolerance {
        Tolerance(kind: .absolute, value: value, note: note)
    }

    /// Same kind and note, and the same value bit for bit.
    public static func == (lhs: Tolerance, rhs: Tolerance) -> Bool {
        lhs.kind == rhs.kind && FixtureValue.sameNumber(lhs.value, rhs.value) && lhs.note == rhs.note
    }
}

/// Where a case's expected values come from.
public enum Provenance: Sendable, Equatable {
    /// Copied from the course notebooks: `source` (repository, commit, file), the course years
    /// whose notebooks hold these values, and the notebook when there is one.
    case golden(source: String, years: [String], notebook: String?)
    /// Computed by the reference engine `engine` from inputs drawn with `seed`, by `command`
    /// (e.g. `gradecheck fixtures record`).
    case recorded(seed: UInt32, engine: String, command: String)

    /// `golden` or `recorded`, as written in files.
    public var kindName: String {
        switch self {
        case .golden: return "golden"
        case .recorded: return "recorded"
        }
    }
}
