import NumericCore
import Testing
@testable import Datasets

@Suite struct DigitsTests {
    @Test func rawExamplesAreTheWholeFile() throws {
        let data = try Digits.rawExamples()
        #expect(data.count == 1797)
        #expect(data.x.shape == [1797, 1, 8, 8])
        #expect(Set(data.y) == Set(0...9))
        #expect(data.x.scalars.allSatisfy { $0 >= 0 && $0 <= 16 && $0 == $0.rounded() })
        #expect(data.x.scalars.max() == 16)
        // First line of digits.csv: 0,0,5,13,9,1,0,0, ... label 0.
        #expect(Array(data.x.scalars[0..<8]) == [0, 0, 5, 13, 9, 1, 0, 0])
        #expect(data.y[0] == 0)
    }

    @Test func splitsScaledPixelsWithTheDefaultSizes() throws {
        let splits = try Digits.load(subtractMean: false)
        #expect(splits.train.count == 1297)
        #expect(splits.validation.count == 250)
        #expect(splits.test.count == 250)
        #expect(splits.train.x.shape == [1297, 1, 8, 8])
        let all = splits.train.x.scalars + splits.validation.x.scalars + splits.test.x.scalars
        #expect(all.min() == 0)
        #expect(all.max() == 1)
        #expect(splits.classNames == (0...9).map(String.init))
        #expect(splits.provenance.contains("Alpaydin"))
        #expect(splits.provenance.contains("CC BY 4.0"))
        #expect(splits.provenance.contains("seed 0"))
    }

    @Test func theSplitIsNumpysPermutation() throws {
        // numpy: p = np.random.RandomState(0).permutation(1797); labels[p[:12]], labels[p[1297:1302]].
        let splits = try Digits.load(subtractMean: false)
        #expect(Array(splits.train.y.prefix(12)) == [2, 8, 2, 6, 6, 7, 1, 9, 8, 5, 2, 8])
        #expect(Array(splits.validation.y.prefix(5)) == [0, 9, 6, 9, 8])
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let a = try Digits.load(seed: 7), b = try Digits.load(seed: 7), c = try Digits.load(seed: 8)
        #expect(a.train.x == b.train.x)
        #expect(a.test.y == b.test.y)
        #expect(a.train.y != c.train.y)
        #expect(c.provenance.contains("seed 8"))
    }

    @Test func meanSubtraction() throws {
        let splits = try Digits.load()
        var worst = 0.0
        for j in 0..<64 {
            let mean = (0..<1297).reduce(0.0) { $0 + splits.train.x.scalars[$1 * 64 + j] } / 1297
            worst = max(worst, abs(mean))
        }
        #expect(worst < 1e-12)
        #expect(splits.train.x.scalars.contains { $0 < 0 })
        // numpy: (X[p[1297]] - X[p[:1297]].mean(0))[3] with X = pixels / 16.
        #expect(abs(splits.validation.x.scalars[3] - 0.25992675404780263) < 1e-15)
    }

    @Test(arguments: [(0, 250, 250), (1297, 0, 250), (1000, 500, 500), (-1, 10, 10)])
    func invalidSizesThrow(training: Int, validation: Int, test: Int) {
        #expect(throws: DatasetError.self) {
            try Digits.load(trainingCount: training, validationCount: validation, testCount: test)
        }
    }
}
