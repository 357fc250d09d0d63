/// How data values map onto an axis.
public enum AxisScale: Sendable, Equatable {
    /// Evenly spaced values.
    case linear
    /// Evenly spaced powers of ten; values that are not positive are not drawn.
    case logarithmic
}

/// One set of axes: a title, axis labels and the series drawn on them.
///
/// The y range is fitted to the data and widened to nice tick values (1, 2 or 5 × 10^k)
/// unless `yRange` fixes it; likewise the x range and `xRange`. Values outside a fixed range
/// are clipped at the plot area.
public struct Panel: Sendable, Equatable {
    /// Text above the plot area.
    public var title: String
    /// Text below the x axis.
    public var xLabel: String
    /// Text left of the y axis, rotated.
    public var yLabel: String
    /// The lines, drawn in order (later ones on top).
    public var series: [LineSeries]
    /// A fixed y range (for example `0...1` for accuracy), or `nil` to fit the data.
    public var yRange: ClosedRange<Double>?
    /// A fixed x range, or `nil` to fit the data.
    public var xRange: ClosedRange<Double>?
    /// Linear or logarithmic y axis.
    public var yScale: AxisScale
    /// Keeps x ticks on whole numbers (epochs, iterations): the tick step is at least 1.
    public var integerXTicks: Bool

    /// Creates a panel.
    ///
    /// - Parameters:
    ///   - title: text above the plot; default none.
    ///   - xLabel: x-axis label; default none.
    ///   - yLabel: y-axis label; default none.
    ///   - series: the lines; default none (an empty panel says "no data").
    ///   - yRange: fixed y range; default `nil` (fit the data).
    ///   - xRange: fixed x range; default `nil` (fit the data).
    ///   - yScale: default `.linear`.
    ///   - integerXTicks: whole-number x ticks only; default `false`.
    public init(
        title: String = "", xLabel: String = "", yLabel: String = "", series: [LineSeries] = [],
        yRange: ClosedRange<Double>? = nil, xRange: ClosedRange<Double>? = nil,
        yScale: AxisScale = .linear, integerXTicks: Bool = false
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.xRange = xRange
        self.yScale = yScale
        self.integerXTicks = integerXTicks
    }
}
