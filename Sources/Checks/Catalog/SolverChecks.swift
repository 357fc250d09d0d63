import Implementation
import NumericCore

/// The Solver: it trains (overfits a small set) and records its histories. The Solver ships
/// with every year's starter, so the overfit check grades the student's net through it and the
/// history check is course code. Accuracy is measured by the grader from the trained net's
/// scores, on the training images and on digits the implementation never saw: a Solver's
/// accuracy histories are its own account of itself and are never trusted. Both checks attach the
/// Solver's histories as curves (`SolverCurves`), which never change a verdict.
enum SolverChecks {
    static var all: [Check] { [overfit, history] }

    /// The data of `experiment`: the first digits of the training split, and what it validates on.
    static func data(_ ctx: CheckContext, _ experiment: SolverExperiment) throws -> (train: LabeledData<Double>, validation: LabeledData<Double>) {
        guard let data = ctx.trainingData else { throw CheckDefinitionError("no training data was given to the checker") }
        return experiment.data(train: data.train, validation: data.validation)
    }

    /// Builds `experiment`'s net, trains it with the implementation's Solver and attaches the
    /// Solver's histories as curves, beside the reference engine's for the same run. Returns the
    /// reply and the trained model.
    static func train(_ ctx: CheckContext, _ experiment: SolverExperiment) throws -> (Reply, Handle) {
        let run = try data(ctx, experiment)
        let model = try ctx.call(.makeModel, experiment.model(inputDim: run.train.x.rowWidth).arguments).handle("model")
        let reply = try ctx.call(.solverTrain, experiment.trainArguments(model: model, run))
        SolverCurves.attach(ctx, experiment, reply, run)
        return (reply, model)
    }

    /// The fraction of `data` the model classifies right, from its test-time scores
    /// (`model.loss(X)`), computed here: never the Solver's own account of its accuracy.
    static func accuracy(_ ctx: CheckContext, _ model: Handle, _ data: LabeledData<Double>) throws -> Double {
        let scores = try ctx.call(.modelLoss, ["model": .handle(model), "X": .array(data.x), "y": .none]).array("scores")
        guard scores.shape.count == 2, scores.shape[0] == data.count, scores.shape[1] > 0 else {
            throw CheckFailure("model.loss(X) for \(data.count) images returned scores of shape \(Shape.describe(scores.shape)), expected (\(data.count), 10)")
        }
        let width = scores.shape[1]
        var right = 0
        for (i, label) in data.y.enumerated() {
            // np.argmax: the first of equal maxima.
            var best = 0
            for j in 1..<width where scores.scalars[i * width + j] > scores.scalars[i * width + best] { best = j }
            if best == label { right += 1 }
        }
        return Double(right) / Double(data.count)
    }

    static let overfit = Check(
        "solver.overfit", title: "Solver + 3-layer net overfit 50 digits images to 100% train accuracy in 20 epochs (accuracy measured by the grader)",
        points: 3, grades: [.fullyConnectedNet, .solver],
        criteria: [
            Criterion(
                "train", course: .statistic("1 - training accuracy of the trained net", 0),
                basis: "the notebook asks for 100% training accuracy within 20 epochs; the grader scores the trained net on the 50 images itself (the Solver validates on them, so it keeps the best)",
                reference: nil),
            Criterion(
                "held_out", course: .statistic("1 - accuracy on the digits validation split (never sent to the implementation)", 0.6),
                basis: "a net that learned from the 50 images classifies 60% to 80% of digits it never saw, an untrained one about 10%",
                reference: nil),
        ],
        requires: [.makeModel, .solverTrain, .modelLoss]
    ) { ctx in
        guard let data = ctx.trainingData else { throw CheckDefinitionError("no training data was given to the checker") }
        // Validating on the training images makes the Solver keep the parameters with the best
        // training accuracy; the validation split is then never shown to the implementation.
        let small = try Self.data(ctx, .overfit).train
        let (reply, model) = try train(ctx, .overfit)
        let check = try ctx.currentCheck()
        let trainBound = try check.criterion("train").course!.value, heldOutBound = try check.criterion("held_out").course!.value
        let trained = try accuracy(ctx, model, small), heldOut = try accuracy(ctx, model, data.validation)
        let claimed = (try? reply.numbers("train_acc_history"))?.last
        let said = claimed.map { $0 == trained ? "" : "; the Solver's train_acc_history ends at \(String($0)), which the grader does not use" } ?? ""
        if 1 - trained > trainBound {
            ctx.observe("training and held-out accuracy", Tensor([trained, heldOut]))
            throw CheckFailure("the trained net classifies \(String(format: "%.2f", trained)) of the 50 training images right (from its scores, model.loss(X)), expected 1.0\(said). Check the update rule, the minibatch sampling and that the best parameters are kept")
        }
        if 1 - heldOut > heldOutBound {
            ctx.observe("training and held-out accuracy", Tensor([trained, heldOut]))
            throw CheckFailure("the trained net classifies all 50 training images right but only \(String(format: "%.2f", heldOut)) of \(data.validation.count) digits it never saw (at least \(String(format: "%.2f", 1 - heldOutBound)) expected; chance is 0.10)\(said): it recognises its training images rather than digits")
        }
    }

    static let history = Check(
        "solver.history", title: "Solver histories: one loss per iteration, accuracies before training and after each epoch",
        points: 1, grades: [.solver],
        criteria: [Criterion(course: .statistic("difference from the expected history lengths", 0), basis: "the Solver records one loss per iteration and accuracies once per epoch", reference: nil)],
        requires: [.makeModel, .solverTrain]
    ) { ctx in
        let (r, _) = try train(ctx, .history)
        let losses = try r.numbers("loss_history"), train = try r.numbers("train_acc_history"), validation = try r.numbers("val_acc_history")
        guard losses.count == 8 else { throw CheckFailure("loss_history has \(losses.count) entries, expected 8 (4 epochs x 2 iterations of batch 25 over 50 examples)") }
        guard train.count == 5, validation.count == 5 else {
            throw CheckFailure("train_acc_history has \(train.count) and val_acc_history \(validation.count) entries, expected 5 (before training and after each of 4 epochs)")
        }
        guard losses.allSatisfy({ $0.isFinite }) else { throw CheckFailure("loss_history contains NaN or infinity") }
    }
}
