import Foundation
import Testing

@testable import TrainingPlots

@Suite("Decimation of long series")
struct DecimationTests {
    /// 20,000 points of a gently noisy curve around 1 with one spike up and one spike down.
    static func spikySeries(count: Int = 20_000, upAt: Int = 12_345, downAt: Int = 777) -> [Double] {
        var values = (0..<count).map { 1 + 0.1 * sin(Double($0) * 0.37) }
        values[upAt] = 100
        values[downAt] = -50
        return values
    }

    @Test func keepsExtremesAndEndsOfALongRun() throws {
        let series = LineSeries(label: "loss", y: Self.spikySeries())
        let runs = Decimation.drawableRuns(series) { $0.y.isFinite }
        let thinned = Decimation.minMaxBuckets(runs)
        let points = try #require(thinned.first)
        #expect(thinned.count == 1)
        #expect(points.count <= Decimation.maximumPoints + 2)
        #expect(points.count >= Decimation.maximumPoints / 2)
        #expect(points.contains(DataPoint(x: 12_345, y: 100)))
        #expect(points.contains(DataPoint(x: 777, y: -50)))
        #expect(points.first == DataPoint(x: 0, y: 1))
        #expect(points.last?.x == 19_999)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.x < $1.x })
    }

    @Test func shortSeriesAreLeftAlone() {
        let series = LineSeries(label: "acc", y: (0..<2000).map(Double.init))
        let runs = Decimation.drawableRuns(series) { $0.y.isFinite }
        #expect(Decimation.minMaxBuckets(runs) == runs)
    }

    @Test func nonFiniteValuesSplitRuns() {
        let series = LineSeries(label: "loss", y: [1, 2, .nan, 4, .infinity, -.infinity, 7, .nan], firstX: 1)
        let runs = Decimation.drawableRuns(series) { $0.y.isFinite }
        #expect(runs == [
            [DataPoint(x: 1, y: 1), DataPoint(x: 2, y: 2)], [DataPoint(x: 4, y: 4)], [DataPoint(x: 7, y: 7)],
        ])
    }

    @Test("the drawn path still reaches the spikes of a 20,000-point series")
    func svgPathShowsSpikes() throws {
        let panel = Panel(
            series: [LineSeries(label: "loss", y: Self.spikySeries())], yRange: -60...120, xRange: 0...20_000)
        let svg = try ParsedSVG(Figure(panel).svg())
        let path = try #require(svg.elements("path", class: "series-line").first)
        let points = subpaths(path.string("d")).flatMap { $0 }
        #expect(points.count <= Decimation.maximumPoints + 2)

        let plot = try svg.plotArea(in: try #require(svg.panels.first))
        func pixelY(_ value: Double) -> Double { plot.y + (120 - value) / 180 * plot.height }
        func pixelX(_ index: Double) -> Double { plot.x + index / 20_000 * plot.width }
        let top = try #require(points.min { $0.y < $1.y })
        let bottom = try #require(points.max { $0.y < $1.y })
        #expect(abs(top.y - pixelY(100)) <= 0.01)
        #expect(abs(top.x - pixelX(12_345)) <= 0.01)
        #expect(abs(bottom.y - pixelY(-50)) <= 0.01)
        #expect(abs(bottom.x - pixelX(777)) <= 0.01)
    }
}
