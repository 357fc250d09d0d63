import Grading
import Implementation
import NumericCore

/// The Solver's histories as figures: the implementation's loss per iteration and accuracies per
/// epoch, each beside the reference engine's for the same run (`SolverExperiment`), recorded in
/// the fixture case `solver.<id>.reference` (`gradecheck fixtures record`). The checks never run
/// the engine: without that case, or with one recorded for another run or other data, the
/// implementation's curves are drawn alone, with a note saying why. A figure never changes a
/// verdict, and nothing here throws.
enum SolverCurves {
    /// The reference engine's histories for one run.
    struct Histories {
        var loss: [Double]
        var train: [Double]
        var validation: [Double]
    }

    /// Attaches the loss figure and the accuracy figure of `reply` (a history that is absent or
    /// not a list of numbers is left out, and so is the validation history of a run that
    /// validates on its training images).
    static func attach(
        _ ctx: CheckContext, _ experiment: SolverExperiment, _ reply: Reply,
        _ data: (train: LabeledData<Double>, validation: LabeledData<Double>)
    ) {
        let (reference, note) = self.reference(ctx, experiment, data)
        if let losses = try? reply.numbers("loss_history") {
            var series = [CurveFigure.Series(name: "your loss_history", values: losses)]
            if let reference { series.append(.init(name: "reference engine", values: reference.loss, isReference: true)) }
            ctx.attach(.curves(CurveFigure(
                title: "Training loss (\(experiment.epochs) epochs, seed \(experiment.seed))", xLabel: "Iteration", yLabel: "Loss",
                series: series, note: note)))
        }
        // Validating on the training images makes the validation history a copy of the training one.
        let train = try? reply.numbers("train_acc_history")
        let validation = experiment.validation == .trainingImages ? nil : try? reply.numbers("val_acc_history")
        guard train != nil || validation != nil else { return }
        var series: [CurveFigure.Series] = []
        if let train { series.append(.init(name: "train (yours)", values: train)) }
        if let validation { series.append(.init(name: "val (yours)", values: validation)) }
        if let reference {
            if train != nil { series.append(.init(name: "train (reference)", values: reference.train, isReference: true)) }
            if validation != nil { series.append(.init(name: "val (reference)", values: reference.validation, isReference: true)) }
        }
        ctx.attach(.curves(CurveFigure(
            title: "Accuracy, as the Solver records it", xLabel: "Epoch", yLabel: "Accuracy", series: series, yRange: 0...1,
            note: experiment.validation == .trainingImages ? note + " The Solver validates on the training images: only train is drawn." : note)))
    }

    /// The recorded reference for `experiment` on `data`, or nil and why not.
    static func reference(
        _ ctx: CheckContext, _ experiment: SolverExperiment, _ data: (train: LabeledData<Double>, validation: LabeledData<Double>)
    ) -> (Histories?, note: String) {
        guard let fixture = ctx.fixtures[experiment.fixtureID] else {
            return (nil, "No reference curves: the fixture case \(experiment.fixtureID) is not recorded (gradecheck fixtures record).")
        }
        let view = FixtureView(fixture: fixture)
        guard fixture.inputs["experiment"]?.stringValue == experiment.description,
              let recorded = try? view.input("data.fingerprint").scalars, recorded == SolverExperiment.fingerprint(data)
        else {
            return (nil, "No reference curves: \(experiment.fixtureID) was recorded for another run or other data (gradecheck fixtures record).")
        }
        guard let loss = try? view.expected("loss_history").scalars, let train = try? view.expected("train_acc_history").scalars,
              let validation = try? view.expected("val_acc_history").scalars
        else {
            return (nil, "No reference curves: \(experiment.fixtureID) lacks a history.")
        }
        return (Histories(loss: loss, train: train, validation: validation), "Dashed: the reference engine, same net, data and seed.")
    }
}
