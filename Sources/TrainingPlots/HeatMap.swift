/// A grid of non-negative values drawn as coloured cells (white for 0, dark red for the largest
/// value), with one cell outlined, row and column labels and a colour bar; rendered by
/// `inlineSVG()`. Made for showing where an array differs from another.
public struct HeatMap: Sendable, Equatable {
    /// Text above the grid; empty for none.
    public var title: String
    /// The grid's size, in cells (each at least 1).
    public var rows: Int
    public var columns: Int
    /// `rows * columns` values, row by row; nil for a value that is not a number (drawn black).
    /// Negative values count as 0.
    public var values: [Double?]
    /// A label per row and per column of cells (`"0"`, `"4-7"`); some are left out where they
    /// would collide. Empty for none.
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Text left of the rows and under the columns (`row`, `column`).
    public var yLabel: String
    public var xLabel: String
    /// The cell (row-major index) drawn with a thick outline, if any, and what the legend calls it.
    public var highlighted: Int?
    public var highlightLabel: String
    /// What the colours measure, under the colour bar (`|got - expected|`).
    public var scaleLabel: String
    /// A tooltip per cell (`<title>`), or empty for none.
    public var cellTitles: [String]

    /// Creates a heat map; `values` shorter than `rows * columns` is padded with zeros.
    ///
    /// - Parameters:
    ///   - title: default none.
    ///   - rows, columns: cells (at least 1 each).
    ///   - values: row by row.
    ///   - rowLabels, columnLabels: default none.
    ///   - yLabel, xLabel: default `row` and `column`.
    ///   - highlighted: default none; `highlightLabel` default `largest`.
    ///   - scaleLabel: default `value`.
    ///   - cellTitles: default none.
    public init(
        title: String = "", rows: Int, columns: Int, values: [Double?], rowLabels: [String] = [],
        columnLabels: [String] = [], yLabel: String = "row", xLabel: String = "column", highlighted: Int? = nil,
        highlightLabel: String = "largest", scaleLabel: String = "value", cellTitles: [String] = []
    ) {
        self.title = title
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        let count = self.rows * self.columns
        self.values = Array(values.prefix(count)) + Array(repeating: 0, count: max(0, count - values.count))
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.yLabel = yLabel
        self.xLabel = xLabel
        self.highlighted = highlighted.flatMap { (0..<count).contains($0) ? $0 : nil }
        self.highlightLabel = highlightLabel
        self.scaleLabel = scaleLabel
        self.cellTitles = cellTitles.count == count ? cellTitles : []
    }

    /// The largest finite value (0 when there is none): the dark end of the colour bar.
    public var largest: Double { values.compactMap { $0 }.filter(\.isFinite).max() ?? 0 }
}
