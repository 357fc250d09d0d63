import Checks
import Fixtures
import Grading
import GradientCheck
import NumericCore

/// Recognises known mistakes and known accepted deviations by their outputs. For every mutant
/// of the catalog and every check it fails (a mistake) or passes with a warning (a deviation),
/// the outputs it gives are recorded as fixture cases (`fixtures/cases/mistakes/`); a failing
/// check whose outputs agree with exactly one recorded mistake is labelled with it, a warned one
/// with exactly one recorded deviation. Outputs that two entries share tell neither apart, so
/// nothing is named. Diagnosis only adds a sentence: it never changes an outcome or a score.
public struct KnownMistakes: Sendable {
    /// A recorded mistake or deviation for one check.
    public struct Entry: Sendable {
        public var mistake: String
        public var description: String
        public var check: String
        /// `mistake` or `deviation`.
        public var kind: String
        /// For a deviation: where to look for it in the student's source.
        public var sourcePattern: String?
        public var observations: [Observation]

        public init(mistake: String, description: String, check: String, kind: String, sourcePattern: String?, observations: [Observation]) {
            self.mistake = mistake
            self.description = description
            self.check = check
            self.kind = kind
            self.sourcePattern = sourcePattern
            self.observations = observations
        }
    }

    public let entries: [Entry]

    /// Relative error under which two outputs count as the same (labelled): a mistake moves
    /// outputs by 1e-3 and more, so 1e-6 tells mistakes apart and absorbs round-off.
    public static let relativeTolerance = 1e-6
    /// For deviations, which move outputs by as little as 1e-8: two of them (a hard-coded Adam
    /// epsilon and the efficient Adam form) differ from each other by less than `relativeTolerance`,
    /// and float64 round-off between numpy and the engine stays below 1e-13.
    public static let deviationRelativeTolerance = 1e-11

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads the recorded cases of a fixture store (ids starting with `mistake.` or `deviation.`).
    public init(store: FixtureStore) throws {
        var entries: [Entry] = []
        for c in store.cases(withPrefix: "mistake.") + store.cases(withPrefix: "deviation.") {
            guard let mistake = c.inputs["mistake"]?.stringValue, let check = c.inputs["check"]?.stringValue else { continue }
            var observations: [Observation] = []
            for key in c.expected.keys.sorted() {
                // Keys are "NNN operation key".
                let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
                guard parts.count == 3, let array = c.expected[key]?.arrayValue else { continue }
                observations.append(Observation(operation: parts[1], key: parts[2], value: try array.tensor(as: Double.self)))
            }
            entries.append(Entry(
                mistake: mistake, description: c.description, check: check,
                kind: c.id.hasPrefix("deviation.") ? "deviation" : "mistake",
                sourcePattern: c.inputs["source_pattern"]?.stringValue, observations: observations))
        }
        self.entries = entries
    }

    /// The recorded form of one mutant's outputs on one check.
    public static func fixtureCase(
        mistake: String, description: String, check: String, deviation: Bool, sourcePattern: String?,
        observations: [Observation], provenance: Provenance
    ) -> FixtureCase {
        var expected: [String: FixtureValue] = [:]
        for (i, o) in observations.enumerated() {
            expected[String(format: "%03d %@ %@", i, o.operation, o.key)] = .array(FixtureArray(o.value))
        }
        var inputs: [String: FixtureValue] = ["mistake": .string(mistake), "check": .string(check)]
        if let sourcePattern { inputs["source_pattern"] = .string(sourcePattern) }
        return FixtureCase(
            id: "\(deviation ? "deviation" : "mistake").\(mistake).\(check)", description: description,
            inputs: inputs, expected: expected,
            tolerance: .relative(relativeTolerance, note: "outputs agree with the recorded \(deviation ? "deviation" : "mistake")"),
            provenance: provenance)
    }

    /// The entries of `kind` whose recorded outputs on `check` all agree with `observations`,
    /// with how many outputs were compared.
    public func matches(check: String, kind: String = "mistake", observations: [Observation]) -> [(entry: Entry, agreeing: Int)] {
        let tolerance = kind == "deviation" ? Self.deviationRelativeTolerance : Self.relativeTolerance
        return entries.filter { $0.check == check && $0.kind == kind }.compactMap { entry in
            let n = min(entry.observations.count, observations.count)
            guard n > 0, entry.observations.count <= observations.count || observations.count == Observation.limit else { return nil }
            for i in 0..<n {
                let (a, b) = (entry.observations[i], observations[i])
                guard a.key == b.key, a.value.shape == b.value.shape else { return nil }
                for (x, y) in zip(a.value.scalars, b.value.scalars) where !(x == y || (x.isNaN && y.isNaN)) {
                    guard RelativeError.of(x, y) <= tolerance else { return nil }
                }
            }
            return (entry, n)
        }
    }

    /// The one entry that matches a failed check (a known mistake) or a warned check (a known
    /// deviation), with how many outputs agree; nil when none or several match.
    public func match(check: String, outcome: CheckOutcome, observations: [Observation]) -> (entry: Entry, agreeing: Int)? {
        let kind: String
        switch outcome {
        case .failed: kind = "mistake"
        case .warned: kind = "deviation"
        default: return nil
        }
        let found = matches(check: check, kind: kind, observations: observations)
        return found.count == 1 ? found[0] : nil
    }

    /// The sentence added to a failed check's message (a known mistake) or a warned check's
    /// warnings (a known deviation), when exactly one entry matches.
    public func diagnosis(check: String, outcome: CheckOutcome, observations: [Observation]) -> String? {
        match(check: check, outcome: outcome, observations: observations).map(Self.sentence)
    }

    /// `Matches known mistake: ... (3 of 3 outputs agree).` / `Matches a deviation the course accepts: ....`
    public static func sentence(_ match: (entry: Entry, agreeing: Int)) -> String {
        match.entry.kind == "mistake"
            ? CheckResult.knownMistakePrefix + "\(match.entry.description) (\(match.agreeing) of \(match.agreeing) outputs agree)."
            : CheckResult.knownDeviationPrefix + "\(match.entry.description)."
    }

    /// The known deviation named by `diagnosis`, for finding its line.
    public func deviation(check: String, observations: [Observation]) -> Entry? {
        let found = matches(check: check, kind: "deviation", observations: observations)
        return found.count == 1 ? found[0].entry : nil
    }
}
