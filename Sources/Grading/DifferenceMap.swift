/// Where an array output is wrong: |got - expected| on a grid of at most `maximumCells` x
/// `maximumCells` cells, each the largest difference among the entries it covers (max-pooling).
///
/// The output is seen as a matrix: a 1-D array of shape (N,) is one row of N columns; an array of
/// shape (d0, d1, ..., dk) has d0 rows and d1 * ... * dk columns (row-major, numpy's
/// `reshape(d0, -1)`). With R rows and C cells of rows, cell row i covers rows
/// `i * R / C ..< (i + 1) * R / C` (integer division), and likewise for columns: every entry is in
/// exactly one cell, and cells differ in size by at most one entry per side.
public struct DifferenceMap: Sendable, Codable, Equatable {
    /// The grid's largest side, in cells.
    public static let maximumCells = 24

    /// The output's name (`out`, `dx`, `next_w`).
    public var output: String
    /// The output's shape.
    public var shape: [Int]
    /// The output as a matrix.
    public var rows: Int
    public var columns: Int
    /// The grid: `min(rows, maximumCells)` by `min(columns, maximumCells)`.
    public var cellRows: Int
    public var cellColumns: Int
    /// `cellRows * cellColumns` values, row by row: the largest |got - expected| in each cell;
    /// nil where an entry of the cell is NaN or infinite.
    public var values: [Double?]
    /// The index (in `shape`) of the entry the check's message names, and the cell holding it.
    public var worstIndex: [Int]
    public var worstCell: Int
    /// The tolerance the output was judged by, labelled (`relative error <= 1.0e-6`).
    public var tolerance: String

    /// The map of `differences` (|got - expected|, row-major, one per entry of `shape`) with the
    /// entry at flat index `worst` marked; nil when the counts disagree or there is nothing to map.
    public init?(output: String, shape: [Int], differences: [Double], worst: Int, tolerance: String) {
        let count = shape.reduce(1, *)
        guard !shape.isEmpty, shape.allSatisfy({ $0 > 0 }), count == differences.count, differences.indices.contains(worst) else {
            return nil
        }
        self.output = CheckFigure.capped(output)
        self.shape = shape
        self.rows = shape.count == 1 ? 1 : shape[0]
        self.columns = count / rows
        self.cellRows = min(rows, Self.maximumCells)
        self.cellColumns = min(columns, Self.maximumCells)
        self.tolerance = CheckFigure.capped(tolerance)
        var pooled = [Double?](repeating: 0, count: cellRows * cellColumns)
        for (flat, difference) in differences.enumerated() {
            let cell = Self.cell(flat / columns, of: rows, in: cellRows) * cellColumns
                + Self.cell(flat % columns, of: columns, in: cellColumns)
            guard let current = pooled[cell] else { continue }
            pooled[cell] = difference.isFinite ? max(current, abs(difference)) : nil
        }
        self.values = pooled
        self.worstCell = Self.cell(worst / columns, of: rows, in: cellRows) * cellColumns
            + Self.cell(worst % columns, of: columns, in: cellColumns)
        var rest = worst
        var index = [Int](repeating: 0, count: shape.count)
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            index[d] = rest % shape[d]
            rest /= shape[d]
        }
        self.worstIndex = index
    }

    /// The rows of the matrix that cell row `i` covers.
    public func rowRange(ofCell i: Int) -> Range<Int> { Self.span(i, of: rows, in: cellRows) }

    /// The columns of the matrix that cell column `j` covers.
    public func columnRange(ofCell j: Int) -> Range<Int> { Self.span(j, of: columns, in: cellColumns) }

    /// The largest finite value on the grid (0 when there is none).
    public var largest: Double { values.compactMap { $0 }.max() ?? 0 }

    static func span(_ i: Int, of n: Int, in cells: Int) -> Range<Int> { (i * n / cells)..<((i + 1) * n / cells) }

    /// The cell (of `cells`) that holds position `k` of `n`: the inverse of `span`.
    static func cell(_ k: Int, of n: Int, in cells: Int) -> Int { ((k + 1) * cells - 1) / n }
}
