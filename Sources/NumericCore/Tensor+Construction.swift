/// Constructions used by the course notebooks, reproduced exactly.
extension Tensor {
    /// numpy's `np.linspace(start, stop, num=count).reshape(shape)`:
    /// `y[i] = start + i * (stop - start) / (count - 1)`, with the last element exactly `stop`.
    /// The values are computed in float64 and then converted, as numpy does.
    public static func linspace(_ start: Double, _ stop: Double, count: Int, shape: [Int]? = nil) throws(NumericError) -> Tensor {
        let shape = shape ?? [count]
        guard Shape.count(shape) == count else {
            throw .shapeMismatch(operation: "linspace", expected: "\(count) elements", got: shape)
        }
        var values = [Double](repeating: start, count: count)
        if count > 1 {
            let step = (stop - start) / Double(count - 1)
            for i in 0..<count { values[i] = Double(i) * step + start }
            values[count - 1] = stop
        }
        return Tensor(uncheckedShape: shape, scalars: values.map { Scalar($0) })
    }

    /// `scale * N(0, 1)` draws from `rng` (numpy's `scale * np.random.randn(*shape)`).
    public static func randomNormal(_ shape: [Int], scale: Double = 1, using rng: inout RandomSource) -> Tensor {
        let n = Shape.count(shape)
        var values = [Scalar](repeating: 0, count: n)
        for i in 0..<n { values[i] = Scalar(scale * rng.standardNormal()) }
        return Tensor(uncheckedShape: shape, scalars: values)
    }

    /// Uniform draws in [0, 1) from `rng` (numpy's `np.random.rand(*shape)`).
    public static func randomUniform(_ shape: [Int], using rng: inout RandomSource) -> Tensor {
        let n = Shape.count(shape)
        var values = [Scalar](repeating: 0, count: n)
        for i in 0..<n { values[i] = Scalar(rng.uniform()) }
        return Tensor(uncheckedShape: shape, scalars: values)
    }
}
