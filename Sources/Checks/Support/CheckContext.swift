import Fixtures
import Implementation
import NumericCore

/// What a check may use: the implementation under test, the fixtures (the oracle), and the
/// digits data for training checks. Never the reference engine.
public final class CheckContext {
    public let implementation: AssignmentImplementation
    public let fixtures: FixtureStore
    /// The digits examples used by the solver checks (loaded lazily by the caller).
    public let trainingData: (train: LabeledData<Double>, validation: LabeledData<Double>)?
    /// Seed of the random choices the checks make (sampled entries, directions).
    public let seed: UInt32
    /// The assignment year: which checks apply.
    public let profile: Profile

    public init(
        implementation: AssignmentImplementation, fixtures: FixtureStore,
        trainingData: (train: LabeledData<Double>, validation: LabeledData<Double>)?, seed: UInt32,
        profile: Profile = .y2018
    ) {
        self.implementation = implementation
        self.fixtures = fixtures
        self.trainingData = trainingData
        self.seed = seed
        self.profile = profile
    }

    /// Calls an operation of the implementation.
    public func call(_ operation: Operation, _ arguments: [String: Value]) throws -> Reply {
        try implementation.perform(operation, arguments)
    }
}
