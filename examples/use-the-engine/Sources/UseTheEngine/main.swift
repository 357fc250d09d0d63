// Trains a FullyConnectedNet 2-50-50-3 on the spiral (Adam, Solver) with gradecheck's Engine,
// then checks a FullyConnectedNet's analytic gradients against central differences with
// GradientCheck, as the course notebook does. Prints what it found; exits 1 when a gradient
// check fails.
import Engine
import Foundation
import GradientCheck
import NumericCore

// OpenBLAS kernels for this CPU, once, before the first GEMM (the engine never does it itself).
print("blas: \(BLASRuntime.selectKernels().summary)")

do {
    var rng = RandomSource(seed: 0)
    let spiral = try Spiral.make(pointsPerClass: 100, classCount: 3, rng: &rng)
    let (train, validation) = Spiral.split(spiral, validationCount: 60, rng: &rng)
    print("data: spiral, 3 classes, \(train.count) training and \(validation.count) validation points (seed 0)")

    let net = try FullyConnectedNet<Double>(
        FullyConnectedNetConfiguration(hiddenDims: [50, 50], inputDim: 2, numClasses: 3, reg: 1e-4, weightScale: 1e-1),
        rng: &rng)
    let solver = try Solver(
        model: net, train: train, validation: validation,
        configuration: SolverConfiguration(updateRule: .adam(Adam(learningRate: 1e-2)), batchSize: 60, epochs: 60))
    let history = try solver.train()
    print(String(
        format: "trained: FullyConnectedNet 2-50-50-3, adam, %d epochs, loss %.4f -> %.4f; train accuracy %.3f, validation accuracy %.3f (best at epoch %d)",
        solver.configuration.epochs, history.loss.first ?? .nan, history.loss.last ?? .nan,
        try net.accuracy(on: train), try net.accuracy(on: validation), history.bestEpoch))

    // The course notebook's check of FullyConnectedNet (np.random.seed(231); N, D, H1, H2, C =
    // 2, 15, 20, 30, 10): every parameter's analytic gradient against central differences of the
    // loss, for reg 0 and 3.14. The notebook expects relative errors around 1e-7 or less.
    // One random stream, drawn in the notebook's order: X, y, then each net's weights.
    var allPassed = true
    var courseRandom = RandomSource(seed: 231)
    let x = Tensor<Double>.randomNormal([2, 15], using: &courseRandom)
    let y = courseRandom.integers(below: 10, count: 2)
    for reg in [0, 3.14] {
        let courseNet = try FullyConnectedNet<Double>(
            FullyConnectedNetConfiguration(hiddenDims: [20, 30], inputDim: 15, numClasses: 10, reg: reg, weightScale: 5e-2),
            rng: &courseRandom)
        let result = try courseNet.loss(x, y)
        print("gradient check, reg \(reg): initial loss \(result.loss)")
        for (name, value) in courseNet.parameters.entries {
            guard let analytic = result.gradients[name] else {
                throw NumericError.invalidArgument(operation: "use-the-engine", message: "no gradient for \(name)")
            }
            let check = try GradientChecker.check({ w in
                try courseNet.setParameter(name, w)
                return try courseNet.loss(x, y).loss
            }, at: value, analytic: analytic, settings: .float64)
            try courseNet.setParameter(name, value)
            print("  \(name) \(value.shape): \(check.passed ? "passed" : "FAILED"); \(check.summary)")
            allPassed = allPassed && check.passed
        }
    }
    exit(allPassed ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("use-the-engine: \(error)\n".utf8))
    exit(1)
}
