import Grading
import Testing

@Suite("Difference maps")
struct DifferenceMapTests {
    @Test("a 1-D output is one row; every entry is its own cell while it fits")
    func oneRow() throws {
        let map = try #require(DifferenceMap(output: "out", shape: [5], differences: [0, 1, 0, 3, 0], worst: 3, tolerance: "t"))
        #expect((map.rows, map.columns, map.cellRows, map.cellColumns) == (1, 5, 1, 5))
        #expect(map.values == [0, 1, 0, 3, 0])
        #expect(map.worstIndex == [3] && map.worstCell == 3)
        #expect(map.largest == 3)
    }

    @Test("an N-D output has rows = first dimension, columns = the rest, and the worst index in its own shape")
    func reshaped() throws {
        let differences = (0..<24).map { Double($0) }
        let map = try #require(DifferenceMap(output: "dx", shape: [2, 3, 4], differences: differences, worst: 17, tolerance: "t"))
        #expect((map.rows, map.columns, map.cellRows, map.cellColumns) == (2, 12, 2, 12))
        #expect(map.worstIndex == [1, 1, 1])
        #expect(map.worstCell == 17)
    }

    @Test("a large output is max-pooled onto at most 24 x 24 cells that cover every entry once", arguments: [
        [100, 50], [24, 25], [25, 24], [1000], [3, 7, 11], [48, 48],
    ])
    func pooled(shape: [Int]) throws {
        let count = shape.reduce(1, *)
        var generator = SystemRandomNumberGenerator()
        let differences = (0..<count).map { _ in Double.random(in: 0..<1, using: &generator) }
        let worst = count / 3
        let map = try #require(DifferenceMap(output: "w", shape: shape, differences: differences, worst: worst, tolerance: "t"))
        #expect(map.cellRows <= DifferenceMap.maximumCells && map.cellColumns <= DifferenceMap.maximumCells)
        #expect(map.values.count == map.cellRows * map.cellColumns)
        // Brute force: each cell's value is the largest of the entries its ranges cover.
        var covered = 0
        for i in 0..<map.cellRows {
            for j in 0..<map.cellColumns {
                var largest = 0.0
                for r in map.rowRange(ofCell: i) {
                    for c in map.columnRange(ofCell: j) {
                        largest = max(largest, differences[r * map.columns + c])
                        covered += 1
                        if r * map.columns + c == worst { #expect(map.worstCell == i * map.cellColumns + j) }
                    }
                }
                #expect(map.values[i * map.cellColumns + j] == largest)
            }
        }
        #expect(covered == count)
        #expect(map.largest == differences.max())
    }

    @Test("a non-finite difference makes its cell not a number, the others stay numbers")
    func notANumber() throws {
        let map = try #require(DifferenceMap(output: "out", shape: [2, 2], differences: [0.5, .nan, 0, .infinity], worst: 1, tolerance: "t"))
        #expect(map.values == [0.5, nil, 0, nil])
        #expect(map.largest == 0.5)
    }

    @Test("nothing to map: sizes that disagree, an empty shape, a worst index outside")
    func refused() {
        #expect(DifferenceMap(output: "x", shape: [2, 2], differences: [1, 2, 3], worst: 0, tolerance: "t") == nil)
        #expect(DifferenceMap(output: "x", shape: [], differences: [1], worst: 0, tolerance: "t") == nil)
        #expect(DifferenceMap(output: "x", shape: [3], differences: [1, 2, 3], worst: 3, tolerance: "t") == nil)
        #expect(DifferenceMap(output: "x", shape: [0, 3], differences: [], worst: 0, tolerance: "t") == nil)
    }
}
