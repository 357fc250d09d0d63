import Foundation
import Testing
import TrainingPlots

@Suite("Training figures")
struct TrainingFiguresTests {
    @Test func lossCurveStartsAtIterationZero() throws {
        let losses = (0..<400).map { 2.3 * exp(-Double($0) / 100) + 0.5 }
        let svg = try ParsedSVG(TrainingFigures.lossCurve(losses: losses).svg())
        let panel = try #require(svg.panels.first)
        #expect(svg.elements("text", class: "panel-title").first?.stringValue == "Training loss")
        #expect(svg.elements("text", class: "x-label").first?.stringValue == "Iteration")
        #expect(svg.tickLabels("x", in: panel).first == "0")
        #expect(svg.tickLabels("x", in: panel).last == "400")
        let plot = try svg.plotArea(in: panel)
        let path = try #require(svg.elements("path").first)
        let first = try #require(subpaths(path.string("d")).first?.first)
        #expect(abs(first.x - plot.x) < 0.01)
    }

    @Test func logLossCurveUsesPowersOfTen() throws {
        let losses = (0..<1000).map { 10 * exp(-Double($0) / 100) }
        let svg = try ParsedSVG(TrainingFigures.lossCurve(losses: losses, logScale: true).svg())
        let panel = try #require(svg.panels.first)
        #expect(svg.tickLabels("y", in: panel) == ["0.0001", "0.001", "0.01", "0.1", "1", "10"])
    }

    @Test func accuracyCurvesHaveTrainAndValWithMarkersOnAUnitAxis() throws {
        let train = [0.1, 0.3, 0.45, 0.52, 0.6]
        let validation = [0.1, 0.28, 0.4, 0.43, 0.44]
        let svg = try ParsedSVG(TrainingFigures.accuracyCurves(train: train, validation: validation).svg())
        let panel = try #require(svg.panels.first)
        #expect(svg.legendLabels == ["train", "val"])
        #expect(svg.elements("path", class: "series-line").count == 2)
        #expect(svg.elements("g", class: "markers").map { svg.elements("circle", in: $0).count } == [5, 5])
        #expect(svg.tickLabels("y", in: panel) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(svg.tickLabels("x", in: panel) == ["0", "1", "2", "3", "4"])
    }

    @Test func optimizerComparisonHasTheNotebookLayout() throws {
        let names = ["sgd", "sgd_momentum", "rmsprop", "adam"]
        let runs: [TrainingFigures.OptimizerRun] = names.enumerated().map { index, name in
            let rate = Double(index + 1)
            return (
                name: name, losses: (0..<200).map { 2.3 * exp(-rate * Double($0) / 200) },
                trainAccuracy: (0...5).map { 0.1 + rate * 0.02 * Double($0) },
                validationAccuracy: (0...5).map { 0.1 + rate * 0.015 * Double($0) }
            )
        }
        let svg = try ParsedSVG(TrainingFigures.optimizerComparison(runs: runs).svg())
        #expect(svg.elements("text", class: "panel-title").map(\.stringValue)
            == ["Training loss", "Training accuracy", "Validation accuracy"])
        #expect(svg.elements("text", class: "x-label").map(\.stringValue) == ["Iteration", "Epoch", "Epoch"])
        #expect(svg.elements("g", class: "legend").count == 1)
        #expect(svg.legendLabels == names)
        // Stacked vertically, one colour per optimizer in every panel.
        let areas = try svg.panels.map(svg.plotArea)
        #expect(areas.count == 3)
        #expect(zip(areas, areas.dropFirst()).allSatisfy { $0.y + $0.height < $1.y })
        let expected = (0..<4).map { Palette.tab10.color(at: $0) }
        for panel in svg.panels {
            #expect(svg.elements("path", class: "series-line", in: panel).map { $0.string("stroke") } == expected)
        }
    }

    @Test func optimizerComparisonToleratesMissingHistories() throws {
        let runs: [TrainingFigures.OptimizerRun] = [
            (name: "sgd", losses: [], trainAccuracy: [], validationAccuracy: []),
            (name: "adam", losses: [2, 1], trainAccuracy: [0.1], validationAccuracy: [.nan]),
        ]
        let svg = try ParsedSVG(TrainingFigures.optimizerComparison(runs: runs).svg())
        #expect(svg.legendLabels == ["sgd", "adam"])
        #expect(svg.elements("text", class: "no-data").count == 1)  // validation: nothing drawable
        #expect(svg.elements("path", class: "series-line").count == 2)
        #expect(try ParsedSVG(TrainingFigures.optimizerComparison(runs: []).svg()).panels.count == 3)
    }
}
