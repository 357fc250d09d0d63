import Checks
import Grading
import Diagnosis
import Mutants
import ReferenceImplementation
import Testing

/// Known mistakes are recognised from their recorded outputs; diagnosis never changes outcomes.
@Suite("Diagnosis")
struct DiagnosisTests {
    static let mistakes = try! KnownMistakes(store: Shared.fixtures)

    func diagnose(_ implementation: AssignmentImplementationBox, only: [String]) throws -> [(String, String?)] {
        let context = Shared.context(implementation.value)
        var found: [(String, String?)] = []
        _ = try CheckRunner(checks: CheckRunner.select(Catalog.checks, only: only, skip: [])).run(context, onObservations: { result, observations in
            guard result.outcome == .failed || result.outcome == .warned else { return }
            found.append((result.id, Self.mistakes.diagnosis(check: result.id, outcome: result.outcome, observations: observations)))
        })
        return found
    }

    @Test("a mutant's failures (a deviation's warnings) are diagnosed as that mutant", arguments: [
        "adam-never-increments-t", "softmax-mutates-input", "dropout-not-inverted", "affine-dw-transposed", "rmsprop-without-sqrt",
        "reg-skips-last-layer", "reg-without-half", "batchnorm-eps-outside-sqrt", "relu-gradient-at-zero", "adam-efficient-form",
    ])
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
            "solver-never-updates", "solver-history-misses-first-check", "dropout-at-test-time", "init-weights-unscaled",
        ]
        #expect(Set(Self.mistakes.entries.map(\.mistake)) == Set(MutationCatalog.all.map(\.id)).subtracting(unrecordable))
        #expect(Self.mistakes.entries.allSatisfy { !$0.observations.isEmpty })
        let deviations = Set(MutationCatalog.all.filter { $0.kind == .deviation }.map(\.id))
        #expect(Set(Self.mistakes.entries.filter { $0.kind == "deviation" }.map(\.mistake)) == deviations)
        #expect(Self.mistakes.entries.filter { $0.kind == "deviation" }.allSatisfy { $0.sourcePattern != nil })
    }

    @Test("outputs two mistakes share name neither; a shape-only difference is no mistake")
    func ambiguity() throws {
        let entry = try #require(Self.mistakes.entries.first { $0.kind == "mistake" })
        let twin = KnownMistakes.Entry(mistake: "twin", description: "a twin", check: entry.check, kind: "mistake", sourcePattern: nil, observations: entry.observations)
        let both = KnownMistakes(entries: [entry, twin])
        #expect(both.diagnosis(check: entry.check, outcome: .failed, observations: entry.observations) == nil)
        #expect(KnownMistakes(entries: [entry]).diagnosis(check: entry.check, outcome: .failed, observations: entry.observations) != nil)
        #expect(KnownMistakes(entries: [entry]).diagnosis(check: entry.check, outcome: .warned, observations: entry.observations) == nil,
                "a mistake never explains a warning")
        // running_mean kept as (1, D) is a warning, not "never stores the running mean".
        let keepdims = Shared.grade(MutantImplementationForTest.named("keepdims-row-shapes"), only: ["layers.batchnorm.forward_train"])
        #expect(keepdims.map(\.outcome) == [.warned])
        #expect(!keepdims[0].warnings.joined().contains("never stores"))
    }
}

import Implementation
struct AssignmentImplementationBox {
    let value: AssignmentImplementation
    init(_ value: AssignmentImplementation) { self.value = value }
}
