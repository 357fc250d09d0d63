import GradientCheck
import NumericCore
import Testing

/// The course's `rel_error`, with a message naming the worst entry when it is too large.
func expectClose(
    _ got: Tensor<Double>, _ expected: Tensor<Double>, relativeTolerance: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard got.shape == expected.shape else {
        Issue.record("\(what): shape \(got.shape) != \(expected.shape)", sourceLocation: sourceLocation)
        return
    }
    let worst = RelativeError.worst(got.scalars, expected.scalars)
    if let worst, worst.error > relativeTolerance {
        Issue.record(
            "\(what): rel_error \(worst.error) > \(relativeTolerance) at flat index \(worst.index): got \(got.scalars[worst.index]), expected \(expected.scalars[worst.index])",
            sourceLocation: sourceLocation)
    }
}

/// `np.random.seed(seed)` as the notebooks call it.
func courseRandom(_ seed: UInt32 = 231) -> RandomSource { RandomSource(seed: seed) }

func linspace(_ a: Double, _ b: Double, _ n: Int, _ shape: [Int]) -> Tensor<Double> {
    try! Tensor.linspace(a, b, count: n, shape: shape)
}
