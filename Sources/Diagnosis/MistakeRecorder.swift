import Checks
import Fixtures
import Implementation

/// Records what each known mistake outputs on the checks it fails, and what each known
/// deviation outputs on the checks it passes with a warning, as fixture cases.
public enum MistakeRecorder {
    /// One implementation with a known mistake or deviation.
    public struct Subject {
        public var id: String
        public var description: String
        public var deviation: Bool
        public var sourcePattern: String?
        public var implementation: AssignmentImplementation

        public init(id: String, description: String, deviation: Bool = false, sourcePattern: String? = nil, implementation: AssignmentImplementation) {
            self.id = id
            self.description = description
            self.deviation = deviation
            self.sourcePattern = sourcePattern
            self.implementation = implementation
        }
    }

    /// Runs `checks` against every subject and returns, per subject, the cases of the checks it
    /// fails (a mistake) or warns on (a deviation). `context` builds a check context for an
    /// implementation.
    public static func record(
        _ subjects: [Subject], checks: [Check], context: (AssignmentImplementation) -> CheckContext, provenance: Provenance
    ) throws -> [String: [FixtureCase]] {
        var files: [String: [FixtureCase]] = [:]
        for subject in subjects {
            var cases: [FixtureCase] = []
            _ = try CheckRunner(checks: checks).run(context(subject.implementation), onObservations: { result, observations in
                guard result.outcome == (subject.deviation ? .warned : .failed), !observations.isEmpty else { return }
                cases.append(KnownMistakes.fixtureCase(
                    mistake: subject.id, description: subject.description, check: result.id, deviation: subject.deviation,
                    sourcePattern: subject.sourcePattern, observations: observations, provenance: provenance))
            })
            files["\(subject.id).json"] = cases
        }
        return files
    }
}
