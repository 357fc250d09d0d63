import Datasets
import Fixtures
import Implementation
import NumericCore
import ReferenceImplementation

/// The reference engine's Solver histories for the solver checks' runs (`SolverExperiment`), on
/// the embedded digits split as the grader loads them (`Digits.load()`): what the HTML report
/// draws beside a student's curves. The run goes through the same `make_model` and
/// `solver_train` calls a check makes, answered by the reference engine in-process.
///
/// Inputs: `experiment` (the run's description, which a check compares with its own), `data`
/// (the digits' provenance) and `data.fingerprint` (counts and sums of the run's data, which a
/// check compares with the data it was given). Expected: `loss_history`, `train_acc_history`,
/// `val_acc_history`.
enum SolverCases {
    static func all() throws -> [FixtureCase] {
        let digits = try Digits.load()
        return try [SolverExperiment.overfit, .history].map { try recorded($0, digits) }
    }

    static func recorded(_ experiment: SolverExperiment, _ digits: DataSplits<Double>) throws -> FixtureCase {
        let data = experiment.data(train: digits.train, validation: digits.validation)
        let engine = ReferenceImplementation()
        let model = try engine.perform(.makeModel, experiment.model(inputDim: data.train.x.rowWidth).arguments).handle("model")
        let reply = try engine.perform(.solverTrain, experiment.trainArguments(model: model, data))
        func history(_ key: String) throws -> FixtureValue {
            let values = try reply.numbers(key)
            return .t(Tensor(values))
        }
        return Recorder.make(
            experiment.fixtureID,
            "the reference engine's Solver histories for solver.\(experiment.id) (drawn beside a submission's in the HTML report)",
            inputs: [
                "experiment": .string(experiment.description), "data": .string(digits.provenance),
                "data.fingerprint": .t(Tensor(SolverExperiment.fingerprint(data))),
            ],
            expected: ["loss_history": try history("loss_history"), "train_acc_history": try history("train_acc_history"),
                       "val_acc_history": try history("val_acc_history")],
            tolerance: .relative(1e-6, note: "float64 training; BLAS may sum in another order on another machine"),
            provenance: Recorder.recorded(seed: UInt32(experiment.seed)))
    }
}
