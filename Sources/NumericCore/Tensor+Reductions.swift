/// Reductions and elementwise helpers that many layers share.
extension Tensor {
    /// Sum of all elements, accumulated in the tensor's own precision.
    public func sum() -> Scalar {
        scalars.withUnsafeBufferPointer { p in
            var s: Scalar = 0
            for v in p { s += v }
            return s
        }
    }

    /// Sum of squares of all elements, `sum(x ** 2)`.
    public func sumOfSquares() -> Scalar {
        scalars.withUnsafeBufferPointer { p in
            var s: Scalar = 0
            for v in p { s += v * v }
            return s
        }
    }

    /// Column sums of the (N, D) view into `out` of shape (D,): numpy's `x.sum(axis=0)`.
    public func columnSums(into out: inout Tensor) {
        let (n, d) = (rowCount, rowWidth)
        out.resize(to: [d])
        scalars.withUnsafeBufferPointer { p in
            out.scalars.withUnsafeMutableBufferPointer { o in
                for j in 0..<d { o[j] = 0 }
                for i in 0..<n {
                    let row = i * d
                    for j in 0..<d { o[j] += p[row + j] }
                }
            }
        }
    }

    /// Elementwise maximum absolute value (0 for an empty tensor).
    public func maxAbs() -> Scalar {
        scalars.reduce(0) { Swift.max($0, Swift.abs($1)) }
    }

    /// Index of the largest element in each row of the (N, D) view (first one on ties), like
    /// `np.argmax(x, axis=1)`.
    public func rowArgmax() -> [Int] {
        let (n, d) = (rowCount, rowWidth)
        guard d > 0 else { return [Int](repeating: 0, count: n) }
        return scalars.withUnsafeBufferPointer { p in
            (0..<n).map { i in
                var best = 0
                for j in 1..<d where p[i * d + j] > p[i * d + best] { best = j }
                return best
            }
        }
    }

    /// Rows `indices` of the (N, ...) tensor, in that order: numpy's `x[indices]`.
    public func rows(_ indices: [Int]) -> Tensor {
        let width = rowWidth
        var out = [Scalar](repeating: 0, count: indices.count * width)
        scalars.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                for (r, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rowCount, "row \(i) out of range 0..<\(rowCount)")
                    for j in 0..<width { o[r * width + j] = p[i * width + j] }
                }
            }
        }
        return Tensor(uncheckedShape: [indices.count] + shape.dropFirst(), scalars: out)
    }

    /// Rows `range` of the (N, ...) tensor: numpy's `x[a:b]`.
    public func rows(_ range: Range<Int>) -> Tensor {
        let width = rowWidth
        return Tensor(
            uncheckedShape: [range.count] + shape.dropFirst(),
            scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
    }
}
