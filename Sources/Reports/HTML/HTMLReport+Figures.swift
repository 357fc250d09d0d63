import Foundation
import Grading
import TrainingPlots

extension HTMLReport {
    /// A figure as `<figure>`: inline SVG and a caption. `idPrefix` starts every id in the SVG.
    func figure(_ figure: CheckFigure, idPrefix: String) -> String {
        switch figure {
        case let .curves(curves):
            let caption = curves.note.isEmpty ? "" : "<figcaption>\(HTMLEscaping.text(curves.note))</figcaption>"
            return "<figure class=\"curves\">\n" + Self.chart(curves).inlineSVG(idPrefix: idPrefix) + caption + "</figure>\n"
        case let .differenceMap(map):
            return "<figure class=\"map\">\n" + Self.heatMap(map).inlineSVG()
                + "<figcaption>\(HTMLEscaping.text(Self.caption(map)))</figcaption></figure>\n"
        }
    }

    /// The curves as a line chart: the implementation's series solid, in palette order; the k-th
    /// reference series dashed, in the colour of the k-th other series (so `train (reference)`
    /// matches `train (yours)`); dots on series of at most 30 points.
    static func chart(_ curves: CurveFigure) -> TrainingPlots.Figure {
        var own = 0, reference = 0
        let series = curves.series.map { s -> LineSeries in
            let color: Int
            if s.isReference { color = reference; reference += 1 } else { color = own; own += 1 }
            return LineSeries(
                label: s.name, y: s.values.map { $0 ?? .nan }, showsMarkers: s.values.count <= 30, colorIndex: color,
                dashed: s.isReference)
        }
        let panel = Panel(
            title: curves.title, xLabel: curves.xLabel, yLabel: curves.yLabel, series: series, yRange: curves.yRange,
            integerXTicks: true)
        return Figure(panel, width: 440, height: 300)
    }

    /// The map as a heat map: one cell per cell of the map, labelled with the rows and columns of
    /// the output it covers, the worst entry outlined.
    static func heatMap(_ map: DifferenceMap) -> HeatMap {
        func label(_ range: Range<Int>) -> String {
            range.count <= 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound - 1)"
        }
        let rowLabels = (0..<map.cellRows).map { label(map.rowRange(ofCell: $0)) }
        let columnLabels = (0..<map.cellColumns).map { label(map.columnRange(ofCell: $0)) }
        let titles = (0..<(map.cellRows * map.cellColumns)).map { cell in
            let r = map.rowRange(ofCell: cell / map.cellColumns), c = map.columnRange(ofCell: cell % map.cellColumns)
            let value = map.values[cell].map { number($0) } ?? "NaN or infinity"
            return (map.rows > 1 ? "row \(label(r)), " : "") + (map.shape.count == 1 ? "index " : "column ") + "\(label(c)): \(value)"
        }
        return HeatMap(
            title: "|got - expected|", rows: map.cellRows, columns: map.cellColumns, values: map.values,
            rowLabels: map.rows > 1 ? rowLabels : [], columnLabels: columnLabels,
            yLabel: map.rows > 1 ? "row" : "", xLabel: map.shape.count == 1 ? "index" : map.shape.count == 2 ? "column" : "axes 1.. flattened",
            highlighted: map.worstCell, highlightLabel: "index \(shape(map.worstIndex)), as in the message",
            scaleLabel: "(largest |got - expected|)", cellTitles: titles)
    }

    /// `dx, shape (4, 5): ... tolerance ...`.
    static func caption(_ map: DifferenceMap) -> String {
        var text = "\(map.output), shape \(shape(map.shape))"
        // The largest block a cell covers: ceil(rows / cellRows) x ceil(columns / cellColumns).
        let blockRows = (map.rows + map.cellRows - 1) / map.cellRows, blockColumns = (map.columns + map.cellColumns - 1) / map.cellColumns
        if blockRows > 1 || blockColumns > 1 {
            text += ": each cell is the largest difference in a block of up to \(blockRows) x \(blockColumns) entries"
        }
        if map.shape.count > 2 { text += "; rows are axis 0, columns the other axes flattened" }
        return text + ". White: no difference. Judged by \(map.tolerance)."
    }

    /// `(4, 5)`, `(5,)`, as numpy prints shapes.
    static func shape(_ dims: [Int]) -> String {
        dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
    }

    /// Three significant digits: `0.000123`, `1.23e-07`.
    static func number(_ value: Double) -> String { String(format: "%.3g", value) }
}
