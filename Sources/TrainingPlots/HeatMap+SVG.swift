import Foundation

/// Drawing a heat map.
extension HeatMap {
    /// Cells are square, `cellSize` pixels a side: as large as fits `maximumGridSide` pixels (at
    /// most 28, at least 6).
    static let maximumGridSide = 360.0

    var cellSize: Double {
        let fitting = Self.maximumGridSide / Double(max(rows, columns))
        return min(28, max(6, fitting.rounded(.down)))
    }

    /// The heat map as an `<svg>` element for an HTML page (no XML declaration, no ids), with
    /// `width`, `height` and a matching `viewBox` in pixels.
    ///
    /// Structure, for tools and tests: `<g class="cells">` holds one `<rect class="cell">` per
    /// cell (row by row, each with its `<title>` when given; a value that is not a number is
    /// black), `<rect class="highlight">` outlines the highlighted cell, `<g class="row-labels">` and
    /// `<g class="column-labels">` hold the labels shown, and `<g class="color-bar">` the scale
    /// from 0 to the largest value.
    public func inlineSVG() -> String {
        let padding = 8.0, labelFont = 10.0, axisFont = 12.0, titleFont = 14.0
        let s = cellSize
        let gridWidth = Double(columns) * s, gridHeight = Double(rows) * s
        let rowShown = shownLabels(rowLabels, count: rows, spacing: s) { _ in labelFont + 2 }
        let columnShown = shownLabels(columnLabels, count: columns, spacing: s) {
            TextMetrics.width($0, fontSize: labelFont) + 6
        }
        let rowLabelWidth = rowShown.map { TextMetrics.width(rowLabels[$0], fontSize: labelFont) }.max() ?? 0
        let left = padding + (yLabel.isEmpty ? 0 : axisFont + 6) + rowLabelWidth + 4
        let top = padding + (title.isEmpty ? 0 : titleFont + 10)
        let columnLabelBaseline = top + gridHeight + 4 + labelFont
        let xLabelBaseline = columnLabelBaseline + (xLabel.isEmpty ? 0 : axisFont + 6)
        let legendTop = xLabelBaseline + 10
        let legend = legendItems()
        let legendWidth = legend.map(\.width).max() ?? 0
        let width = max(left + gridWidth + padding, legendWidth + 2 * padding, 200)
        let height = legendTop + Double(legend.count) * Self.legendRowHeight + padding

        var writer = SVGWriter()
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"), ("class", "heat-map"),
            ("width", svgNumber(width)), ("height", svgNumber(height)),
            ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"),
            ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
        ])
        if !title.isEmpty { writer.element("title", [], content: title) }
        writer.element("rect", [("class", "background"), ("x", "0"), ("y", "0"), ("width", svgNumber(width)), ("height", svgNumber(height)), ("fill", "#ffffff")])
        if !title.isEmpty {
            let fitted = TextMetrics.fit(title, fontSize: titleFont, maximumWidth: width - 2 * padding, bold: true)
            writer.element("text", [
                ("class", "heat-map-title"), ("x", svgNumber(padding)), ("y", svgNumber(padding + titleFont)),
                ("font-size", svgNumber(fitted.fontSize)), ("font-weight", "bold"), ("fill", "#222222"),
            ], content: fitted.text)
        }

        let largest = self.largest
        writer.open("g", [("class", "cells")] + (s >= 10 ? [("stroke", "#ffffff"), ("stroke-width", "0.5")] : []))
        for r in 0..<rows {
            for c in 0..<columns {
                let index = r * columns + c
                let fill = values[index].map { HeatMapColors.color(largest > 0 ? max(0, $0) / largest : 0) } ?? HeatMapColors.notANumber
                let attributes = [
                    ("class", "cell"), ("x", svgNumber(left + Double(c) * s)), ("y", svgNumber(top + Double(r) * s)),
                    ("width", svgNumber(s)), ("height", svgNumber(s)), ("fill", fill),
                ]
                if cellTitles.isEmpty {
                    writer.element("rect", attributes)
                } else {
                    writer.open("rect", attributes)
                    writer.element("title", [], content: cellTitles[index])
                    writer.close("rect")
                }
            }
        }
        writer.close("g")
        writer.element("rect", [
            ("class", "frame"), ("x", svgNumber(left)), ("y", svgNumber(top)), ("width", svgNumber(gridWidth)),
            ("height", svgNumber(gridHeight)), ("fill", "none"), ("stroke", "#444444"), ("stroke-width", "1"),
        ])
        if let highlighted {
            let x = left + Double(highlighted % columns) * s, y = top + Double(highlighted / columns) * s
            Self.highlightBox(into: &writer, x: x, y: y, size: s)
        }

        writer.open("g", [("class", "row-labels"), ("font-size", svgNumber(labelFont)), ("text-anchor", "end"), ("fill", "#333333")])
        for r in rowShown {
            writer.element("text", [("x", svgNumber(left - 4)), ("y", svgNumber(top + (Double(r) + 0.5) * s + labelFont * 0.35))], content: rowLabels[r])
        }
        writer.close("g")
        writer.open("g", [("class", "column-labels"), ("font-size", svgNumber(labelFont)), ("text-anchor", "middle"), ("fill", "#333333")])
        for c in columnShown {
            writer.element("text", [("x", svgNumber(left + (Double(c) + 0.5) * s)), ("y", svgNumber(columnLabelBaseline))], content: columnLabels[c])
        }
        writer.close("g")
        if !xLabel.isEmpty {
            writer.element("text", [
                ("class", "x-label"), ("x", svgNumber(left + gridWidth / 2)), ("y", svgNumber(xLabelBaseline)),
                ("text-anchor", "middle"), ("font-size", svgNumber(axisFont)), ("fill", "#222222"),
            ], content: xLabel)
        }
        if !yLabel.isEmpty {
            let x = padding + axisFont, y = top + gridHeight / 2
            writer.element("text", [
                ("class", "y-label"), ("x", svgNumber(x)), ("y", svgNumber(y)), ("transform", "rotate(-90 \(svgNumber(x)) \(svgNumber(y)))"),
                ("text-anchor", "middle"), ("font-size", svgNumber(axisFont)), ("fill", "#222222"),
            ], content: yLabel)
        }
        for (i, item) in legend.enumerated() {
            item.draw(&writer, padding, legendTop + Double(i) * Self.legendRowHeight)
        }
        writer.close("svg")
        return writer.text
    }

    /// The indices of `labels` to show: every k-th (first and last kept) so that neighbours
    /// `spacing` pixels apart never overlap, `needed` being the room one label takes.
    private func shownLabels(_ labels: [String], count: Int, spacing: Double, needed: (String) -> Double) -> [Int] {
        guard labels.count == count, count > 0 else { return [] }
        let room = labels.map(needed).max() ?? 0
        let step = max(1, Int((room / spacing).rounded(.up)))
        var shown = Array(stride(from: 0, to: count, by: step))
        if let last = shown.last, last != count - 1 {
            if Double(count - 1 - last) * spacing < room { shown.removeLast() }
            shown.append(count - 1)
        }
        return shown
    }

    /// An outline that shows on white and on dark red alike: black outside, white inside.
    private static func highlightBox(into writer: inout SVGWriter, x: Double, y: Double, size: Double) {
        writer.element("rect", [
            ("class", "highlight"), ("x", svgNumber(x - 1)), ("y", svgNumber(y - 1)), ("width", svgNumber(size + 2)),
            ("height", svgNumber(size + 2)), ("fill", "none"), ("stroke", "#000000"), ("stroke-width", "2.5"),
        ])
        writer.element("rect", [
            ("x", svgNumber(x + 1)), ("y", svgNumber(y + 1)), ("width", svgNumber(max(1, size - 2))),
            ("height", svgNumber(max(1, size - 2))), ("fill", "none"), ("stroke", "#ffffff"), ("stroke-width", "1"),
        ])
    }

    /// The legend's entries are stacked, one per row.
    static let legendRowHeight = 18.0

    private struct LegendItem {
        var width: Double
        var draw: (inout SVGWriter, Double, Double) -> Void
    }

    /// The legend, one entry per row: the colour bar (0 to the largest value, then what it
    /// measures), the highlighted cell's swatch and, when a value is not a number, the black swatch.
    private func legendItems() -> [LegendItem] {
        let font = 11.0, steps = 10, step = 12.0
        let high = Self.shortNumber(largest)
        let barText = scaleLabel.isEmpty ? "" : " " + scaleLabel
        let barWidth = TextMetrics.width("0", fontSize: font) + 4 + Double(steps) * step + 4
            + TextMetrics.width(high + barText, fontSize: font)
        var items = [LegendItem(width: barWidth) { writer, x, y in
            writer.open("g", [("class", "color-bar"), ("font-size", svgNumber(font)), ("fill", "#222222")])
            writer.element("text", [("x", svgNumber(x)), ("y", svgNumber(y + 10))], content: "0")
            let start = x + TextMetrics.width("0", fontSize: font) + 4
            for i in 0..<steps {
                writer.element("rect", [
                    ("x", svgNumber(start + Double(i) * step)), ("y", svgNumber(y)), ("width", svgNumber(step)), ("height", "12"),
                    ("fill", HeatMapColors.color(Double(i) / Double(steps - 1))),
                ])
            }
            writer.element("rect", [
                ("x", svgNumber(start)), ("y", svgNumber(y)), ("width", svgNumber(Double(steps) * step)), ("height", "12"),
                ("fill", "none"), ("stroke", "#444444"), ("stroke-width", "0.8"),
            ])
            writer.element("text", [("x", svgNumber(start + Double(steps) * step + 4)), ("y", svgNumber(y + 10))], content: high + barText)
            writer.close("g")
        }]
        if highlighted != nil {
            let text = highlightLabel
            items.append(LegendItem(width: 16 + TextMetrics.width(text, fontSize: font)) { writer, x, y in
                writer.open("g", [("class", "highlight-key"), ("font-size", svgNumber(font)), ("fill", "#222222")])
                Self.highlightBox(into: &writer, x: x + 1, y: y + 1, size: 10)
                writer.element("text", [("x", svgNumber(x + 16)), ("y", svgNumber(y + 10))], content: text)
                writer.close("g")
            })
        }
        if values.contains(where: { $0 == nil }) {
            let text = "not a number"
            items.append(LegendItem(width: 16 + TextMetrics.width(text, fontSize: font)) { writer, x, y in
                writer.open("g", [("class", "nan-key"), ("font-size", svgNumber(font)), ("fill", "#222222")])
                writer.element("rect", [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", "12"), ("height", "12"), ("fill", HeatMapColors.notANumber)])
                writer.element("text", [("x", svgNumber(x + 16)), ("y", svgNumber(y + 10))], content: text)
                writer.close("g")
            })
        }
        return items
    }

    /// `2.44e-1`: three significant digits.
    static func shortNumber(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        let exponent = Int(floor(log10(abs(value)) + 1e-9))
        return TickLabelFormat.scientific(value, leastExponent: exponent - 2)
    }
}
