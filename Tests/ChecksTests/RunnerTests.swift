import Checks
import Grading
import Implementation
import Mutants
import NumericCore
import ReferenceImplementation
import Testing

/// A stand-in implementation that fails in chosen ways.
final class BrokenImplementation: AssignmentImplementation {
    let name = "broken"
    let supportedOperations: Set<Operation>
    let error: ImplementationError?
    let missing: ImplementationError?
    let reference = ReferenceImplementation()

    init(supported: Set<Operation> = Set(Operation.allCases), error: ImplementationError? = nil, missing: ImplementationError? = nil) {
        self.supportedOperations = supported
        self.error = error
        self.missing = missing
    }

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        if let error { throw error }
        return try reference.call(operation, arguments)
    }

    func unavailability(of operation: Operation) -> ImplementationError? { missing }
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

    @Test("an operation the implementation lacks is missing work: 0 points that stay in the maximum")
    func missingOperation() {
        let results = Shared.grade(BrokenImplementation(supported: [.affineForward]), only: ["layers.affine.*"])
        #expect(results.map(\.outcome) == [.passed, .missing])
        #expect(results[1].message.contains("affine_backward"))
        #expect(results[1].missingKind == .notImplemented)
        let run = Shared.run(results)
        #expect(run.score == 2 && run.maxScore == 5 && !run.allPassed)
    }

    @Test("a file that does not import is missing work shown as an error, with the reason")
    func doesNotImport() {
        let reason = ImplementationError.doesNotImport(operation: "update", detail: "cs231n/optim.py:26: SyntaxError (Python 2 print statement)")
        let results = Shared.grade(BrokenImplementation(supported: Set(Operation.allCases).subtracting([.update]), missing: reason), only: ["optim.adam.step"])
        #expect(results.map(\.outcome) == [.missing])
        #expect(results[0].missingKind == .doesNotImport)
        #expect(results[0].message == "cs231n/optim.py:26: SyntaxError (Python 2 print statement)")
    }

    @Test("an exception errors, a timeout errors, a stub at call time is missing; the others still run")
    func outcomes() {
        let raising = Shared.grade(BrokenImplementation(error: .raised(type: "ZeroDivisionError", message: "division by zero", location: "layers.py:12")), only: ["losses.*"])
        #expect(raising.allSatisfy { $0.outcome == .errored })
        #expect(raising[0].message.contains("layers.py:12"))

        let notImplemented = Shared.grade(BrokenImplementation(error: .notImplemented(operation: "svm_loss", detail: "returned None")), only: ["losses.svm.value"])
        #expect(notImplemented.map(\.outcome) == [.missing])

        let timedOut = Shared.grade(BrokenImplementation(error: .timedOut(seconds: 10)), only: ["optim.*"])
        #expect(timedOut.count == 8 && timedOut.allSatisfy { $0.outcome == .errored && $0.message.contains("10") })
    }

    @Test("failure messages name the output, the worst index, expected and got")
    func messages() throws {
        let results = Shared.grade(MutantImplementationForTest.named("affine-dw-transposed"), only: ["layers.affine.backward"])
        let message = try #require(results.first?.message)
        #expect(message.contains("dw"))
        #expect(message.contains("transposed"))
    }

    @Test("a deviation the course accepts passes with a warning; --strict fails it")
    func warnings() throws {
        let deviation = MutantImplementationForTest.named("relu-gradient-at-zero")
        let lenient = Shared.grade(deviation, only: ["layers.relu.backward"])
        #expect(lenient.map(\.outcome) == [.warned])
        #expect(lenient[0].score == 2 && lenient[0].warnings.count == 1)
        #expect(lenient[0].warnings[0].contains("x == 0"))
        let strict = Shared.grade(deviation, only: ["layers.relu.backward"], strict: true)
        #expect(strict.map(\.outcome) == [.failed])
        #expect(strict[0].score == 0 && strict[0].message.contains("--strict"))
    }

    @Test("an extra check that fails only warns, for no points")
    func extras() {
        let noHidden = Shared.grade(BrokenImplementation(error: .raised(type: "IndexError", message: "list index out of range", location: "fc_net.py:80")), only: ["nets.fc.no_hidden_layers"])
        #expect(noHidden.map(\.outcome) == [.warned])
        #expect(noHidden[0].points == 0)
        #expect(noHidden[0].warnings.first?.contains("not required by the course") == true)
    }

    @Test("the tolerance a report shows is the one the comparison used")
    func toleranceText() throws {
        var checked = 0
        for mutation in MutationCatalog.all where mutation.kind == .mistake {
            for result in Shared.grade(MutantImplementation(mutation)) where result.outcome == .failed {
                // "<name>: relative error 3.2e-3 > 1.0e-6; ..." : the bound after ">" is stated by the check.
                guard let range = result.message.range(of: #"> [0-9.]+e-?[0-9]+"#, options: .regularExpression) else { continue }
                let bound = Double(result.message[range].dropFirst(2))!
                let stated = Self.bounds(in: result.tolerance)
                let same = stated.contains { abs($0 - bound) <= 1e-12 * max(1, bound) }
                // A golden's bound is widened to its printed precision, and the text says so.
                let widened = result.tolerance.contains("printed to 8 decimals") && stated.contains { bound > $0 }
                #expect(same || widened, "\(mutation.id) \(result.id): compared at \(bound), tolerance says \(result.tolerance)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    static func bounds(in text: String) -> [Double] {
        text.matches(of: /<= ([0-9.]+e-?[0-9]+|[0-9.]+)/).compactMap { Double($0.1) }
    }
}

enum MutantImplementationForTest {
    static func named(_ id: String) -> AssignmentImplementation {
        MutantImplementation(MutationCatalog.all.first { $0.id == id }!)
    }
}
