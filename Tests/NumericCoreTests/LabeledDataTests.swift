import NumericCore
import Testing

@Suite("LabeledData")
struct LabeledDataTests {
    @Test("subset and prefix select examples and labels together")
    func subsetAndPrefix() throws {
        let x = try Tensor<Double>(shape: [4, 2], scalars: [0, 1, 10, 11, 20, 21, 30, 31])
        let data = try LabeledData(x: x, y: [7, 8, 9, 6])
        let s = data.subset([3, 1, 3])
        #expect(s.y == [6, 8, 6])
        #expect(s.x.shape == [3, 2] && s.x.scalars == [30, 31, 10, 11, 30, 31])
        #expect(data.prefix(2).y == [7, 8] && data.prefix(2).x.scalars == [0, 1, 10, 11])
        #expect(data.prefix(10).count == 4)
        let f: LabeledData<Float> = data.converted()
        #expect(f.x.scalars == [0, 1, 10, 11, 20, 21, 30, 31] && f.y == data.y)
    }

    @Test("labels and rows must agree in number")
    func mismatchedLabels() {
        #expect(throws: NumericError.self) { try LabeledData(x: Tensor<Double>(zeros: [4, 2]), y: [1, 2, 3]) }
    }
}
