// Times one training step (forward + backward + Adam on every parameter) of the course's
// FullyConnectedNet 3072-100-100-100-100-100-10 on a fixed minibatch, and prints one line:
//   engine dtype=float64 batch=200 steps=300 median_ms=... p10_ms=... p90_ms=... core=... threads=...
// The engine's training step does not compute the gradient of the input batch (nothing uses
// it); with --input-gradient it does, as the cs231n code does, and the line starts
// "engine-samework".
// bench/run.sh runs it alternately with bench/netstep.py (numpy, written the cs231n way).
import Engine
import Foundation
import NumericCore

struct Options {
    var dtype = "float64"
    var batch = 200
    var steps = 300
    var warmup = 10
    /// Also compute the first layer's dX, as the cs231n code does (same GEMM work as numpy).
    var inputGradient = false

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            if arguments[i] == "--input-gradient" {
                inputGradient = true
                i += 1
                continue
            }
            switch arguments[i] {
            case "--dtype": dtype = value
            case "--batch": batch = Int(value) ?? batch
            case "--steps": steps = Int(value) ?? steps
            case "--warmup": warmup = Int(value) ?? warmup
            default:
                FileHandle.standardError.write(Data("unknown option \(arguments[i])\n".utf8))
                exit(2)
            }
            i += 2
        }
    }
}

func measure<S: NetScalar>(_: S.Type, _ options: Options) throws -> (step: [Double], loss: [Double]) {
    var rng = RandomSource(seed: 0)
    let configuration = FullyConnectedNetConfiguration(
        hiddenDims: [100, 100, 100, 100, 100], inputDim: 3072, numClasses: 10, reg: 1e-3, weightScale: 5e-2)
    let net = try FullyConnectedNet<S>(configuration, rng: &rng)
    let x = Tensor<S>.randomNormal([options.batch, 3072], using: &rng)
    let y = rng.integers(below: 10, count: options.batch)
    let adam = Adam(learningRate: 1e-3)
    var states = [Adam.State<S>](repeating: Adam.State(), count: net.parameters.tensors.count)
    var times: [Double] = [], lossTimes: [Double] = []
    for step in 0..<(options.warmup + options.steps) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try net.loss(x, y, computeInputGradient: options.inputGradient)
        let lossDone = DispatchTime.now().uptimeNanoseconds
        try net.updatingParameters { (parameters) throws(NumericError) in
            for i in parameters.tensors.indices {
                try adam.step(&parameters.tensors[i], result.gradients.tensors[i], state: &states[i])
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if step >= options.warmup {
            times.append(elapsed)
            lossTimes.append(Double(lossDone - start) / 1e6)
        }
        if !result.loss.isFinite { throw NumericError.invalidArgument(operation: "bench", message: "loss diverged") }
    }
    return (times, lossTimes)
}

func quantile(_ sorted: [Double], _ q: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let blas = BLASRuntime.selectKernels()  // before the first GEMM, as the CLI does
do {
    let (times, lossTimes) = try options.dtype == "float32" ? measure(Float.self, options) : measure(Double.self, options)
    let sorted = times.sorted(), lossSorted = lossTimes.sorted()
    print(String(
        format: "%@ dtype=%@ batch=%d steps=%d median_ms=%.3f p10_ms=%.3f p90_ms=%.3f loss_ms=%.3f core=%@ threads=%d",
        options.inputGradient ? "engine-samework" : "engine", options.dtype, options.batch, options.steps, quantile(sorted, 0.5), quantile(sorted, 0.1), quantile(sorted, 0.9),
        quantile(lossSorted, 0.5),
        blas.activeCore, blas.threads))
} catch {
    FileHandle.standardError.write(Data("engine-bench: \(error)\n".utf8))
    exit(1)
}
