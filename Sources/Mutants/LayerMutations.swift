import Implementation
import NumericCore

/// Mistakes in the layer functions.
enum LayerMutations {
    static let all: [Mutation] = [
        Mutation("affine-forgets-bias", "affine_forward returns x @ w without + b") { op, args, ctx throws(ImplementationError) in
            guard op == .affineForward, let b = args.tensor("b") else { return nil }
            return try ctx.call(op, args).mapping("out") { out in
                var o = out
                for i in 0..<o.count { o.scalars[i] -= b.scalars[i % b.count] }
                return o
            }
        },
        Mutation("affine-dw-transposed", "affine_backward returns dout.T @ x (dw transposed)") { op, args, ctx throws(ImplementationError) in
            guard op == .affineBackward else { return nil }
            return try ctx.call(op, args).mapping("dw") { $0.transposed }
        },
        Mutation("affine-db-not-summed", "affine_backward returns db = dout[0] instead of dout.sum(axis=0)") { op, args, ctx throws(ImplementationError) in
            guard op == .affineBackward, let dout = args.tensor("dout") else { return nil }
            return try ctx.call(op, args).mapping("db") { _ in Tensor(Array(dout.scalars[0..<dout.rowWidth])) }
        },
        Mutation("relu-leaky", "relu_forward returns max(0.01 x, x) (a leaky ReLU)") { op, args, ctx throws(ImplementationError) in
            guard op == .reluForward, let x = args.tensor("x") else { return nil }
            return try ctx.call(op, args).mapping("out") { _ in x.map { max(0.01 * $0, $0) } }
        },
        Mutation("sandwich-backward-skips-relu", "affine_relu_backward calls affine_backward on dout without relu_backward") { op, args, ctx throws(ImplementationError) in
            switch op {
            case .affineReluForward:
                return try ctx.forwardRemembering(op, args)
            case .affineReluBackward:
                guard let forward = ctx.remembered(args) else { return nil }
                let cache = try ctx.call(.affineForward, forward)["cache"]!
                return try ctx.call(.affineBackward, ["dout": args["dout"]!, "cache": cache])
            default:
                return nil
            }
        },
        Mutation("sandwich-forward-skips-relu", "affine_relu_forward returns the affine output without the ReLU") { op, args, ctx throws(ImplementationError) in
            guard op == .affineReluForward else { return nil }
            var reply = try ctx.call(op, args)
            reply["out"] = try ctx.call(.affineForward, args)["out"]
            return reply
        },
    ]
}
