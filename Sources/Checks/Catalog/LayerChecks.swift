import Implementation
import NumericCore

/// Checks of the layer functions: forward against fixtures, backward against fixtures AND the
/// numerical gradient of the implementation's own forward.
enum LayerChecks {
    static var all: [Check] {
        [affineForward, affineBackward, reluForward, reluBackward, sandwichForward, sandwichBackward]
    }

    static let affineForward = Check(
        "layers.affine.forward", title: "affine_forward: x.reshape(N, D) @ w + b, for 3-D, 4-D and N = 1 inputs",
        points: 2, tolerance: "relative error <= 1e-9 (notebook: around e-9)", requires: [.affineForward]
    ) { ctx in
        for id in ["layers.affine.forward.golden", "layers.affine.forward.4d", "layers.affine.forward.n1"] {
            let c = try ctx.fixture(id)
            let out = try ctx.call(.affineForward, ["x": .array(c.input("x")), "w": .array(c.input("w")), "b": .array(c.input("b"))]).array("out")
            try Compare.arrays(out, c.expected("out"), "out (\(c.label))", c.tolerance, hint: "Reshape x to (N, D) with x.reshape(x.shape[0], -1), then x @ w + b")
        }
    }

    static let affineBackward = Check(
        "layers.affine.backward", title: "affine_backward: dx (shaped like x), dw = x.T @ dout, db = sum(dout, axis=0)",
        points: 3, tolerance: "relative error <= 1e-8 vs fixture; numerical gradient of own forward within 1e-6", requires: [.affineForward, .affineBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.affine.backward")
        let (x, w, b, dout) = (try c.input("x"), try c.input("w"), try c.input("b"), try c.input("dout"))
        let cache = try ctx.call(.affineForward, ["x": .array(x), "w": .array(w), "b": .array(b)]).handle("cache")
        let g = try ctx.call(.affineBackward, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dw, db) = (try g.array("dx"), try g.array("dw"), try g.array("db"))
        try Compare.arrays(dx, c.expected("dx"), "dx", c.tolerance, hint: "dx = (dout @ w.T).reshape(x.shape)")
        try Compare.arrays(dw, c.expected("dw"), "dw", c.tolerance, hint: "dw = x.reshape(N, -1).T @ dout")
        try Compare.arrays(db, c.expected("db"), "db", c.tolerance, hint: "db = dout.sum(axis=0): a bias gradient sums over the batch")
        func out(_ x: Tensor<Double>, _ w: Tensor<Double>, _ b: Tensor<Double>) throws -> Tensor<Double> {
            try ctx.call(.affineForward, ["x": .array(x), "w": .array(w), "b": .array(b)]).array("out")
        }
        let args: [String: Value] = ["x": .array(x), "w": .array(w), "b": .array(b)]
        func batched(_ vary: String) -> (CheckContext, BatchedCall) { (ctx, BatchedCall(operation: .affineForward, arguments: args, vary: vary, output: "out")) }
        try OwnGradient.array("dx", of: "affine_forward", at: x, upstream: dout, analytic: dx, batched: batched("x")) { try out($0, w, b) }
        try OwnGradient.array("dw", of: "affine_forward", at: w, upstream: dout, analytic: dw, batched: batched("w")) { try out(x, $0, b) }
        try OwnGradient.array("db", of: "affine_forward", at: b, upstream: dout, analytic: db, batched: batched("b")) { try out(x, w, $0) }
    }

    static let reluForward = Check(
        "layers.relu.forward", title: "relu_forward: max(0, x), including exact zeros",
        points: 1, tolerance: "relative error <= 5e-8 (notebook: on the order of e-8)", requires: [.reluForward]
    ) { ctx in
        for id in ["layers.relu.forward.golden", "layers.relu.kink"] {
            let c = try ctx.fixture(id)
            let out = try ctx.call(.reluForward, ["x": .array(c.input("x"))]).array("out")
            try Compare.arrays(out, c.expected("out"), "out (\(c.label))", c.tolerance, hint: "relu is np.maximum(0, x)")
        }
    }

    static let reluBackward = Check(
        "layers.relu.backward", title: "relu_backward: dout where x > 0, and 0 at x <= 0 (0 exactly at the kink)",
        points: 2, tolerance: "exact zeros at the kink; relative error <= 1e-10 elsewhere", requires: [.reluForward, .reluBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.relu.kink")
        let (x, dout) = (try c.input("x"), try c.input("dout"))
        let cache = try ctx.call(.reluForward, ["x": .array(x)]).handle("cache")
        let dx = try ctx.call(.reluBackward, ["dout": .array(dout), "cache": .handle(cache)]).array("dx")
        try Compare.arrays(dx, c.expected("dx"), "dx", c.tolerance, hint: "the gradient is dout * (x > 0): 0 where x is exactly 0, as the course's dout[x <= 0] = 0")
        try OwnGradient.array("dx", of: "relu_forward", at: x, upstream: dout, analytic: dx,
                              batched: (ctx, BatchedCall(operation: .reluForward, arguments: ["x": .array(x)], vary: "x", output: "out"))) {
            try ctx.call(.reluForward, ["x": .array($0)]).array("out")
        }
    }

    static let sandwichForward = Check(
        "layers.affine_relu.forward", title: "affine_relu_forward: relu(affine(x, w, b))",
        points: 1, tolerance: "relative error <= 1e-9", requires: [.affineReluForward]
    ) { ctx in
        let c = try ctx.fixture("layers.affine_relu")
        let out = try ctx.call(.affineReluForward, ["x": .array(c.input("x")), "w": .array(c.input("w")), "b": .array(c.input("b"))]).array("out")
        try Compare.arrays(out, c.expected("out"), "out", c.tolerance)
    }

    static let sandwichBackward = Check(
        "layers.affine_relu.backward", title: "affine_relu_backward: relu's backward, then affine's",
        points: 1, tolerance: "relative error <= 1e-9 vs fixture; numerical gradient of own forward within 1e-6",
        requires: [.affineReluForward, .affineReluBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.affine_relu")
        let (x, w, b, dout) = (try c.input("x"), try c.input("w"), try c.input("b"), try c.input("dout"))
        let cache = try ctx.call(.affineReluForward, ["x": .array(x), "w": .array(w), "b": .array(b)]).handle("cache")
        let g = try ctx.call(.affineReluBackward, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dw, db) = (try g.array("dx"), try g.array("dw"), try g.array("db"))
        try Compare.arrays(dx, c.expected("dx"), "dx", c.tolerance)
        try Compare.arrays(dw, c.expected("dw"), "dw", c.tolerance)
        try Compare.arrays(db, c.expected("db"), "db", c.tolerance)
        func out(_ x: Tensor<Double>, _ w: Tensor<Double>, _ b: Tensor<Double>) throws -> Tensor<Double> {
            try ctx.call(.affineReluForward, ["x": .array(x), "w": .array(w), "b": .array(b)]).array("out")
        }
        try OwnGradient.array("dw", of: "affine_relu_forward", at: w, upstream: dout, analytic: dw,
                              batched: (ctx, BatchedCall(operation: .affineReluForward, arguments: ["x": .array(x), "w": .array(w), "b": .array(b)], vary: "w", output: "out"))) { try out(x, $0, b) }
    }
}
