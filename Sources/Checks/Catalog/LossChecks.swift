import Implementation
import NumericCore

/// softmax_loss and svm_loss: value, gradient, numerical stability, no mutation of the inputs.
enum LossChecks {
    static var all: [Check] {
        [value(.softmaxLoss), gradient(.softmaxLoss), stability, untouched(.softmaxLoss),
         value(.svmLoss), gradient(.svmLoss), untouched(.svmLoss)]
    }

    static func name(_ op: Operation) -> String { op == .softmaxLoss ? "softmax" : "svm" }
    static func function(_ op: Operation) -> CourseFunction { op == .softmaxLoss ? .softmaxLoss : .svmLoss }

    static func evaluate(_ ctx: CheckContext, _ op: Operation, _ x: Tensor<Double>, _ y: [Int], reportInputs: Bool = false) throws -> Reply {
        var arguments: [String: Value] = ["x": .array(x), "y": Value(y)]
        if reportInputs { arguments["report_inputs"] = .bool(true) }
        return try ctx.call(op, arguments)
    }

    static func value(_ op: Operation) -> Check {
        Check(
            "losses.\(name(op)).value", title: "\(op.rawValue): the mean loss over the batch (notebook inputs, seed 231)",
            points: 1, grades: [function(op)], criteria: [Criteria.losses], requires: [op]
        ) { ctx in
            let c = try ctx.fixture("losses.\(name(op))")
            let loss = try evaluate(ctx, op, c.input("x"), c.labels("y")).number("loss")
            let hint = op == .softmaxLoss
                ? "loss = -mean(log softmax(x)[range(N), y])"
                : "loss = sum over j != y_i of max(0, x_ij - x_iy + 1), divided by N (the correct class adds nothing)"
            try ctx.expect(loss, c.expectedNumber("loss"), "loss", hint: hint)
        }
    }

    static func gradient(_ op: Operation) -> Check {
        Check(
            "losses.\(name(op)).gradient", title: "\(op.rawValue): dx against the fixture and the numerical gradient of the own loss",
            points: 2, grades: [function(op)], criteria: [Criteria.losses], ownGradient: OwnGradient.layers, requires: [op]
        ) { ctx in
            let c = try ctx.fixture("losses.\(name(op))")
            let (x, y) = (try c.input("x"), try c.labels("y"))
            let dx = try evaluate(ctx, op, x, y).array("dx")
            try ctx.expect(dx, c.expected("dx", shape: x.shape), "dx", hint: op == .softmaxLoss ? "dx = (softmax(x) - onehot(y)) / N" : nil)
            try OwnGradient.scalar(ctx, "dx", of: op.rawValue, at: x, analytic: dx,
                                   call: BatchedCall(operation: op, arguments: ["x": .array(x), "y": Value(y)], vary: "x", output: "loss")) {
                try evaluate(ctx, op, $0, y).number("loss")
            }
        }
    }

    static let stability = Check(
        "losses.softmax.stability", title: "softmax_loss: finite and right for huge scores (shift by the row maximum)",
        points: 1, grades: [.softmaxLoss], criteria: [Criteria.losses], requires: [.softmaxLoss]
    ) { ctx in
        let c = try ctx.fixture("losses.softmax.huge")
        let x = try c.input("x")
        let r = try evaluate(ctx, .softmaxLoss, x, c.labels("y"))
        let hint = "subtract each row's maximum before exp: exp(1000) overflows to inf"
        try ctx.expect(r.number("loss"), c.expectedNumber("loss"), "loss with scores around 1000", hint: hint)
        try ctx.expect(r.array("dx"), c.expected("dx", shape: x.shape), "dx with scores around 1000", hint: hint)
    }

    static func untouched(_ op: Operation) -> Check {
        Check(
            "losses.\(name(op)).inputs_untouched", title: "\(op.rawValue): the caller's scores and labels are not modified",
            points: 1, grades: [function(op)],
            criteria: [Criterion(
                course: .absolute(0), basis: "a loss that edits x in place corrupts the notebook's numerical gradient through it",
                reference: nil)],
            requires: [op]
        ) { ctx in
            let c = try ctx.fixture("losses.\(name(op))")
            let (x, y) = (try c.input("x"), try c.labels("y"))
            let r = try evaluate(ctx, op, x, y, reportInputs: true)
            let after = Reply(op, try r.dict("inputs_after"))
            try ctx.expect(after.array("x"), x, "x after the call",
                           hint: "the function changed its input array in place (e.g. x -= x.max(...) or x[range(N), y] -= 1 on x itself); work on a copy")
        }
    }
}
