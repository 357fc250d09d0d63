import Foundation
import Grading
import Testing

@Suite("Figures in the results JSON")
struct CheckFigureCodingTests {
    static func sample() throws -> CheckResult {
        let map = try #require(DifferenceMap(output: "out", shape: [2, 3], differences: [0, 1, 2, 0, 0, .nan], worst: 2, tolerance: "relative error <= 1.0e-6"))
        let curves = CurveFigure(
            title: "Training loss", xLabel: "Iteration", yLabel: "Loss",
            series: [.init(name: "yours", values: [2.3, .nan, 1.1]), .init(name: "reference", values: [2.3, 1.5, 1.0], isReference: true)],
            yRange: 0...3, note: "dashed: the reference")
        return CheckResult(id: "a.b", group: "a", title: "t", outcome: .failed, points: 2, message: "m", figures: [.differenceMap(map), .curves(curves)])
    }

    @Test("figures survive a round trip through JSON, NaN written as null")
    func roundTrip() throws {
        let result = try Self.sample()
        let data = try JSONEncoder().encode(result)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"kind\":\"difference_map\"") && text.contains("\"kind\":\"curves\""))
        #expect(text.contains("null"))
        #expect(try JSONDecoder().decode(CheckResult.self, from: data) == result)
    }

    @Test("results written before figures existed decode with none")
    func oldJSON() throws {
        let old = """
            {"id":"layers.affine.forward","group":"layers","title":"Affine","outcome":"passed","points":2,"score":2,
             "message":"","warnings":[],"tolerance":"t","output":"","duration":0.5,"hidden":false}
            """
        let decoded = try JSONDecoder().decode(CheckResult.self, from: Data(old.utf8))
        #expect(decoded.figures.isEmpty && decoded.missingKind == nil && decoded.score == 2)
    }

    @Test("an unknown figure kind is an error, not a silent drop")
    func unknownKind() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CheckFigure.self, from: Data(#"{"kind":"pie"}"#.utf8)) }
    }

    @Test("sizes are capped: figures per check, series, points, text")
    func caps() {
        let long = String(repeating: "x", count: 1_000)
        let series = (0..<20).map { _ in CurveFigure.Series(name: long, values: Array(repeating: 1, count: 5_000)) }
        let figure = CurveFigure(title: long, xLabel: "", yLabel: "", series: series)
        #expect(figure.series.count == CurveFigure.maximumSeries)
        #expect(figure.series.allSatisfy { $0.values.count == CurveFigure.maximumPoints && $0.name.count == CheckFigure.maximumTextLength })
        #expect(figure.title.count == CheckFigure.maximumTextLength)
        let result = CheckResult(id: "a", group: "a", title: "", outcome: .passed, points: 1, figures: Array(repeating: .curves(figure), count: 9))
        #expect(result.figures.count == CheckFigure.maximumPerCheck)
    }
}
