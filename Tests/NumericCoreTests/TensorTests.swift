import NumericCore
import Testing

@Suite("Tensor storage, shape checks and buffer reuse")
struct TensorTests {
    @Test("a scalar count that does not match the shape throws shapeMismatch",
          arguments: [([2, 3], 5), ([2, 3], 7), ([0], 1), ([], 0), ([4, 0, 2], 1)] as [([Int], Int)])
    func mismatchedCount(shape: [Int], count: Int) {
        let error = #expect(throws: NumericError.self) {
            try Tensor<Double>(shape: shape, scalars: [Double](repeating: 1, count: count))
        }
        guard case .shapeMismatch(let operation, _, let got)? = error else {
            Issue.record("expected .shapeMismatch, got \(String(describing: error))")
            return
        }
        #expect(operation == "Tensor")
        #expect(got == shape)
    }

    /// (-2) * (-3) = 6 elements: only the sign check can reject these shapes.
    @Test("negative dimensions throw even when their product matches the count",
          arguments: [([-2, -3], 6), ([-1], 0), ([3, -1, -2], 6)] as [([Int], Int)])
    func negativeDimensions(shape: [Int], count: Int) {
        let error = #expect(throws: NumericError.self) {
            try Tensor<Float>(shape: shape, scalars: [Float](repeating: 0, count: count))
        }
        guard case .invalidArgument? = error else {
            Issue.record("expected .invalidArgument, got \(String(describing: error))")
            return
        }
    }

    @Test("matching shapes are accepted, including empty and 0-d ones")
    func acceptedShapes() throws {
        let t = try Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(t.shape == [2, 3] && t.count == 6 && t.rank == 2)
        #expect(t[1, 2] == 6 && t[0, 1] == 2 && t[1, 0] == 4)
        let scalar = try Tensor<Double>(shape: [], scalars: [7])
        #expect(scalar.rank == 0 && scalar.count == 1 && scalar.rowCount == 1 && scalar.rowWidth == 1)
        let empty = try Tensor<Double>(shape: [0, 5], scalars: [])
        #expect(empty.rowCount == 0 && empty.rowWidth == 5)
    }

    @Test("the (N, D) view of a rank-4 tensor")
    func matrixView() {
        let t = Tensor<Float>(zeros: [3, 4, 5, 6])
        #expect(t.rowCount == 3)
        #expect(t.rowWidth == 120)
        #expect(Tensor<Float>(zeros: [0, 4, 5]).rowWidth == 20)
    }

    @Test("multi-index subscripts are row-major")
    func rowMajorSubscript() {
        var t = Tensor<Double>(zeros: [2, 3, 4])
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { t[i, j, k] = Double(100 * i + 10 * j + k) } } }
        for flat in 0..<24 {
            let (i, j, k) = (flat / 12, (flat / 4) % 3, flat % 4)
            #expect(t.scalars[flat] == Double(100 * i + 10 * j + k), "flat index \(flat)")
        }
    }

    @Test("rows of different lengths throw")
    func raggedRows() throws {
        #expect(throws: NumericError.self) { try Tensor<Double>(rows: [[1, 2], [3]]) }
        let t = try Tensor<Double>(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(t.shape == [2, 3] && t.scalars == [1, 2, 3, 4, 5, 6])
    }

    @Test("reshape keeps the elements and rejects another count or negative dimensions")
    func reshape() throws {
        let t = try Tensor<Double>(shape: [2, 6], scalars: (0..<12).map(Double.init))
        let r = try t.reshaped([3, 2, 2])
        #expect(r.shape == [3, 2, 2] && r.scalars == t.scalars)
        let wrong = #expect(throws: NumericError.self) { try t.reshaped([5, 2]) }
        guard case .shapeMismatch(let operation, _, let got)? = wrong else {
            Issue.record("expected .shapeMismatch, got \(String(describing: wrong))")
            return
        }
        #expect(operation == "reshape" && got == [5, 2])
        // (-3) * (-4) = 12: a reshape that only compares counts would accept it.
        #expect(throws: NumericError.self) { try t.reshaped([-3, -4]) }
    }

    @Test("resize keeps the buffer when the count is unchanged", arguments: [[6, 4], [24], [2, 3, 4], [1, 24, 1]])
    func resizeReusesBuffer(newShape: [Int]) {
        var t = Tensor<Double>(zeros: [4, 6], value: 1)
        let before = t.scalars.withUnsafeBufferPointer { $0.baseAddress }
        t.resize(to: newShape)
        let after = t.scalars.withUnsafeBufferPointer { $0.baseAddress }
        #expect(t.shape == newShape)
        #expect(t.count == 24)
        #expect(before == after, "resize to \(newShape) reallocated the buffer")
    }

    @Test("resize to another count gives that many elements")
    func resizeChangesCount() {
        var t = Tensor<Float>(zeros: [4, 6])
        t.resize(to: [5, 7])
        #expect(t.shape == [5, 7] && t.count == 35)
        t.resize(to: [0, 3])
        #expect(t.shape == [0, 3] && t.count == 0)
    }

    @Test("conversion between precisions keeps shape and rounds values")
    func conversion() throws {
        let t = try Tensor<Double>(shape: [3, 1], scalars: [0.1, -2.5, 1e40])
        let f: Tensor<Float> = t.converted()
        #expect(f.shape == [3, 1])
        #expect(f.scalars == [Float(0.1), -2.5, .infinity])
        #expect(f.firstNonFiniteIndex == 2)
        #expect(t.firstNonFiniteIndex == nil)
    }

    @Test("equality is exact: same shape and same values")
    func equality() throws {
        let a = try Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])
        #expect(try a.reshaped([2, 2]) == a)
        #expect(try a.reshaped([4]) != a)
        var b = a
        b.scalars[3] = 4.000_000_000_000_001
        #expect(a != b)
    }
}
