/// One line on a chart: a label for the legend, y values, and where they sit on the x axis.
///
/// Points are `(x[i], y[i])` for `i` in `0..<count`. Without explicit x values the i-th point
/// sits at `firstX + i`, so `firstX: 0` reproduces matplotlib's `plt.plot(history)` (x = 0...n-1)
/// and `firstX: 1` counts from one. Non-finite values (NaN, ±inf) are not drawn: the line
/// breaks there and resumes at the next finite point.
public struct LineSeries: Sendable, Equatable {
    /// Text shown in the legend.
    public var label: String
    /// The y values, one per point.
    public var y: [Double]
    /// Explicit x values, or `nil` for `firstX, firstX + 1, ...`. When both arrays are given,
    /// the shorter one sets the number of points.
    public var x: [Double]?
    /// The x value of the first point when `x` is `nil`.
    public var firstX: Double
    /// Whether to draw a dot at each point (for short series such as per-epoch accuracy).
    public var showsMarkers: Bool
    /// Index into the figure's palette; `nil` uses the series' position in its panel, so the
    /// same position gets the same colour in every panel.
    public var colorIndex: Int?
    /// Whether the line is dashed (a reference drawn beside the line it is compared with).
    public var dashed: Bool

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - label: legend text.
    ///   - y: the y values.
    ///   - x: explicit x values; default `nil` (evenly spaced from `firstX`).
    ///   - firstX: x of the first point when `x` is `nil`; default 0.
    ///   - showsMarkers: draw a dot at each point; default `false`.
    ///   - colorIndex: palette index; default `nil` (position in the panel).
    ///   - dashed: draw the line dashed; default `false`.
    public init(
        label: String, y: [Double], x: [Double]? = nil, firstX: Double = 0,
        showsMarkers: Bool = false, colorIndex: Int? = nil, dashed: Bool = false
    ) {
        self.label = label
        self.y = y
        self.x = x
        self.firstX = firstX
        self.showsMarkers = showsMarkers
        self.colorIndex = colorIndex
        self.dashed = dashed
    }

    /// The number of points: `y.count`, or the shorter of `x` and `y` when `x` is given.
    public var count: Int {
        guard let x else { return y.count }
        return min(x.count, y.count)
    }

    /// The x value of point `index`.
    public func xValue(at index: Int) -> Double {
        if let x { return x[index] }
        return firstX + Double(index)
    }
}
