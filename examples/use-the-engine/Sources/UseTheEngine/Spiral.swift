import Foundation
import NumericCore

/// The spiral data set of the CS231n notes ("Putting it together: Minimal Neural Network Case
/// Study"): `classCount` arms of `pointsPerClass` points in the plane, not linearly separable.
///
/// For class j and i in 0..<N: `r = i / (N - 1)`, `t = 4j + 4i / (N - 1) + 0.2 * noise`
/// (standard normal noise), point `(r sin t, r cos t)`, label j. Shapes: x (K * N, 2), y (K * N).
enum Spiral {
    static func make(pointsPerClass: Int, classCount: Int, rng: inout RandomSource) throws -> LabeledData<Double> {
        var scalars: [Double] = []
        var labels: [Int] = []
        let last = Double(max(pointsPerClass - 1, 1))
        for j in 0..<classCount {
            for i in 0..<pointsPerClass {
                let r = Double(i) / last
                let t = 4 * Double(j) + 4 * Double(i) / last + 0.2 * rng.standardNormal()
                scalars += [r * sin(t), r * cos(t)]
                labels.append(j)
            }
        }
        return try LabeledData(x: Tensor(shape: [labels.count, 2], scalars: scalars), y: labels)
    }

    /// A seeded split: a permutation, then the first `validationCount` examples for validation.
    static func split(_ data: LabeledData<Double>, validationCount: Int, rng: inout RandomSource) -> (train: LabeledData<Double>, validation: LabeledData<Double>) {
        let order = rng.permutation(data.count)
        return (data.subset(Array(order[validationCount...])), data.subset(Array(order[..<validationCount])))
    }
}
