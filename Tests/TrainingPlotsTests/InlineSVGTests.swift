import Testing
import TrainingPlots

@Suite("SVG inside an HTML page: inline figures, dashed series, heat maps")
struct InlineSVGTests {
    @Test func inlineFigureHasNoDeclarationAndPrefixedClipIDs() throws {
        let figure = Figure(panels: [Panel(series: [LineSeries(label: "a", y: [1, 2])]), Panel(series: [LineSeries(label: "b", y: [2, 1])])])
        let text = figure.inlineSVG(idPrefix: "fig7-")
        #expect(text.hasPrefix("<svg "))
        let svg = try ParsedSVG(text)
        let ids = svg.elements("clipPath").map { $0.string("id") }
        #expect(ids == ["fig7-plot-clip-0", "fig7-plot-clip-1"])
        #expect(svg.elements("g", class: "series").map { $0.string("clip-path") } == ["url(#fig7-plot-clip-0)", "url(#fig7-plot-clip-1)"])
        // The standalone document keeps its ids.
        #expect(try ParsedSVG(figure.svg()).elements("clipPath").map { $0.string("id") } == ["plot-clip-0", "plot-clip-1"])
    }

    @Test func dashedSeriesAndItsLegendSwatchAreDashed() throws {
        let panel = Panel(series: [LineSeries(label: "yours", y: [3, 2, 1]), LineSeries(label: "reference", y: [3, 1, 0], colorIndex: 0, dashed: true)])
        let svg = try ParsedSVG(Figure(panel).svg())
        let paths = svg.elements("path", class: "series-line")
        #expect(paths.map { $0.string("stroke-dasharray") } == ["", "6 4"])
        #expect(paths[0].string("stroke") == paths[1].string("stroke"))
        let swatches = svg.elements("g", class: "legend-entry").map { svg.elements("line", in: $0).first?.string("stroke-dasharray") ?? "?" }
        #expect(swatches == ["", "6 4"])
    }

    @Test func heatMapDrawsEveryCellScaledToTheLargestAndOutlinesTheHighlightedOne() throws {
        let map = HeatMap(
            title: "|got - expected|", rows: 2, columns: 3, values: [0, 0.5, 1, nil, 0.25, 0], rowLabels: ["0", "1"],
            columnLabels: ["0", "1", "2"], highlighted: 2, highlightLabel: "worst", scaleLabel: "difference",
            cellTitles: (0..<6).map { "cell \($0)" })
        let svg = try ParsedSVG(map.inlineSVG())
        let cells = svg.elements("rect", class: "cell")
        #expect(cells.count == 6)
        let fills = cells.map { $0.string("fill") }
        #expect(fills[0] == "#ffffff" && fills[5] == "#ffffff")   // no difference is white
        #expect(fills[3] == "#000000")                             // not a number is black
        #expect(fills[2] == "#780818")                             // the largest is the darkest
        #expect(Set([fills[1], fills[4]]).count == 2 && !fills[1].isEmpty)
        #expect(cells.map { svg.elements("title", in: $0).first?.stringValue ?? "" } == (0..<6).map { "cell \($0)" })
        let highlight = try #require(svg.elements("rect", class: "highlight").first)
        let third = cells[2]
        #expect(try highlight.number("x") == (try third.number("x")) - 1 && (try highlight.number("y")) == (try third.number("y")) - 1)
        #expect(svg.elements("g", class: "nan-key").count == 1)
        #expect(svg.elements("g", class: "color-bar").first.map { svg.elements("text", in: $0).map { $0.stringValue ?? "" } } == ["0", "1e0 difference"])
    }

    @Test func heatMapLabelsThinOutInsteadOfColliding() throws {
        let columns = 24
        let map = HeatMap(rows: 1, columns: columns, values: Array(repeating: 1, count: columns), columnLabels: (0..<columns).map { "\($0 * 40)-\($0 * 40 + 39)" })
        let svg = try ParsedSVG(map.inlineSVG())
        let labels = svg.elements("g", class: "column-labels").first.map { svg.elements("text", in: $0) } ?? []
        #expect(labels.count > 1 && labels.count < columns)
        let xs = try labels.map { try $0.number("x") }
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= 40 })   // "920-959" at 10 px is about 35 px wide
        #expect(labels.last?.stringValue == "920-959")
    }
}
