import Checks
import Fixtures
import Implementation

/// Records what each known mistake outputs on the checks it fails, as fixture cases.
public enum MistakeRecorder {
    /// One implementation with a known mistake.
    public struct Subject {
        public var id: String
        public var description: String
        public var implementation: AssignmentImplementation

        public init(id: String, description: String, implementation: AssignmentImplementation) {
            self.id = id
            self.description = description
            self.implementation = implementation
        }
    }

    /// Runs `checks` against every subject and returns, per subject, the cases of the checks it
    /// fails. `context` builds a check context for an implementation.
    public static func record(
        _ subjects: [Subject], checks: [Check], context: (AssignmentImplementation) -> CheckContext, provenance: Provenance
    ) throws -> [String: [FixtureCase]] {
        var files: [String: [FixtureCase]] = [:]
        for subject in subjects {
            var cases: [FixtureCase] = []
            _ = try CheckRunner(checks: checks).run(context(subject.implementation), onObservations: { result, observations in
                guard result.outcome == .failed, !observations.isEmpty else { return }
                cases.append(KnownMistakes.fixtureCase(
                    mistake: subject.id, description: subject.description, check: result.id, observations: observations,
                    provenance: provenance))
            })
            files["\(subject.id).json"] = cases
        }
        return files
    }
}
