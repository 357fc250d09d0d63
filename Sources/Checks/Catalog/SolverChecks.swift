import Implementation
import NumericCore

/// The Solver: it trains (overfits a small set) and records its histories. The Solver ships
/// with every year's starter, so the overfit check grades the student's net through it and the
/// history check is course code.
enum SolverChecks {
    static var all: [Check] { [overfit, history] }

    /// 50 digits, FullyConnectedNet [100, 100] with weight scale 0.2, sgd with learning rate 0.2,
    /// batch 25, 20 epochs: the notebook's overfitting experiment, tuned for the digits.
    static func train(_ ctx: CheckContext, epochs: Int) throws -> Reply {
        guard let data = ctx.trainingData else { throw CheckDefinitionError("no training data was given to the checker") }
        let small = data.train.prefix(50)
        let spec = ModelSpec(kind: .fullyConnected, hiddenDims: [100, 100], inputDim: small.x.rowWidth, numClasses: 10, weightScale: 0.2, initSeed: 0)
        let model = try ctx.call(.makeModel, spec.arguments).handle("model")
        return try ctx.call(.solverTrain, [
            "model": .handle(model), "X_train": .array(small.x), "y_train": Value(small.y),
            "X_val": .array(data.validation.x), "y_val": Value(data.validation.y),
            "update_rule": .string("sgd"), "optim_config": .dict(["learning_rate": .number(0.2)]), "lr_decay": .number(1),
            "batch_size": .integer(25), "num_epochs": .integer(epochs), "seed": .integer(0),
        ])
    }

    static let overfit = Check(
        "solver.overfit", title: "Solver + 3-layer net overfit 50 digits images to 100% train accuracy in 20 epochs",
        points: 3, grades: [.fullyConnectedNet, .solver],
        criteria: [Criterion(course: .statistic("1 - final training accuracy", 0), basis: "the notebook asks for 100% training accuracy within 20 epochs", reference: nil)],
        requires: [.makeModel, .solverTrain]
    ) { ctx in
        let accuracies = try train(ctx, epochs: 20).numbers("train_acc_history")
        guard let last = accuracies.last, last == 1.0 else {
            throw CheckFailure("training accuracy after 20 epochs is \(accuracies.last.map { String($0) } ?? "missing") (history \(accuracies.map { String(format: "%.2f", $0) })), expected 1.0. Check the update rule, the minibatch sampling and that the best parameters are kept")
        }
    }

    static let history = Check(
        "solver.history", title: "Solver histories: one loss per iteration, accuracies before training and after each epoch",
        points: 1, grades: [.solver],
        criteria: [Criterion(course: .statistic("difference from the expected history lengths", 0), basis: "the Solver records one loss per iteration and accuracies once per epoch", reference: nil)],
        requires: [.makeModel, .solverTrain]
    ) { ctx in
        let r = try train(ctx, epochs: 4)
        let losses = try r.numbers("loss_history"), train = try r.numbers("train_acc_history"), validation = try r.numbers("val_acc_history")
        guard losses.count == 8 else { throw CheckFailure("loss_history has \(losses.count) entries, expected 8 (4 epochs x 2 iterations of batch 25 over 50 examples)") }
        guard train.count == 5, validation.count == 5 else {
            throw CheckFailure("train_acc_history has \(train.count) and val_acc_history \(validation.count) entries, expected 5 (before training and after each of 4 epochs)")
        }
        guard losses.allSatisfy({ $0.isFinite }) else { throw CheckFailure("loss_history contains NaN or infinity") }
    }
}
