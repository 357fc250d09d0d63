/// A chart: a title and one or more panels laid out in a grid, rendered by `svg()`.
///
/// Panels fill the grid row by row; `columns: 1` stacks them vertically. Every cell has the
/// same size: `width / columns` by the height left under the title and a shared legend,
/// divided by the number of rows.
public struct Figure: Sendable, Equatable {
    /// Where series are listed with their colours.
    public enum LegendPlacement: Sendable, Equatable {
        /// Each panel lists its own series between its title and its plot area.
        case perPanel
        /// One list under the figure title, one entry per distinct label and colour.
        case shared
        /// No legend.
        case hidden
    }

    /// Text at the top of the figure; empty for none.
    public var title: String
    /// The panels, in reading order.
    public var panels: [Panel]
    /// Panels per row (at least 1).
    public var columns: Int
    /// Width in pixels (at least 200).
    public var width: Double
    /// Height in pixels (at least 150).
    public var height: Double
    /// Legend placement.
    public var legend: LegendPlacement
    /// Colours for the series.
    public var palette: Palette

    /// Creates a figure.
    ///
    /// - Parameters:
    ///   - title: figure title; default none.
    ///   - panels: the panels.
    ///   - columns: panels per row; default 1 (stacked vertically).
    ///   - width: pixels; default 800.
    ///   - height: pixels; default `nil`, meaning 400 per row of panels plus room for the
    ///     title.
    ///   - legend: default `.perPanel`.
    ///   - palette: default `.tab10` (matplotlib's default colours).
    public init(
        title: String = "", panels: [Panel], columns: Int = 1, width: Double = 800,
        height: Double? = nil, legend: LegendPlacement = .perPanel, palette: Palette = .tab10
    ) {
        self.title = title
        self.panels = panels
        self.columns = max(1, columns)
        self.width = width
        let rows = (panels.count + max(1, columns) - 1) / max(1, columns)
        self.height = height ?? (400 * Double(max(1, rows)) + (title.isEmpty ? 0 : 40))
        self.legend = legend
        self.palette = palette
    }

    /// A figure with a single panel.
    public init(_ panel: Panel, width: Double = 800, height: Double = 450, legend: LegendPlacement = .perPanel) {
        self.init(panels: [panel], width: width, height: height, legend: legend)
    }
}
