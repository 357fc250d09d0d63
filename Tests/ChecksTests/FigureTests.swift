import Checks
import Diagnosis
import Fixtures
import Foundation
import Grading
import Implementation
import Mutants
import NumericCore
import ReferenceImplementation
import Reports
import Testing

/// The figures checks attach for the HTML report: difference maps of failing outputs, the
/// Solver's curves beside the reference's.
@Suite("Check figures")
struct FigureTests {
    static func maps(_ result: CheckResult) -> [DifferenceMap] {
        result.figures.compactMap { if case let .differenceMap(m) = $0 { m } else { nil } }
    }

    static func curves(_ result: CheckResult) -> [CurveFigure] {
        result.figures.compactMap { if case let .curves(c) = $0 { c } else { nil } }
    }

    @Test("a wrong affine forward gets a difference map of the output that failed, marking the entry the message names")
    func wrongAffine() throws {
        let result = try #require(Shared.grade(MutantImplementationForTest.named("affine-forgets-bias"), only: ["layers.affine.forward"]).first)
        #expect(result.outcome == .failed)
        let map = try #require(Self.maps(result).first)
        #expect(Self.maps(result).count == 1)
        #expect(map.output == "out (layers.affine.forward.golden)")
        let fixture = try #require(Shared.fixtures["layers.affine.forward.golden"])
        let expected = try #require(fixture.expected["out"]?.arrayValue).values
        let b = try #require(fixture.inputs["b"]?.arrayValue).values
        #expect(map.shape == [2, 3] && map.cellRows == 2 && map.cellColumns == 3)
        // Forgetting + b is off by |b[j]| in every row of column j (the golden is printed to 8 decimals).
        #expect(expected.count == 6)
        for (cell, value) in map.values.enumerated() {
            let difference = try #require(value)
            #expect(abs(difference - abs(b[cell % 3])) <= 1e-8)
        }
        #expect(result.message.contains("worst at index \(Shape.describe(map.worstIndex))"))
        #expect(map.tolerance == "relative error <= 1.0e-6")
    }

    @Test("a correct implementation gets no difference map on any check, and every check passes")
    func correct() {
        let results = Shared.grade(ReferenceImplementation())
        #expect(results.allSatisfy { $0.outcome.earnsPoints })
        #expect(results.allSatisfy { Self.maps($0).isEmpty })
    }

    @Test("a shape mismatch or a wrong gradient fails without a map (nothing to lay side by side)")
    func noMapWithoutComparableArrays() throws {
        let transposed = try #require(Shared.grade(MutantImplementationForTest.named("affine-dw-transposed"), only: ["layers.affine.backward"]).first)
        #expect(transposed.outcome == .failed && transposed.message.contains("shape"))
        #expect(Self.maps(transposed).isEmpty)
    }

    @Test("the solver checks draw the Solver's histories against the reference's; the reference engine's own match exactly")
    func solverCurves() throws {
        let results = Shared.grade(ReferenceImplementation(), only: ["solver.*"])
        #expect(results.map(\.id) == ["solver.overfit", "solver.history"])
        for result in results {
            let figures = Self.curves(result)
            #expect(figures.count == 2)
            let loss = try #require(figures.first), accuracy = try #require(figures.last)
            #expect(loss.series.map(\.name) == ["your loss_history", "reference engine"])
            #expect(loss.series.map(\.isReference) == [false, true])
            #expect(loss.series[0].values == loss.series[1].values)
            #expect(loss.series[0].values.count == (result.id == "solver.overfit" ? 40 : 8))
            if result.id == "solver.overfit" {
                // It validates on the training images: the validation history would repeat the training one.
                #expect(accuracy.series.map(\.name) == ["train (yours)", "train (reference)"])
                #expect(accuracy.series[0].values == accuracy.series[1].values)
            } else {
                #expect(accuracy.series.map(\.name) == ["train (yours)", "val (yours)", "train (reference)", "val (reference)"])
                #expect(accuracy.series[0].values == accuracy.series[2].values && accuracy.series[1].values == accuracy.series[3].values)
            }
            #expect(accuracy.yRange == 0...1 && accuracy.hasReference)
            #expect(loss.note.hasPrefix("Dashed: the reference engine"))
        }
    }

    @Test("a Solver that never updates is drawn flat beside the reference's falling loss")
    func solverMutant() throws {
        let result = try #require(Shared.grade(MutantImplementationForTest.named("solver-never-updates"), only: ["solver.overfit"]).first)
        #expect(result.outcome == .failed)
        let loss = try #require(Self.curves(result).first)
        let yours = loss.series[0].values.compactMap { $0 }, reference = loss.series[1].values.compactMap { $0 }
        #expect(loss.series[1].isReference && yours.count == reference.count)
        #expect(yours.last! > 2 * reference.last!)
        #expect(Self.maps(result).isEmpty)
    }

    @Test("without the recorded reference, or with data it was not recorded for, the curves are drawn alone and the verdict is the same")
    func withoutReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Shared.root.appendingPathComponent("fixtures/cases"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("solver.json"))
        let store = try FixtureStore(folder: folder.path)
        let context = CheckContext(
            implementation: ReferenceImplementation(), fixtures: store, trainingData: (Shared.digits.train, Shared.digits.validation), seed: 0)
        let alone = try CheckRunner(checks: CheckRunner.select(Catalog.checks, only: ["solver.history"], skip: [])).run(context)
        #expect(alone.map(\.outcome) == [.passed])
        let figures = Self.curves(alone[0])
        #expect(figures.count == 2 && figures.allSatisfy { !$0.hasReference })
        #expect(figures[0].note.contains("solver.history.reference is not recorded"))

        let otherData = CheckContext(
            implementation: ReferenceImplementation(), fixtures: Shared.fixtures, trainingData: (Shared.digits.train, Shared.digits.test), seed: 0)
        let other = try CheckRunner(checks: CheckRunner.select(Catalog.checks, only: ["solver.history"], skip: [])).run(otherData)
        #expect(other.map(\.outcome) == [.passed])
        #expect(Self.curves(other[0]).allSatisfy { !$0.hasReference && $0.note.contains("another run or other data") })
    }
}

/// The HTML page of a mutant's run, end to end: the checks' figures reach the page. With
/// `GRADECHECK_HTML_PREVIEW=DIR` the page is also written to `DIR/report.html`, to look at
/// (`chromium --headless --screenshot ... file://DIR/report.html`).
@Suite("HTML page of a graded mutant")
struct HTMLPageTests {
    /// A mistake per area, each graded on its checks (the rest against the reference), diagnosed
    /// as `gradecheck grade` does, in catalog order.
    static let mistakes = [
        ("affine-forgets-bias", "layers.affine.*"), ("relu-leaky", "layers.relu.*"), ("batchnorm-unbiased-variance", "layers.batchnorm.*"),
        ("reg-skips-last-layer", "nets.fc.*"), ("adam-no-bias-correction", "optim.adam.*"), ("solver-never-updates", "solver.*"),
    ]

    static func run() throws -> GradingRun {
        let known = try KnownMistakes(store: Shared.fixtures)
        func graded(_ implementation: AssignmentImplementation, only: [String], skip: [String] = []) throws -> [CheckResult] {
            var diagnoses: [String: String] = [:]
            var results = try CheckRunner(checks: CheckRunner.select(Catalog.checks, only: only, skip: skip))
                .run(Shared.context(implementation), onObservations: { result, observations in
                    diagnoses[result.id] = known.diagnosis(check: result.id, outcome: result.outcome, observations: observations)
                })
            for i in results.indices { if let text = diagnoses[results[i].id] { results[i].message += "\n" + text } }
            return results
        }
        var results = try graded(ReferenceImplementation(), only: [], skip: mistakes.map(\.1))
        for (mutant, glob) in mistakes { results += try graded(MutantImplementationForTest.named(mutant), only: [glob]) }
        let order = Dictionary(uniqueKeysWithValues: Catalog.checks.enumerated().map { ($1.id, $0) })
        results.sort { order[$0.id, default: 0] < order[$1.id, default: 0] }
        return GradingRun(
            implementation: "mutants: " + mistakes.map(\.0).joined(separator: ", "), profile: "all", profileReason: "every check graded",
            seed: 0, toolVersion: "test", startedAt: Date(timeIntervalSince1970: 1_767_259_845), duration: 1.5, results: results,
            isolation: "in-process (a test)", notes: ["a preview of the HTML report"])
    }

    @Test("the page of a mutant's run shows its difference maps, its curves and its diagnosis")
    func page() throws {
        let run = try Self.run()
        let page = String(decoding: try HTMLReport().data(run), as: UTF8.self)
        let failedWithMaps = run.results.filter { $0.outcome == .failed && !FigureTests.maps($0).isEmpty }
        #expect(failedWithMaps.contains { $0.id == "layers.affine.forward" })
        #expect(page.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"heat-map\"").count - 1
            == run.results.map { FigureTests.maps($0).count }.reduce(0, +))
        #expect(page.contains("Matches known mistake: affine_forward returns x @ w without + b"))
        #expect(page.contains("reference engine") && page.contains("stroke-dasharray=\"6 4\""))
        #expect(!page.lowercased().contains("<script"))
        if let folder = ProcessInfo.processInfo.environment["GRADECHECK_HTML_PREVIEW"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(page.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("report.html"))
        }
    }
}
