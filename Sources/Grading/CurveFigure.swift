/// Lines on one set of axes: y values at x = 0, 1, 2, ... (iterations or epochs), some of them the
/// reference engine's, drawn dashed beside the implementation's.
public struct CurveFigure: Sendable, Codable, Equatable {
    /// One line.
    public struct Series: Sendable, Codable, Equatable {
        public var name: String
        /// The y values at x = 0, 1, ...; nil where a value is NaN or infinite (a diverged step:
        /// the line breaks there). At most `CurveFigure.maximumPoints`.
        public var values: [Double?]
        /// Whether this is the reference engine's line (drawn dashed).
        public var isReference: Bool

        /// A series; non-finite values become nil, and a series longer than `maximumPoints` keeps
        /// the first `maximumPoints` values.
        public init(name: String, values: [Double], isReference: Bool = false) {
            self.name = CheckFigure.capped(name)
            self.values = values.prefix(CurveFigure.maximumPoints).map { $0.isFinite ? $0 : nil }
            self.isReference = isReference
        }
    }

    /// At most this many series per figure, and points per series.
    public static let maximumSeries = 8
    public static let maximumPoints = 1_000

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// A fixed y range (0...1 for accuracies), or nil to fit the data.
    public var yMinimum: Double?
    public var yMaximum: Double?
    /// The lines, in drawing order; at most `maximumSeries`.
    public var series: [Series]
    /// A remark under the figure (why there is no reference line); empty for none.
    public var note: String

    public init(
        title: String, xLabel: String, yLabel: String, series: [Series], yRange: ClosedRange<Double>? = nil,
        note: String = ""
    ) {
        self.title = CheckFigure.capped(title)
        self.xLabel = CheckFigure.capped(xLabel)
        self.yLabel = CheckFigure.capped(yLabel)
        self.series = Array(series.prefix(Self.maximumSeries))
        self.yMinimum = yRange?.lowerBound
        self.yMaximum = yRange?.upperBound
        self.note = CheckFigure.capped(note)
    }

    /// The fixed y range, when both ends are given and ordered.
    public var yRange: ClosedRange<Double>? {
        guard let yMinimum, let yMaximum, yMinimum.isFinite, yMaximum.isFinite, yMinimum < yMaximum else { return nil }
        return yMinimum...yMaximum
    }

    /// Whether any series is the reference's.
    public var hasReference: Bool { series.contains(where: \.isReference) }
}
