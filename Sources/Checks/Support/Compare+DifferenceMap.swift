import Grading
import NumericCore

extension Compare {
    /// Where `got` differs from `expected`: |got - expected| per entry, max-pooled onto at most
    /// `DifferenceMap.maximumCells` x `DifferenceMap.maximumCells` cells, the entry at flat index
    /// `worst` (the one the failure message names) marked, `tolerance` as the label. Equal entries
    /// (NaN against NaN included) and entries in `excluding` count as 0; NaN or infinity against a
    /// number is a cell that is not a number. Nil for a single number or unequal sizes (a shape
    /// mismatch has no map).
    static func differenceMap(
        _ got: Tensor<Double>, _ expected: Tensor<Double>, _ name: String, worst: Int, tolerance: ErrorBound,
        excluding: Set<Int> = []
    ) -> DifferenceMap? {
        guard expected.count > 1, got.count == expected.count else { return nil }
        let differences = (0..<got.count).map { i -> Double in
            let a = got.scalars[i], b = expected.scalars[i]
            if excluding.contains(i) || a == b || (a.isNaN && b.isNaN) { return 0 }
            return abs(a - b)
        }
        return DifferenceMap(output: name, shape: expected.shape, differences: differences, worst: worst, tolerance: tolerance.description)
    }
}
