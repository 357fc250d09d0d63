import Checks
import Fixtures
import GradientCheck
import NumericCore

/// Recognises known mistakes by their outputs. For every mistake of the mutant catalog and every
/// check it fails, the outputs it gives are recorded as fixture cases (`fixtures/mistakes/`);
/// a failing check whose outputs all agree with one of them is labelled with that mistake.
/// Diagnosis only adds a sentence to the message: it never changes an outcome or a score.
public struct KnownMistakes: Sendable {
    /// A recorded mistake for one check.
    public struct Entry: Sendable {
        public var mistake: String
        public var description: String
        public var check: String
        public var observations: [Observation]
    }

    public let entries: [Entry]

    /// Relative error under which two outputs count as the same (labelled).
    public static let relativeTolerance = 1e-6

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads the mistake cases of a fixture store (ids starting with `mistake.`).
    public init(store: FixtureStore) throws {
        var entries: [Entry] = []
        for c in store.cases(withPrefix: "mistake.") {
            guard let mistake = c.inputs["mistake"]?.stringValue, let check = c.inputs["check"]?.stringValue else { continue }
            var observations: [Observation] = []
            for key in c.expected.keys.sorted() {
                // Keys are "NNN operation key".
                let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
                guard parts.count == 3, let array = c.expected[key]?.arrayValue else { continue }
                observations.append(Observation(operation: parts[1], key: parts[2], value: try array.tensor(as: Double.self)))
            }
            entries.append(Entry(mistake: mistake, description: c.description, check: check, observations: observations))
        }
        self.entries = entries
    }

    /// The recorded form of one mistake's outputs on one check.
    public static func fixtureCase(mistake: String, description: String, check: String, observations: [Observation], provenance: Provenance) -> FixtureCase {
        var expected: [String: FixtureValue] = [:]
        for (i, o) in observations.enumerated() {
            expected[String(format: "%03d %@ %@", i, o.operation, o.key)] = .array(FixtureArray(o.value))
        }
        return FixtureCase(
            id: "mistake.\(mistake).\(check)", description: description,
            inputs: ["mistake": .string(mistake), "check": .string(check)], expected: expected,
            tolerance: .relative(relativeTolerance, note: "outputs agree with the recorded mistake"), provenance: provenance)
    }

    /// The known mistakes whose recorded outputs on `check` all agree with `observations`, with
    /// how many outputs were compared.
    public func matches(check: String, observations: [Observation]) -> [(entry: Entry, agreeing: Int)] {
        entries.filter { $0.check == check }.compactMap { entry in
            let n = min(entry.observations.count, observations.count)
            guard n > 0, entry.observations.count <= observations.count || observations.count == Observation.limit else { return nil }
            for i in 0..<n {
                let (a, b) = (entry.observations[i], observations[i])
                guard a.operation == b.operation, a.key == b.key, a.value.shape == b.value.shape else { return nil }
                for (x, y) in zip(a.value.scalars, b.value.scalars) where !(x == y || (x.isNaN && y.isNaN)) {
                    guard RelativeError.of(x, y) <= Self.relativeTolerance else { return nil }
                }
            }
            return (entry, n)
        }
    }

    /// The sentence added to a failing check's message, if a known mistake matches.
    public func diagnosis(check: String, observations: [Observation]) -> String? {
        let found = matches(check: check, observations: observations)
        guard !found.isEmpty else { return nil }
        let confidence = found.count == 1 ? "high confidence" : "one of \(found.count) candidates"
        return found.map { "Matches known mistake: \($0.entry.description) (\($0.agreeing) of \($0.agreeing) outputs agree; \(confidence))." }
            .joined(separator: " ")
    }
}
