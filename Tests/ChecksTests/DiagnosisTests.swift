import Checks
import Diagnosis
import Mutants
import ReferenceImplementation
import Testing

/// Known mistakes are recognised from their recorded outputs; diagnosis never changes outcomes.
@Suite("Diagnosis")
struct DiagnosisTests {
    static let mistakes = try! KnownMistakes(store: Shared.fixtures)

    func diagnose(_ implementation: AssignmentImplementationBox, only: [String]) throws -> [(String, String?)] {
        let context = CheckContext(
            implementation: implementation.value, fixtures: Shared.fixtures,
            trainingData: (Shared.digits.train, Shared.digits.validation), seed: 0)
        var found: [(String, String?)] = []
        _ = try CheckRunner(checks: CheckRunner.select(Catalog.checks, only: only, skip: [])).run(context, onObservations: { result, observations in
            guard result.outcome == .failed else { return }
            found.append((result.id, Self.mistakes.diagnosis(check: result.id, observations: observations)))
        })
        return found
    }

    @Test("a mutant's failures are diagnosed as that mutant", arguments: ["adam-never-increments-t", "softmax-mutates-input", "dropout-not-inverted", "affine-dw-transposed", "rmsprop-without-sqrt"])
    func recognised(_ id: String) throws {
        let mutation = try #require(MutationCatalog.all.first { $0.id == id })
        let found = try diagnose(AssignmentImplementationBox(MutantImplementation(mutation)), only: [])
        #expect(!found.isEmpty)
        let recorded = Set(Self.mistakes.entries.filter { $0.mistake == id }.map(\.check))
        #expect(!recorded.isEmpty)
        for (check, text) in found where recorded.contains(check) {
            #expect(text?.contains(mutation.description) == true, "\(check): \(text ?? "no diagnosis")")
        }
    }

    @Test("every recorded mistake is read back, one case per failing check")
    func recorded() {
        // Not recorded: solver outputs (training histories are not comparable across
        // implementations), and mistakes whose failing checks only produce large arrays
        // (dropout statistics on 500 x 500 inputs, freshly initialized weights).
        let unrecordable: Set<String> = [
            "solver-never-updates", "solver-history-misses-first-check", "dropout-at-test-time",
            "dropout-p-is-drop-probability", "init-weights-unscaled",
        ]
        #expect(Set(Self.mistakes.entries.map(\.mistake)) == Set(MutationCatalog.all.map(\.id)).subtracting(unrecordable))
        #expect(Self.mistakes.entries.allSatisfy { !$0.observations.isEmpty })
    }
}

import Implementation
struct AssignmentImplementationBox {
    let value: AssignmentImplementation
    init(_ value: AssignmentImplementation) { self.value = value }
}
