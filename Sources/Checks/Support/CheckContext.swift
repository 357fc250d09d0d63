import Fixtures
import Grading
import Implementation
import NumericCore

/// What a check may use: the implementation under test, the fixtures (the oracle), the digits
/// data for training checks, and the profile it is graded under. Never the reference engine.
///
/// While a check runs, the context knows which check it is (its criteria decide every
/// comparison) and collects the warnings, observations and figures the check produces.
public final class CheckContext {
    public let implementation: AssignmentImplementation
    public let fixtures: FixtureStore
    /// The digits examples used by the solver checks (loaded lazily by the caller).
    public let trainingData: (train: LabeledData<Double>, validation: LabeledData<Double>)?
    /// Seed of the random choices the checks make (sampled entries, directions).
    public let seed: UInt32
    /// The assignment the implementation is graded as: which checks apply, and its conventions.
    public let profile: Profile
    /// What dropout's `p` means for this submission (the profile's docstring, or what the
    /// submission's own docstring says).
    public let dropoutP: Conventions.DropoutP

    public init(
        implementation: AssignmentImplementation, fixtures: FixtureStore,
        trainingData: (train: LabeledData<Double>, validation: LabeledData<Double>)?, seed: UInt32,
        profile: Profile = .everything, dropoutP: Conventions.DropoutP? = nil
    ) {
        self.implementation = implementation
        self.fixtures = fixtures
        self.trainingData = trainingData
        self.seed = seed
        self.profile = profile
        self.dropoutP = dropoutP ?? profile.conventions.dropoutP
    }

    /// The check running now (set by the runner).
    public internal(set) var check: Check?
    /// The outputs that told the implementation from the reference during the current check
    /// (beyond the reference's precision, or the numerical gradient), in order, at most
    /// `Observation.limit`: what diagnosis matches against known mistakes and deviations.
    public internal(set) var observations: [Observation] = []
    /// Differences the course accepts, found during the current check.
    public internal(set) var warnings: [String] = []
    /// Pictures for the report made during the current check (at most
    /// `CheckFigure.maximumPerCheck`): training curves, and the difference map of an array output
    /// that failed. They never change the verdict.
    public internal(set) var figures: [CheckFigure] = []

    /// Calls an operation of the implementation.
    public func call(_ operation: Operation, _ arguments: [String: Value]) throws -> Reply {
        try implementation.perform(operation, arguments)
    }

    /// Records a difference the course accepts (once per text).
    public func warn(_ text: String) {
        if !warnings.contains(text) { warnings.append(text) }
    }

    /// Attaches a figure to the current check's result (the first `CheckFigure.maximumPerCheck`).
    public func attach(_ figure: CheckFigure) {
        if figures.count < CheckFigure.maximumPerCheck { figures.append(figure) }
    }

    func observe(_ name: String, _ value: Tensor<Double>) {
        guard observations.count < Observation.limit, value.count <= Observation.maximumSize else { return }
        observations.append(Observation(operation: check?.id ?? "", key: name, value: value))
    }

    func currentCheck() throws -> Check {
        guard let check else { throw CheckDefinitionError("a comparison ran outside a check") }
        return check
    }

    /// Judges `got` against `expected` by the current check's criterion `criterion` (its first
    /// when nil): beyond what the course accepts is a `CheckFailure`; within it but beyond the
    /// reference's precision is a warning. For a notebook golden both tolerances are widened, entry
    /// by entry, to its printed precision (the notebooks print 8 decimals). A shape numpy treats alike
    /// (`(1, D)` for `(D,)`) is compared entry by entry, with a warning. Entries in
    /// `courseExcludes` (e.g. ReLU's kink, where any subgradient is right) count only for the
    /// reference. An array output beyond the course's bound also attaches its difference map
    /// (`Compare.differenceMap`), which shows where it is wrong.
    public func expect(
        _ got: Tensor<Double>, _ expected: Tensor<Double>, _ name: String, criterion: String? = nil,
        courseExcludes: Set<Int> = [], hint: String? = nil, deviation: String? = nil
    ) throws {
        let rule = try currentCheck().criterion(criterion)
        let original = got
        var got = got
        if got.shape != expected.shape {
            observe(name, original)
            guard Compare.equivalentShapes(got.shape, expected.shape) else {
                throw CheckFailure(Compare.shapeMismatch(got, expected, name))
            }
            warn("\(name) has shape \(Shape.describe(got.shape)) where the course's docstring says \(Shape.describe(expected.shape)); numpy broadcasts the two alike, so the course accepts it")
            got = try got.reshaped(expected.shape)
        }
        if rule.course != nil, let nan = got.firstNonFiniteIndex, expected.scalars[nan].isFinite, !courseExcludes.contains(nan) {
            if observations.last?.key != name { observe(name, original) }
            if let map = Compare.differenceMap(got, expected, name, worst: nan, tolerance: rule.course!, excluding: courseExcludes) { attach(.differenceMap(map)) }
            throw CheckFailure("\(name) has a NaN or infinity at index \(Shape.describe(Compare.multiIndex(nan, got.shape))) (expected \(expected.scalars[nan]))" + (hint.map { ". \($0)" } ?? ""))
        }
        var courseBound = Double.infinity
        if let course = rule.course {
            courseBound = course.value
            let allowances = rule.printed ? Compare.printedPrecision(expected, course) : nil
            if let (error, bound, index) = Compare.violation(got, expected, course, excluding: courseExcludes, allowances: allowances) {
                if observations.last?.key != name { observe(name, original) }
                if let map = Compare.differenceMap(got, expected, name, worst: index, tolerance: course, excluding: courseExcludes) { attach(.differenceMap(map)) }
                var message = Compare.difference(got, expected, name, error, bound, index, course)
                message += " (\(rule.basis))"
                if let cause = Compare.likelyCause(got, expected) { message += ". Likely cause: \(cause)" }
                if let hint { message += ". \(hint)" }
                throw CheckFailure(message)
            }
        }
        guard let reference = rule.reference else { return }
        let allowances = rule.printed ? Compare.printedPrecision(expected, reference) : nil
        guard let (drift, bound, at) = Compare.violation(got, expected, reference, allowances: allowances) else { return }
        if observations.last?.key != name { observe(name, original) }
        var text = "\(name) differs from the reference engine's: \(reference.measure) \(Compare.format(drift)) at index \(Shape.describe(Compare.multiIndex(at, got.shape))) (reference \(expected.scalars[at]), yours \(got.scalars[at])); a faithful implementation agrees within \(Compare.format(bound))" + (courseBound.isFinite ? ", the course accepts up to \(Compare.format(courseBound))" : "")
        if let deviation { text += ". \(deviation)" }
        warn(text)
    }

    /// `expect` for one number.
    public func expect(_ got: Double, _ expected: Double, _ name: String, criterion: String? = nil, hint: String? = nil) throws {
        try expect(Tensor([got]), Tensor([expected]), name, criterion: criterion, hint: hint)
    }
}
