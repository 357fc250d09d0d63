import Implementation
import NumericCore

/// The Solver: it trains (overfits a small set) and records its histories. The Solver ships
/// with every year's starter, so the overfit check grades the student's net through it and the
/// history check is course code. Accuracy is measured by the grader from the trained net's
/// scores, on the training images and on digits the implementation never saw: a Solver's
/// accuracy histories are its own account of itself and are never trusted.
enum SolverChecks {
    static var all: [Check] { [overfit, history] }

    /// The 50 digits of the overfitting experiment (the first of the training split).
    static func overfitImages(_ ctx: CheckContext) throws -> LabeledData<Double> {
        guard let data = ctx.trainingData else { throw CheckDefinitionError("no training data was given to the checker") }
        return data.train.prefix(50)
    }

    /// 50 digits, FullyConnectedNet [100, 100] with weight scale 0.2, sgd with learning rate 0.2,
    /// batch 25: the notebook's overfitting experiment, tuned for the digits. The Solver validates
    /// on `validation` (the validation split when nil). Returns the reply and the trained model.
    static func train(_ ctx: CheckContext, epochs: Int, validation: LabeledData<Double>? = nil) throws -> (Reply, Handle) {
        guard let data = ctx.trainingData else { throw CheckDefinitionError("no training data was given to the checker") }
        let small = try overfitImages(ctx), validation = validation ?? data.validation
        let spec = ModelSpec(kind: .fullyConnected, hiddenDims: [100, 100], inputDim: small.x.rowWidth, numClasses: 10, weightScale: 0.2, initSeed: 0)
        let model = try ctx.call(.makeModel, spec.arguments).handle("model")
        let reply = try ctx.call(.solverTrain, [
            "model": .handle(model), "X_train": .array(small.x), "y_train": Value(small.y),
            "X_val": .array(validation.x), "y_val": Value(validation.y),
            "update_rule": .string("sgd"), "optim_config": .dict(["learning_rate": .number(0.2)]), "lr_decay": .number(1),
            "batch_size": .integer(25), "num_epochs": .integer(epochs), "seed": .integer(0),
        ])
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
        let small = try overfitImages(ctx)
        // Validating on the training images makes the Solver keep the parameters with the best
        // training accuracy; the validation split is then never shown to the implementation.
        let (reply, model) = try train(ctx, epochs: 20, validation: small)
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
        let (r, _) = try train(ctx, epochs: 4)
        let losses = try r.numbers("loss_history"), train = try r.numbers("train_acc_history"), validation = try r.numbers("val_acc_history")
        guard losses.count == 8 else { throw CheckFailure("loss_history has \(losses.count) entries, expected 8 (4 epochs x 2 iterations of batch 25 over 50 examples)") }
        guard train.count == 5, validation.count == 5 else {
            throw CheckFailure("train_acc_history has \(train.count) and val_acc_history \(validation.count) entries, expected 5 (before training and after each of 4 epochs)")
        }
        guard losses.allSatisfy({ $0.isFinite }) else { throw CheckFailure("loss_history contains NaN or infinity") }
    }
}
