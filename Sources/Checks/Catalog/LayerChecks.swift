import Implementation
import NumericCore

/// Checks of the layer functions: forward against fixtures, backward against fixtures AND the
/// numerical gradient of the implementation's own forward.
enum LayerChecks {
    static var all: [Check] {
        [affineForward, affineBackward, reluForward, reluBackward, sandwichForward, sandwichBackward]
    }

    static func affine(_ ctx: CheckContext, _ x: Tensor<Double>, _ w: Tensor<Double>, _ b: Tensor<Double>) throws -> Reply {
        try ctx.call(.affineForward, ["x": .array(x), "w": .array(w), "b": .array(b)])
    }

    static let affineForward = Check(
        "layers.affine.forward", title: "affine_forward: x.reshape(N, D) @ w + b, for 3-D, 4-D and N = 1 inputs",
        points: 2, grades: [.affineForward],
        criteria: [Criteria.golden("the error should be around e-9 or less"), Criteria.layers], requires: [.affineForward]
    ) { ctx in
        for id in ["layers.affine.forward.golden", "layers.affine.forward.4d", "layers.affine.forward.n1"] {
            let c = try ctx.fixture(id)
            let (x, w, b) = (try c.input("x"), try c.input("w"), try c.input("b"))
            let out = try affine(ctx, x, w, b).array("out")
            try ctx.expect(out, c.expected("out", shape: [x.shape[0], w.shape[1]]), "out (\(c.label))",
                           criterion: id.hasSuffix("golden") ? "golden" : "default",
                           hint: "Reshape x to (N, D) with x.reshape(x.shape[0], -1), then x @ w + b")
        }
    }

    static let affineBackward = Check(
        "layers.affine.backward", title: "affine_backward: dx (shaped like x), dw = x.T @ dout, db = sum(dout, axis=0)",
        points: 3, grades: [.affineBackward], criteria: [Criteria.layers], ownGradient: OwnGradient.layers,
        requires: [.affineForward, .affineBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.affine.backward")
        let (x, w, b, dout) = (try c.input("x"), try c.input("w"), try c.input("b"), try c.input("dout"))
        let cache = try affine(ctx, x, w, b).handle("cache")
        let g = try ctx.call(.affineBackward, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dw, db) = (try g.array("dx"), try g.array("dw"), try g.array("db"))
        try ctx.expect(dx, c.expected("dx", shape: x.shape), "dx", hint: "dx = (dout @ w.T).reshape(x.shape)")
        try ctx.expect(dw, c.expected("dw", shape: w.shape), "dw", hint: "dw = x.reshape(N, -1).T @ dout")
        try ctx.expect(db, c.expected("db", shape: b.shape), "db", hint: "db = dout.sum(axis=0): a bias gradient sums over the batch")
        let args: [String: Value] = ["x": .array(x), "w": .array(w), "b": .array(b)]
        func call(_ vary: String) -> BatchedCall { BatchedCall(operation: .affineForward, arguments: args, vary: vary, output: "out") }
        try OwnGradient.array(ctx, "dx", of: "affine_forward", at: x, upstream: dout, analytic: dx, call: call("x")) { try affine(ctx, $0, w, b).array("out") }
        try OwnGradient.array(ctx, "dw", of: "affine_forward", at: w, upstream: dout, analytic: dw, call: call("w")) { try affine(ctx, x, $0, b).array("out") }
        try OwnGradient.array(ctx, "db", of: "affine_forward", at: b, upstream: dout, analytic: db, call: call("b")) { try affine(ctx, x, w, $0).array("out") }
    }

    static let reluForward = Check(
        "layers.relu.forward", title: "relu_forward: max(0, x), including exact zeros",
        points: 1, grades: [.reluForward],
        criteria: [Criteria.golden("the error should be on the order of e-8"), Criteria.layers], requires: [.reluForward]
    ) { ctx in
        for id in ["layers.relu.forward.golden", "layers.relu.kink"] {
            let c = try ctx.fixture(id)
            let x = try c.input("x")
            let out = try ctx.call(.reluForward, ["x": .array(x)]).array("out")
            try ctx.expect(out, c.expected("out", shape: x.shape), "out (\(c.label))", criterion: id.hasSuffix("golden") ? "golden" : "default",
                           hint: "relu is np.maximum(0, x)")
        }
    }

    static let reluBackward = Check(
        "layers.relu.backward", title: "relu_backward: dout where x > 0 and 0 where x < 0 (either at the kink x == 0)",
        points: 2, grades: [.reluBackward], criteria: [Criteria.layers], ownGradient: OwnGradient.layers,
        requires: [.reluForward, .reluBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.relu.kink")
        let (x, dout) = (try c.input("x"), try c.input("dout"))
        let cache = try ctx.call(.reluForward, ["x": .array(x)]).handle("cache")
        let dx = try ctx.call(.reluBackward, ["dout": .array(dout), "cache": .handle(cache)]).array("dx")
        let kinks = Set(x.scalars.indices.filter { x.scalars[$0] == 0 })
        try ctx.expect(dx, c.expected("dx", shape: x.shape), "dx", courseExcludes: kinks, hint: "the gradient is dout * (x > 0)",
                       deviation: "At x == 0 exactly the course's relu_backward gives 0 (dout[x <= 0] = 0); any value in [0, dout] is a subgradient there and the notebook's gradient check cannot see it")
        try OwnGradient.array(ctx, "dx", of: "relu_forward", at: x, upstream: dout, analytic: dx,
                              call: BatchedCall(operation: .reluForward, arguments: ["x": .array(x)], vary: "x", output: "out")) {
            try ctx.call(.reluForward, ["x": .array($0)]).array("out")
        }
    }

    static let sandwichForward = Check(
        "layers.affine_relu.forward", title: "affine_relu_forward: relu(affine(x, w, b))",
        points: 1, grades: [.affineReluForward], criteria: [Criteria.layers], requires: [.affineReluForward]
    ) { ctx in
        let c = try ctx.fixture("layers.affine_relu")
        let (x, w, b) = (try c.input("x"), try c.input("w"), try c.input("b"))
        let out = try ctx.call(.affineReluForward, ["x": .array(x), "w": .array(w), "b": .array(b)]).array("out")
        try ctx.expect(out, c.expected("out", shape: [x.shape[0], w.shape[1]]), "out")
    }

    static let sandwichBackward = Check(
        "layers.affine_relu.backward", title: "affine_relu_backward: relu's backward, then affine's",
        points: 1, grades: [.affineReluBackward], criteria: [Criteria.layers], ownGradient: OwnGradient.layers,
        requires: [.affineReluForward, .affineReluBackward]
    ) { ctx in
        let c = try ctx.fixture("layers.affine_relu")
        let (x, w, b, dout) = (try c.input("x"), try c.input("w"), try c.input("b"), try c.input("dout"))
        let args: [String: Value] = ["x": .array(x), "w": .array(w), "b": .array(b)]
        let cache = try ctx.call(.affineReluForward, args).handle("cache")
        let g = try ctx.call(.affineReluBackward, ["dout": .array(dout), "cache": .handle(cache)])
        let (dx, dw, db) = (try g.array("dx"), try g.array("dw"), try g.array("db"))
        try ctx.expect(dx, c.expected("dx", shape: x.shape), "dx")
        try ctx.expect(dw, c.expected("dw", shape: w.shape), "dw")
        try ctx.expect(db, c.expected("db", shape: b.shape), "db")
        try OwnGradient.array(ctx, "dw", of: "affine_relu_forward", at: w, upstream: dout, analytic: dw,
                              call: BatchedCall(operation: .affineReluForward, arguments: args, vary: "w", output: "out")) {
            try ctx.call(.affineReluForward, ["x": .array(x), "w": .array($0), "b": .array(b)]).array("out")
        }
    }
}
