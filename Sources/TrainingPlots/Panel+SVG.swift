/// Drawing one panel: frame, grid, ticks, series, labels.
extension Panel {
    /// The legend entries of this panel's series, in order (series without a label are left
    /// out).
    func legendEntries(palette: Palette) -> [LegendEntry] {
        series.enumerated().compactMap { index, series in
            series.label.isEmpty
                ? nil
                : LegendEntry(
                    label: series.label, color: palette.color(at: series.colorIndex ?? index),
                    showsMarker: series.showsMarkers, dashed: series.dashed)
        }
    }

    /// The panel's legend (empty unless `showsLegend`) and layout inside `cell`.
    ///
    /// - Parameters:
    ///   - cell: the panel's share of the figure.
    ///   - palette: series colours.
    ///   - showsLegend: whether the panel draws its own legend.
    ///   - minimumLeftInset: the least distance from the cell's left edge to the plot area,
    ///     so that panels stacked in a column line up; default 0.
    func layout(
        in cell: Rect, palette: Palette, showsLegend: Bool, minimumLeftInset: Double = 0
    ) -> (legend: Legend, layout: PanelLayout) {
        let legend = Legend(
            showsLegend ? legendEntries(palette: palette) : [], maximumWidth: cell.width - 2 * PanelLayout.padding)
        let layout = PanelLayout(
            self, cell: cell, legendHeight: legend.height, minimumLeftInset: minimumLeftInset)
        return (legend, layout)
    }

    /// Writes the panel into `cell`.
    ///
    /// - Parameters:
    ///   - writer: the document being written.
    ///   - cell: the panel's share of the figure.
    ///   - id: the plot area's clip path id, unique in the document.
    ///   - palette: series colours.
    ///   - showsLegend: whether to draw this panel's own legend.
    ///   - minimumLeftInset: see `layout(in:palette:showsLegend:minimumLeftInset:)`.
    func render(
        into writer: inout SVGWriter, cell: Rect, id clipID: String, palette: Palette, showsLegend: Bool,
        minimumLeftInset: Double
    ) {
        let (legend, layout) = layout(
            in: cell, palette: palette, showsLegend: showsLegend, minimumLeftInset: minimumLeftInset)
        let plot = layout.plot
        writer.open("g", [("class", "panel")])
        if let baseline = layout.titleBaseline {
            // Centred over the plot area, but kept inside the cell.
            let room = cell.width - 2 * PanelLayout.padding
            let fitted = TextMetrics.fit(title, fontSize: PanelLayout.titleFontSize, maximumWidth: room, bold: true)
            let half = TextMetrics.width(fitted.text, fontSize: fitted.fontSize, bold: true) / 2
            let x = min(max(plot.midX, cell.x + PanelLayout.padding + half), cell.maxX - PanelLayout.padding - half)
            writer.element("text", [
                ("class", "panel-title"), ("x", svgNumber(x)), ("y", svgNumber(baseline)),
                ("text-anchor", "middle"), ("font-size", svgNumber(fitted.fontSize)),
                ("font-weight", "bold"), ("fill", "#222222"),
            ], content: fitted.text)
        }
        legend.render(into: &writer, centerX: plot.midX, top: layout.legendTop)

        // Markers may sit on the frame (accuracy 1.0, epoch 0): clip a marker's width outside.
        writer.open("defs")
        writer.open("clipPath", [("id", clipID)])
        writer.element("rect", rectAttributes(Rect(
            x: plot.x - 4, y: plot.y - 4, width: plot.width + 8, height: plot.height + 8)))
        writer.close("clipPath")
        writer.close("defs")
        writer.element("rect", [("class", "plot-area")] + rectAttributes(plot) + [("fill", "#ffffff")])

        renderGridAndTicks(into: &writer, layout)
        renderSeries(into: &writer, layout, clipID: clipID, palette: palette)
        if !layout.hasData {
            writer.element("text", [
                ("class", "no-data"), ("x", svgNumber(plot.midX)), ("y", svgNumber(plot.midY)),
                ("text-anchor", "middle"), ("font-size", "14"), ("fill", "#888888"),
            ], content: "no data")
        }
        renderAxisLabels(into: &writer, layout, cell: cell)
        writer.close("g")
    }

    private func renderGridAndTicks(into writer: inout SVGWriter, _ layout: PanelLayout) {
        let plot = layout.plot
        let xs = layout.xAxis.ticks.map { layout.xAxis.fraction($0).map { plot.x + $0 * plot.width } }
        let ys = layout.yAxis.ticks.map { layout.yAxis.fraction($0).map { plot.maxY - $0 * plot.height } }
        let tick = PanelLayout.tickLength

        writer.open("g", [
            ("class", "grid"), ("stroke", "#d0d0d0"), ("stroke-width", "0.8"), ("stroke-dasharray", "4 3"),
        ])
        // An empty panel shows its "no data" note on a clean background.
        for x in xs.compactMap({ $0 }) where layout.hasData {
            writer.element("line", lineAttributes(x, plot.y, x, plot.maxY))
        }
        for y in ys.compactMap({ $0 }) where layout.hasData {
            writer.element("line", lineAttributes(plot.x, y, plot.maxX, y))
        }
        writer.close("g")
        writer.element("rect", [("class", "frame")] + rectAttributes(plot) + [
            ("fill", "none"), ("stroke", "#444444"), ("stroke-width", "1"),
        ])

        writer.open("g", [("class", "ticks"), ("stroke", "#444444"), ("stroke-width", "1")])
        for x in xs.compactMap({ $0 }) {
            writer.element("line", lineAttributes(x, plot.maxY, x, plot.maxY + tick))
        }
        for y in ys.compactMap({ $0 }) {
            writer.element("line", lineAttributes(plot.x - tick, y, plot.x, y))
        }
        writer.close("g")

        let fontSize = PanelLayout.tickFontSize
        writer.open("g", [
            ("class", "x-tick-labels"), ("font-size", svgNumber(fontSize)), ("text-anchor", "middle"),
            ("fill", "#333333"),
        ])
        for (x, label) in zip(xs, layout.xAxis.labels) {
            guard let x else { continue }
            writer.element("text", [
                ("x", svgNumber(x)), ("y", svgNumber(plot.maxY + tick + 3 + fontSize * 0.8)),
            ], content: label)
        }
        writer.close("g")
        writer.open("g", [
            ("class", "y-tick-labels"), ("font-size", svgNumber(fontSize)), ("text-anchor", "end"),
            ("fill", "#333333"),
        ])
        for (y, label) in zip(ys, layout.yAxis.labels) {
            guard let y else { continue }
            writer.element("text", [
                ("x", svgNumber(plot.x - tick - 3)), ("y", svgNumber(y + fontSize * 0.35)),
            ], content: label)
        }
        writer.close("g")
    }

    private func renderSeries(into writer: inout SVGWriter, _ layout: PanelLayout, clipID: String, palette: Palette) {
        writer.open("g", [("class", "series"), ("clip-path", "url(#\(clipID))")])
        for (index, series) in series.enumerated() {
            let runs = Decimation.drawableRuns(series) { point in
                layout.xAxis.isDrawable(point.x) && layout.yAxis.isDrawable(point.y)
            }
            guard !runs.isEmpty else { continue }
            let color = palette.color(at: series.colorIndex ?? index)
            let thinned = Decimation.minMaxBuckets(runs)
            let pixels = thinned.map { $0.compactMap(layout.pixel) }
            let pointCount = thinned.reduce(0) { $0 + $1.count }
            var path = ""
            for run in pixels where !run.isEmpty {
                path += "M\(svgNumber(run[0].x)) \(svgNumber(run[0].y))"
                if run.count == 1 { path += "h0" }
                for point in run.dropFirst() {
                    path += "L\(svgNumber(point.x)) \(svgNumber(point.y))"
                }
            }
            writer.element("path", [
                ("class", "series-line"), ("d", path), ("fill", "none"), ("stroke", color),
                ("stroke-width", pointCount > 300 ? "1.2" : "1.8"), ("stroke-linejoin", "round"),
                ("stroke-linecap", "round"),
            ] + (series.dashed ? [("stroke-dasharray", Self.dashPattern)] : []))
            // A point between two gaps is a zero-length line: give it a dot so it shows.
            let dots = series.showsMarkers ? Array(pixels.joined()) : pixels.filter { $0.count == 1 }.flatMap { $0 }
            if !dots.isEmpty {
                writer.open("g", [("class", "markers"), ("fill", color)])
                for point in dots {
                    writer.element("circle", [("cx", svgNumber(point.x)), ("cy", svgNumber(point.y)), ("r", "3")])
                }
                writer.close("g")
            }
        }
        writer.close("g")
    }

    /// Dashes of a dashed series (and its legend swatch): 6 pixels drawn, 4 left out.
    static let dashPattern = "6 4"

    private func renderAxisLabels(into writer: inout SVGWriter, _ layout: PanelLayout, cell: Rect) {
        let plot = layout.plot
        let fontSize = PanelLayout.labelFontSize
        if !xLabel.isEmpty {
            let baseline = plot.maxY + PanelLayout.tickLength + PanelLayout.tickFontSize + 8 + fontSize + 4
            let fitted = TextMetrics.fit(xLabel, fontSize: fontSize, maximumWidth: plot.width)
            writer.element("text", [
                ("class", "x-label"), ("x", svgNumber(plot.midX)), ("y", svgNumber(baseline)),
                ("text-anchor", "middle"), ("font-size", svgNumber(fitted.fontSize)), ("fill", "#222222"),
            ], content: fitted.text)
        }
        if !yLabel.isEmpty {
            let x = cell.x + PanelLayout.padding + fontSize
            let fitted = TextMetrics.fit(yLabel, fontSize: fontSize, maximumWidth: plot.height)
            writer.element("text", [
                ("class", "y-label"), ("x", svgNumber(x)), ("y", svgNumber(plot.midY)),
                ("transform", "rotate(-90 \(svgNumber(x)) \(svgNumber(plot.midY)))"),
                ("text-anchor", "middle"), ("font-size", svgNumber(fitted.fontSize)), ("fill", "#222222"),
            ], content: fitted.text)
        }
    }

    private func rectAttributes(_ rect: Rect) -> [(String, String)] {
        [("x", svgNumber(rect.x)), ("y", svgNumber(rect.y)), ("width", svgNumber(rect.width)),
         ("height", svgNumber(rect.height))]
    }

    private func lineAttributes(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [(String, String)] {
        [("x1", svgNumber(x1)), ("y1", svgNumber(y1)), ("x2", svgNumber(x2)), ("y2", svgNumber(y2))]
    }
}
