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

    /// What the implementation answered during the current check (the first
    /// `Observation.limit` arrays and numbers), for diagnosis.
    public internal(set) var observations: [Observation] = []

    /// Calls an operation of the implementation.
    public func call(_ operation: Operation, _ arguments: [String: Value]) throws -> Reply {
        let reply = try implementation.perform(operation, arguments)
        observe(reply)
        return reply
    }

    func observe(_ reply: Reply) {
        for key in reply.values.keys.sorted() where observations.count < Observation.limit {
            switch reply.values[key]! {
            case let .array(t) where t.count <= Observation.maximumSize:
                observations.append(Observation(operation: reply.operation.rawValue, key: key, value: t))
            case let .number(x):
                observations.append(Observation(operation: reply.operation.rawValue, key: key, value: Tensor([x])))
            default:
                break
            }
        }
    }
}
