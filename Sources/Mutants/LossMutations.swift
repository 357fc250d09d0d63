import Implementation
import NumericCore

/// Mistakes in the loss functions.
enum LossMutations {
    /// Softmax without subtracting the row maximum: exp overflows for large scores.
    static func naiveSoftmax(_ x: Tensor<Double>, _ y: [Int]) -> (Double, Tensor<Double>) {
        let (n, c) = (x.shape[0], x.shape[1])
        var dx = x, loss = 0.0
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<c { sum += exp(x[i, j]) }
            loss -= log(exp(x[i, y[i]]) / sum)
            for j in 0..<c { dx[i, j] = (exp(x[i, j]) / sum - (j == y[i] ? 1 : 0)) / Double(n) }
        }
        return (loss / Double(n), dx)
    }

    static func labels(_ args: [String: Value]) -> [Int]? {
        guard case let .list(items)? = args["y"] else { return nil }
        return items.compactMap { if case let .integer(i) = $0 { i } else { nil } }
    }

    static let all: [Mutation] = [
        Mutation("softmax-no-max-shift", "softmax_loss exponentiates the raw scores (no max subtraction)") { op, args, _ throws(ImplementationError) in
            guard op == .softmaxLoss, let x = args.tensor("x"), let y = labels(args) else { return nil }
            let (loss, dx) = naiveSoftmax(x, y)
            return ["loss": .number(loss), "dx": .array(dx), "inputs_after": .dict(["x": .array(x), "y": args["y"]!])]
        },
        Mutation("softmax-mutates-input", "softmax_loss subtracts the row maximum from x in place") { op, args, ctx throws(ImplementationError) in
            guard op == .softmaxLoss, let x = args.tensor("x") else { return nil }
            var reply = try ctx.call(op, args)
            var shifted = x
            for i in 0..<x.shape[0] {
                let row = (0..<x.shape[1]).map { x[i, $0] }.max()!
                for j in 0..<x.shape[1] { shifted[i, j] -= row }
            }
            reply["inputs_after"] = .dict(["x": .array(shifted), "y": args["y"]!])
            return reply
        },
        Mutation("softmax-sum-not-mean", "softmax_loss sums over the batch instead of averaging (loss and dx times N)") { op, args, ctx throws(ImplementationError) in
            guard op == .softmaxLoss, let x = args.tensor("x") else { return nil }
            let n = Double(x.shape[0])
            var reply = try ctx.call(op, args).mapping("dx") { $0.scaled(n) }
            if case let .number(l)? = reply["loss"] { reply["loss"] = .number(l * n) }
            return reply
        },
        Mutation("softmax-dx-not-divided", "softmax_loss forgets the 1/N in dx (the loss is right)") { op, args, ctx throws(ImplementationError) in
            guard op == .softmaxLoss, let x = args.tensor("x") else { return nil }
            return try ctx.call(op, args).mapping("dx") { $0.scaled(Double(x.shape[0])) }
        },
        Mutation("svm-counts-correct-class", "svm_loss adds the correct class's margin (1 per example)") { op, args, ctx throws(ImplementationError) in
            guard op == .svmLoss else { return nil }
            var reply = try ctx.call(op, args)
            if case let .number(l)? = reply["loss"] { reply["loss"] = .number(l + 1) }
            return reply
        },
        Mutation("svm-mutates-input", "svm_loss sets x[range(N), y] = 0 in place") { op, args, ctx throws(ImplementationError) in
            guard op == .svmLoss, var x = args.tensor("x"), let y = labels(args) else { return nil }
            let reply = try ctx.call(op, args)
            for (i, label) in y.enumerated() { x[i, label] = 0 }
            var changed = reply
            changed["inputs_after"] = .dict(["x": .array(x), "y": args["y"]!])
            return changed
        },
        Mutation("svm-dx-sign-flipped", "svm_loss returns -dx") { op, args, ctx throws(ImplementationError) in
            guard op == .svmLoss else { return nil }
            return try ctx.call(op, args).mapping("dx") { $0.scaled(-1) }
        },
    ]
}

#if canImport(Glibc)
import Glibc
#endif
