/// A rectangle in SVG user units (y grows downwards).
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

/// Where everything in one panel goes: title, legend, plot area, and the fitted axes.
///
/// Margins are sized from the text they hold (estimated with `TextMetrics`): the left margin
/// fits the widest y tick label and the rotated y label, the right margin half the last x
/// tick label. The x tick count is lowered until the labels no longer collide.
struct PanelLayout {
    static let padding = 8.0
    static let titleFontSize = 14.0
    static let labelFontSize = 12.0
    static let tickFontSize = 11.0
    static let tickLength = 4.0

    /// Baseline of the panel title, when there is one.
    var titleBaseline: Double?
    /// Top of the panel's own legend.
    var legendTop: Double
    /// The plot area (inside the axes).
    var plot: Rect
    var xAxis: Axis
    var yAxis: Axis
    /// Whether any series has a point that can be drawn.
    var hasData: Bool

    /// Lays out `panel` inside `cell`, leaving `legendHeight` under the title for a legend and
    /// at least `minimumLeftInset` left of the plot area.
    init(_ panel: Panel, cell: Rect, legendHeight: Double, minimumLeftInset: Double = 0) {
        let padding = PanelLayout.padding
        var top = cell.y + padding
        if panel.title.isEmpty {
            titleBaseline = nil
        } else {
            titleBaseline = top + PanelLayout.titleFontSize
            top += PanelLayout.titleFontSize + 10
        }
        legendTop = top
        if legendHeight > 0 { top += legendHeight + 4 }
        top += PanelLayout.tickFontSize / 2 + 2  // room for the top y tick label
        let bottomMargin = padding + PanelLayout.tickLength + PanelLayout.tickFontSize + 8
            + (panel.xLabel.isEmpty ? 0 : PanelLayout.labelFontSize + 8)
        let plotHeight = max(20, cell.maxY - bottomMargin - top)

        let ranges = PanelLayout.dataRanges(panel)
        hasData = ranges != nil
        yAxis = Axis.fitted(
            data: ranges?.y, fixed: panel.yRange, scale: panel.yScale,
            targetCount: min(10, max(2, Int(plotHeight / 45))))
        let yLabelWidth = yAxis.labels.map { TextMetrics.width($0, fontSize: PanelLayout.tickFontSize) }.max() ?? 0
        let left = cell.x + max(
            minimumLeftInset,
            padding + (panel.yLabel.isEmpty ? 0 : PanelLayout.labelFontSize + 8) + yLabelWidth
                + PanelLayout.tickLength + 4)

        var plotWidth = max(20, cell.maxX - padding - 16 - left)
        var xAxis = PanelLayout.xAxis(panel, data: ranges?.x, targetCount: min(12, max(2, Int(plotWidth / 80))))
        var target = xAxis.ticks.count
        while target > 2 && !PanelLayout.labelsFit(xAxis, width: plotWidth) {
            target -= 1
            xAxis = PanelLayout.xAxis(panel, data: ranges?.x, targetCount: target)
        }
        let lastLabelWidth = TextMetrics.width(xAxis.labels.last ?? "", fontSize: PanelLayout.tickFontSize)
        plotWidth = max(20, cell.maxX - padding - max(8, lastLabelWidth / 2) - left)
        self.xAxis = xAxis
        plot = Rect(x: left, y: top, width: plotWidth, height: plotHeight)
    }

    /// The pixel position of a data point, or `nil` when either coordinate cannot be drawn.
    func pixel(_ point: DataPoint) -> (x: Double, y: Double)? {
        guard let fx = xAxis.fraction(point.x), let fy = yAxis.fraction(point.y) else { return nil }
        return (plot.x + fx * plot.width, plot.maxY - fy * plot.height)
    }

    private static func xAxis(_ panel: Panel, data: ClosedRange<Double>?, targetCount: Int) -> Axis {
        Axis.fitted(
            data: data, fixed: panel.xRange, scale: .linear, targetCount: targetCount,
            minimumStep: panel.integerXTicks ? 1 : 0)
    }

    /// Whether the x tick labels, centred on their ticks, leave a gap of at least 12 px.
    private static func labelsFit(_ axis: Axis, width: Double) -> Bool {
        let fractions = axis.ticks.compactMap(axis.fraction)
        guard fractions.count > 1 else { return true }
        for index in 1..<fractions.count {
            let gap = (fractions[index] - fractions[index - 1]) * width
            let needed = (TextMetrics.width(axis.labels[index - 1], fontSize: tickFontSize)
                + TextMetrics.width(axis.labels[index], fontSize: tickFontSize)) / 2 + 12
            if gap < needed { return false }
        }
        return true
    }

    /// The x and y extent of the drawable points of all series, or `nil` when there are none.
    private static func dataRanges(_ panel: Panel) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var (xLow, xHigh) = (Double.infinity, -Double.infinity)
        var (yLow, yHigh) = (Double.infinity, -Double.infinity)
        for series in panel.series {
            for index in 0..<series.count {
                let (x, y) = (series.xValue(at: index), series.y[index])
                guard x.isFinite, y.isFinite, panel.yScale == .linear || y > 0 else { continue }
                (xLow, xHigh) = (min(xLow, x), max(xHigh, x))
                (yLow, yHigh) = (min(yLow, y), max(yHigh, y))
            }
        }
        guard xLow <= xHigh else { return nil }
        return (xLow...xHigh, yLow...yHigh)
    }
}
