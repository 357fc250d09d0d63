import Checks
import Grading
import Implementation
import NumericCore
import ReferenceImplementation
import Testing

/// A stand-in implementation that fails in chosen ways.
final class BrokenImplementation: AssignmentImplementation {
    let name = "broken"
    let supportedOperations: Set<Operation>
    let error: ImplementationError?
    let reference = ReferenceImplementation()

    init(supported: Set<Operation> = Set(Operation.allCases), error: ImplementationError? = nil) {
        self.supportedOperations = supported
        self.error = error
    }

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        if let error { throw error }
        return try reference.call(operation, arguments)
    }
}

@Suite("Check runner")
struct RunnerTests {
    @Test("globs select checks by id")
    func globs() {
        #expect(Glob.matches("layers.*", "layers.affine.forward"))
        #expect(Glob.matches("*.backward", "layers.relu.backward"))
        #expect(Glob.matches("optim.ad?m.step", "optim.adam.step"))
        #expect(!Glob.matches("layers.*", "losses.svm.value"))
        #expect(!Glob.matches("optim.adam", "optim.adam.step"))
        let selected = CheckRunner.select(Catalog.checks, only: ["optim.*"], skip: ["*.trajectory"])
        #expect(selected.map(\.id) == ["optim.sgd.step", "optim.sgd_momentum.step", "optim.rmsprop.step", "optim.adam.step"])
    }

    @Test("a missing operation skips, an exception errors, a wrong answer fails; the others still run")
    func outcomes() {
        let skipped = Shared.grade(BrokenImplementation(supported: [.affineForward]), only: ["layers.affine.*"])
        #expect(skipped.map(\.outcome) == [.passed, .skipped])
        #expect(skipped[1].message.contains("affine_backward"))

        let raising = Shared.grade(BrokenImplementation(error: .raised(type: "ZeroDivisionError", message: "division by zero", location: "layers.py:12")), only: ["losses.*"])
        #expect(raising.allSatisfy { $0.outcome == .errored })
        #expect(raising[0].message.contains("layers.py:12"))

        let notImplemented = Shared.grade(BrokenImplementation(error: .notImplemented(operation: "svm_loss", detail: "returned None")), only: ["losses.svm.value"])
        #expect(notImplemented.map(\.outcome) == [.skipped])

        let timedOut = Shared.grade(BrokenImplementation(error: .timedOut(seconds: 10)), only: ["optim.*"])
        #expect(timedOut.count == 8 && timedOut.allSatisfy { $0.outcome == .errored && $0.message.contains("10") })
    }

    @Test("failure messages name the output, the worst index, expected and got")
    func messages() throws {
        let results = Shared.grade(
            MutantImplementationForTest.dwTransposed, only: ["layers.affine.backward"])
        let message = try #require(results.first?.message)
        #expect(message.contains("dw"))
        #expect(message.contains("transposed"))
    }
}

import Mutants
enum MutantImplementationForTest {
    static var dwTransposed: AssignmentImplementation {
        MutantImplementation(MutationCatalog.all.first { $0.id == "affine-dw-transposed" }!)
    }
}

@Suite("Profiles")
struct ProfileTests {
    @Test("2021+ skips TwoLayerNet and svm_loss; 2016-17 skip layer normalization; 2018 runs everything")
    func exclusions() throws {
        func skipped(_ profile: Profile) throws -> [String] {
            let context = CheckContext(
                implementation: ReferenceImplementation(), fixtures: Shared.fixtures,
                trainingData: (Shared.digits.train, Shared.digits.validation), seed: 0, profile: profile)
            let results = try CheckRunner(checks: CheckRunner.select(Catalog.checks, only: ["nets.two_layer.init", "losses.svm.value", "layers.layernorm.forward", "nets.fc.layernorm", "optim.adam.step"], skip: [])).run(context)
            return results.filter { $0.outcome == .skipped }.map(\.id)
        }
        #expect(try skipped(.y2021) == ["losses.svm.value", "nets.two_layer.init"])
        #expect(try skipped(.y2016) == ["layers.layernorm.forward", "nets.fc.layernorm"])
        #expect(try skipped(.y2018).isEmpty)
        #expect(Profile(parsing: "spring1819") == nil)
        #expect(Profile(parsing: "2019") == .y2019)
        #expect(Profile(parsing: "2030") == .y2026)
    }
}
