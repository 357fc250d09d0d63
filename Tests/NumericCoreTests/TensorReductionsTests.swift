import NumericCore
import Testing

@Suite("Reductions and row selection against naive loops")
struct TensorReductionsTests {
    /// A (n, 3, 4) tensor with seeded normal values.
    static func sample(_ n: Int, seed: UInt32 = 7) -> Tensor<Double> {
        var rng = RandomSource(seed: seed)
        return Tensor<Double>.randomNormal([n, 3, 4], using: &rng)
    }

    @Test("rows(indices) picks rows in order, with repeats")
    func rowsByIndex() {
        let x = Self.sample(6)
        let indices = [4, 0, 4, 5, 2]
        let picked = x.rows(indices)
        #expect(picked.shape == [5, 3, 4])
        for (r, i) in indices.enumerated() {
            for j in 0..<12 {
                #expect(picked.scalars[r * 12 + j] == x.scalars[i * 12 + j], "row \(r) (source \(i)), column \(j)")
            }
        }
        #expect(x.rows([]).shape == [0, 3, 4])
    }

    @Test("rows(range) is x[a:b]")
    func rowsByRange() {
        let x = Self.sample(6)
        let slice = x.rows(2..<5)
        #expect(slice.shape == [3, 3, 4])
        #expect(slice.scalars == Array(x.scalars[24..<60]))
        #expect(x.rows(3..<3).shape == [0, 3, 4])
    }

    @Test("columnSums is x.reshape(N, -1).sum(axis=0), and reuses a buffer of the right size")
    func columnSums() {
        let x = Self.sample(5)
        var out = Tensor<Double>(zeros: [12], value: 99)  // stale contents must be overwritten
        let before = out.scalars.withUnsafeBufferPointer { $0.baseAddress }
        x.columnSums(into: &out)
        #expect(out.shape == [12])
        #expect(out.scalars.withUnsafeBufferPointer { $0.baseAddress } == before)
        for j in 0..<12 {
            var expected = 0.0
            for i in 0..<5 { expected += x.scalars[i * 12 + j] }  // same order: exact
            #expect(out.scalars[j] == expected, "column \(j)")
        }
        var fresh = Tensor<Double>(zeros: [1])
        Tensor<Double>(zeros: [0, 4]).columnSums(into: &fresh)
        #expect(fresh.scalars == [0, 0, 0, 0])
    }

    @Test("rowArgmax is np.argmax(axis=1): the first maximum of each row")
    func rowArgmax() throws {
        let x = try Tensor<Float>(rows: [
            [0, 3, 3, 1],    // tie: first
            [-5, -4, -9, -4],
            [7, 1, 2, 6],
            [0, 0, 0, 8],
        ])
        #expect(x.rowArgmax() == [1, 1, 0, 3])
        let random = Self.sample(9, seed: 3)
        let naive = (0..<9).map { i -> Int in
            let row = Array(random.scalars[(i * 12)..<(i * 12 + 12)])
            return row.firstIndex(of: row.max()!)!
        }
        #expect(random.rowArgmax() == naive)
        #expect(Tensor<Double>(zeros: [3, 0]).rowArgmax() == [0, 0, 0])
    }

    @Test("sum, sumOfSquares and maxAbs")
    func scalarsReductions() throws {
        let x = try Tensor<Double>(shape: [2, 2], scalars: [1.5, -4, 2, 0.25])
        #expect(x.sum() == -0.25)
        #expect(x.sumOfSquares() == 2.25 + 16 + 4 + 0.0625)
        #expect(x.maxAbs() == 4)
        #expect(Tensor<Double>(zeros: [0]).maxAbs() == 0)
    }
}
