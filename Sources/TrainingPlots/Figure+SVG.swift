import Foundation

/// Rendering a figure as a standalone SVG 1.1 document.
extension Figure {
    /// The figure as an SVG 1.1 document: XML declaration, `xmlns`, `width`/`height` in pixels,
    /// a matching `viewBox`, a white background and a sans-serif font.
    ///
    /// Structure, for tools and tests: each panel is a `<g class="panel">` with a
    /// `<rect class="plot-area">`, one `<path class="series-line">` per series that has a
    /// drawable point, `<g class="markers">` of `<circle>`s for series with markers (and for points that sit alone
    /// between gaps), and a
    /// `<text class="no-data">` when nothing is drawable; legends are `<g class="legend">`
    /// holding one `<g class="legend-entry">` per entry. Series longer than 2000 points are
    /// thinned to the lowest and highest point of each of 1000 buckets.
    public func svg() -> String {
        document(declaration: true, idPrefix: "")
    }

    /// The figure as an `<svg>` element to place inside an HTML page: as `svg()` without the XML
    /// declaration, and every id (the plot areas' clip paths) starts with `idPrefix`, so that
    /// several figures in one page never refer to each other's clip paths (ids are page-wide).
    public func inlineSVG(idPrefix: String) -> String {
        document(declaration: false, idPrefix: idPrefix)
    }

    private func document(declaration: Bool, idPrefix: String) -> String {
        let width = width.isFinite ? max(200, width) : 800
        let height = height.isFinite ? max(150, height) : 450
        var writer = SVGWriter()
        if declaration { writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
            ("width", svgNumber(width)), ("height", svgNumber(height)),
            ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"),
            ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
        ])
        let documentTitle = title.isEmpty ? panels.map(\.title).filter { !$0.isEmpty }.joined(separator: "; ") : title
        if !documentTitle.isEmpty { writer.element("title", [], content: documentTitle) }
        writer.element("rect", [
            ("class", "background"), ("x", "0"), ("y", "0"), ("width", svgNumber(width)),
            ("height", svgNumber(height)), ("fill", "#ffffff"),
        ])

        var top = 0.0
        if !title.isEmpty {
            let fitted = TextMetrics.fit(title, fontSize: 18, maximumWidth: width - 20, bold: true)
            writer.element("text", [
                ("class", "figure-title"), ("x", svgNumber(width / 2)), ("y", "30"), ("text-anchor", "middle"),
                ("font-size", svgNumber(fitted.fontSize)), ("font-weight", "bold"), ("fill", "#111111"),
            ], content: fitted.text)
            top = 42
        }
        if legend == .shared {
            let shared = Legend(sharedLegendEntries(), maximumWidth: width - 40)
            if shared.height > 0 {
                shared.render(into: &writer, centerX: width / 2, top: top + 6)
                top += shared.height + 10
            }
        }

        let rows = max(1, (panels.count + columns - 1) / columns)
        let cellWidth = width / Double(columns)
        let cellHeight = max(60, (height - top) / Double(rows))
        func cell(_ index: Int) -> Rect {
            Rect(
                x: Double(index % columns) * cellWidth, y: top + Double(index / columns) * cellHeight,
                width: cellWidth, height: cellHeight)
        }
        // Panels in one column share their left edge, as matplotlib's subplots do.
        var columnInsets = Array(repeating: 0.0, count: columns)
        for (index, panel) in panels.enumerated() {
            let layout = panel.layout(in: cell(index), palette: palette, showsLegend: legend == .perPanel).layout
            columnInsets[index % columns] = max(columnInsets[index % columns], layout.plot.x - cell(index).x)
        }
        for (index, panel) in panels.enumerated() {
            panel.render(
                into: &writer, cell: cell(index), id: idPrefix + "plot-clip-\(index)", palette: palette, showsLegend: legend == .perPanel,
                minimumLeftInset: columnInsets[index % columns])
        }
        writer.close("svg")
        return writer.text
    }

    /// `svg()` as UTF-8 bytes, ready to write to a `.svg` file.
    public func svgData() -> Data {
        Data(svg().utf8)
    }

    /// One entry per distinct (label, colour) across all panels, in order of first appearance.
    private func sharedLegendEntries() -> [LegendEntry] {
        var seen = Set<String>()
        var entries: [LegendEntry] = []
        for panel in panels {
            for entry in panel.legendEntries(palette: palette) where seen.insert(entry.label + "\u{0}" + entry.color).inserted {
                entries.append(entry)
            }
        }
        return entries
    }
}
