import Foundation
import Testing
import TrainingPlots

@Suite("Figure SVG output")
struct FigureSVGTests {
    @Test func isAStandaloneSVGDocument() throws {
        let figure = Figure(
            title: "Curves", panels: [Panel(series: [LineSeries(label: "loss", y: [3, 2, 1])])], width: 640,
            height: 360)
        let text = figure.svg()
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        let svg = try ParsedSVG(text)
        #expect(svg.root.localName == "svg")
        #expect(svg.root.uri == "http://www.w3.org/2000/svg")
        #expect(svg.root.string("version") == "1.1")
        #expect(svg.root.string("width") == "640")
        #expect(svg.root.string("height") == "360")
        #expect(svg.root.string("viewBox") == "0 0 640 360")
        #expect(svg.root.string("font-family").hasSuffix("sans-serif"))
        let background = try #require(svg.elements("rect", class: "background").first)
        #expect(background.string("fill") == "#ffffff")
        #expect(background.string("width") == "640")
        #expect(svg.elements("text", class: "figure-title").first?.stringValue == "Curves")
        #expect(figure.svgData() == Data(text.utf8))
    }

    @Test func onePathPerDrawableSeriesAndOneLegendEntryPerSeries() throws {
        let panel = Panel(series: [
            LineSeries(label: "first", y: [1, 2, 3]),
            LineSeries(label: "empty", y: []),
            LineSeries(label: "all NaN", y: [.nan, .nan, .infinity]),
            LineSeries(label: "second", y: [3, 1, 2], showsMarkers: true),
        ])
        let svg = try ParsedSVG(Figure(panel).svg())
        let paths = svg.elements("path", class: "series-line")
        #expect(paths.count == 2)
        #expect(paths.map { $0.string("stroke") } == [Palette.tab10.color(at: 0), Palette.tab10.color(at: 3)])
        #expect(svg.legendLabels == ["first", "empty", "all NaN", "second"])
        let markers = try #require(svg.elements("g", class: "markers").first)
        #expect(svg.elements("circle", in: markers).count == 3)
        #expect(svg.elements("text", class: "no-data").isEmpty)
    }

    @Test func textIsEscaped() throws {
        let label = #"a<b & "c""#
        let panel = Panel(
            title: label, xLabel: label, yLabel: label, series: [LineSeries(label: label, y: [1, 2])])
        let text = Figure(title: label, panels: [panel]).svg()
        #expect(text.contains("a&lt;b &amp; &quot;c&quot;"))
        #expect(!text.contains(label))
        let svg = try ParsedSVG(text)
        #expect(svg.legendLabels == [label])
        #expect(svg.elements("text", class: "figure-title").first?.stringValue == label)
        #expect(svg.elements("text", class: "panel-title").first?.stringValue == label)
        #expect(svg.elements("text", class: "x-label").first?.stringValue == label)
        #expect(svg.elements("text", class: "y-label").first?.stringValue == label)
    }

    @Test func controlCharactersInLabelsStillGiveValidXML() throws {
        let panel = Panel(title: "bell\u{7}", series: [LineSeries(label: "nul\u{0}", y: [1])])
        let svg = try ParsedSVG(Figure(panel).svg())
        #expect(svg.legendLabels == ["nul\u{FFFD}"])
    }

    @Test func nonFiniteValuesBreakTheLine() throws {
        let panel = Panel(series: [LineSeries(label: "loss", y: [5, 4, .nan, 3, 2, .infinity, 1])])
        let svg = try ParsedSVG(Figure(panel).svg())
        let path = try #require(svg.elements("path", class: "series-line").first)
        let parts = subpaths(path.string("d"))
        #expect(parts.map(\.count) == [2, 2, 2])  // the lone 1 is drawn as a zero-length segment
        #expect(parts[2][0] == parts[2][1])
        // The lone point also gets a dot so that it shows.
        #expect(svg.elements("circle").count == 1)
        // NaN does not leak into the output.
        #expect(!path.string("d").lowercased().contains("nan"))
    }

    @Test func logScaleSkipsValuesThatAreNotPositive() throws {
        let panel = Panel(series: [LineSeries(label: "loss", y: [10, 5, 0, -1, 2, 1])], yScale: .logarithmic)
        let svg = try ParsedSVG(Figure(panel).svg())
        let path = try #require(svg.elements("path", class: "series-line").first)
        #expect(subpaths(path.string("d")).map(\.count) == [2, 2])
        let panelGroup = try #require(svg.panels.first)
        #expect(svg.tickLabels("y", in: panelGroup) == ["1", "2", "5", "10"])
    }

    @Test(
        "a panel with nothing drawable says so",
        arguments: [[], [LineSeries(label: "empty", y: [])], [LineSeries(label: "NaN", y: [.nan, .nan])]])
    func emptyPanels(series: [LineSeries]) throws {
        let svg = try ParsedSVG(Figure(Panel(title: "t", xLabel: "x", yLabel: "y", series: series)).svg())
        #expect(svg.elements("path").isEmpty)
        #expect(svg.elements("text", class: "no-data").map(\.stringValue) == ["no data"])
        #expect(svg.legendLabels.count == series.count)
        let panel = try #require(svg.panels.first)
        #expect(svg.tickLabels("y", in: panel).count >= 2)
    }

    @Test(arguments: [0.0, 0.5, -3, 1e6])
    func constantSeriesGetsANonZeroRange(value: Double) throws {
        let panel = Panel(series: [LineSeries(label: "flat", y: Array(repeating: value, count: 5))])
        let svg = try ParsedSVG(Figure(panel).svg())
        let group = try #require(svg.panels.first)
        let plot = try svg.plotArea(in: group)
        let points = subpaths(try #require(svg.elements("path", class: "series-line").first).string("d"))
            .flatMap { $0 }
        #expect(points.count == 5)
        for point in points {
            #expect(point.y > plot.y + 1 && point.y < plot.y + plot.height - 1)
        }
        #expect(Set(svg.tickLabels("y", in: group)).count >= 2)
    }

    @Test func fixedRangeGivesTheTicksInside() throws {
        let panel = Panel(series: [LineSeries(label: "acc", y: [0.1, 0.5, 0.7])], yRange: 0...1)
        let svg = try ParsedSVG(Figure(panel).svg())
        let group = try #require(svg.panels.first)
        #expect(svg.tickLabels("y", in: group) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func panelsFillAGridRowByRow() throws {
        let panels = (0..<4).map { Panel(title: "p\($0)", series: [LineSeries(label: "s", y: [1, 2])]) }
        let svg = try ParsedSVG(Figure(panels: panels, columns: 2, width: 1000, height: 800).svg())
        try #require(svg.panels.count == 4)
        let areas = try svg.panels.map(svg.plotArea)
        #expect(areas[0].x < 500 && areas[1].x > 500 && areas[2].x < 500 && areas[3].x > 500)
        #expect(areas[0].y < 400 && areas[1].y < 400 && areas[2].y > 400 && areas[3].y > 400)
        for area in areas {
            #expect(area.width > 300 && area.height > 250)
        }
    }

    @Test func sharedLegendListsEachLabelOnce() throws {
        let panels = (0..<3).map { _ in
            Panel(series: [LineSeries(label: "sgd", y: [1, 2]), LineSeries(label: "adam", y: [2, 1])])
        }
        let shared = try ParsedSVG(Figure(panels: panels, legend: .shared).svg())
        #expect(shared.elements("g", class: "legend").count == 1)
        #expect(shared.legendLabels == ["sgd", "adam"])
        let perPanel = try ParsedSVG(Figure(panels: panels, legend: .perPanel).svg())
        #expect(perPanel.elements("g", class: "legend").count == 3)
        let hidden = try ParsedSVG(Figure(panels: panels, legend: .hidden).svg())
        #expect(hidden.legendLabels.isEmpty)
    }

    @Test func explicitXValuesAndFirstX() throws {
        let fromOne = LineSeries(label: "a", y: [1, 2, 3], firstX: 1)
        #expect((0..<fromOne.count).map(fromOne.xValue) == [1, 2, 3])
        let explicit = LineSeries(label: "b", y: [1, 2, 3], x: [0, 10])
        #expect(explicit.count == 2)
        let svg = try ParsedSVG(Figure(Panel(series: [explicit])).svg())
        let group = try #require(svg.panels.first)
        #expect(svg.tickLabels("x", in: group).last == "10")
    }

    @Test func nonsenseSizesAreClamped() throws {
        let figure = Figure(panels: [Panel(series: [LineSeries(label: "a", y: [1, 2])])], width: 0, height: .nan)
        let svg = try ParsedSVG(figure.svg())
        #expect(svg.root.string("width") == "200")
        #expect(svg.root.string("height") == "450")
        #expect(try ParsedSVG(Figure(panels: []).svg()).panels.isEmpty)
    }
}
