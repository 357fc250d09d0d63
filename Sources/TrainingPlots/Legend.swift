/// One line of a legend: a colour swatch and a label.
struct LegendEntry: Equatable {
    var label: String
    var color: String
    var showsMarker: Bool
    var dashed = false
}

/// Legend entries flowed left to right into centred rows that fit a given width.
///
/// Legends sit outside the plot area (under a title), so they never cover data.
struct Legend {
    static let fontSize = 12.0
    static let rowHeight = 18.0
    private static let swatchWidth = 22.0
    private static let swatchGap = 6.0
    private static let entryGap = 18.0

    /// The entries, row by row.
    private(set) var rows: [[LegendEntry]] = []

    /// Flows `entries` into rows no wider than `maximumWidth` (an entry wider than that gets
    /// a row of its own).
    init(_ entries: [LegendEntry], maximumWidth: Double) {
        var row: [LegendEntry] = []
        var width = 0.0
        for var entry in entries {
            let room = maximumWidth - Legend.swatchWidth - Legend.swatchGap
            entry.label = TextMetrics.fit(
                entry.label, fontSize: Legend.fontSize, maximumWidth: room, minimumFontSize: Legend.fontSize
            ).text
            let entryWidth = Legend.width(of: entry)
            if !row.isEmpty && width + Legend.entryGap + entryWidth > maximumWidth {
                rows.append(row)
                row = []
                width = 0
            }
            width += (row.isEmpty ? 0 : Legend.entryGap) + entryWidth
            row.append(entry)
        }
        if !row.isEmpty { rows.append(row) }
    }

    /// The vertical space the legend takes (0 when empty).
    var height: Double { Double(rows.count) * Legend.rowHeight }

    /// Draws the rows centred on `centerX`, the first row's top at `top`.
    func render(into writer: inout SVGWriter, centerX: Double, top: Double) {
        guard !rows.isEmpty else { return }
        writer.open("g", [("class", "legend"), ("font-size", svgNumber(Legend.fontSize))])
        for (rowIndex, row) in rows.enumerated() {
            let rowWidth = row.map(Legend.width).reduce(0, +) + Legend.entryGap * Double(row.count - 1)
            var x = centerX - rowWidth / 2
            let middle = top + (Double(rowIndex) + 0.5) * Legend.rowHeight
            for entry in row {
                writer.open("g", [("class", "legend-entry")])
                writer.element("line", [
                    ("x1", svgNumber(x)), ("y1", svgNumber(middle)),
                    ("x2", svgNumber(x + Legend.swatchWidth)), ("y2", svgNumber(middle)),
                    ("stroke", entry.color), ("stroke-width", "2"),
                ] + (entry.dashed ? [("stroke-dasharray", Panel.dashPattern)] : []))
                if entry.showsMarker {
                    writer.element("circle", [
                        ("cx", svgNumber(x + Legend.swatchWidth / 2)), ("cy", svgNumber(middle)),
                        ("r", "3"), ("fill", entry.color),
                    ])
                }
                writer.element("text", [
                    ("x", svgNumber(x + Legend.swatchWidth + Legend.swatchGap)),
                    ("y", svgNumber(middle + Legend.fontSize * 0.35)), ("fill", "#222222"),
                ], content: entry.label)
                writer.close("g")
                x += Legend.width(of: entry) + Legend.entryGap
            }
        }
        writer.close("g")
    }

    private static func width(of entry: LegendEntry) -> Double {
        swatchWidth + swatchGap + TextMetrics.width(entry.label, fontSize: fontSize)
    }
}
