import Checks
import Grading
import Mutants
import ReferenceImplementation
import Testing

/// Every check can fail and every accepted deviation is told from a mistake: for each realistic
/// mistake exactly these checks fail, for each deviation the course accepts exactly these pass
/// with a warning (and nothing errors); the reference passes everything without a warning; no
/// check escapes every mistake. Graded with every function counted (`Profile.everything`).
@Suite("Mutant matrix")
struct MutantMatrixTests {
    /// Which checks each mutant must fail and warn on. Written from what the change should
    /// break, then confirmed by running it.
    static let expected: [String: (failed: Set<String>, warned: Set<String>)] = [
        "affine-forgets-bias": (failed: ["layers.affine.forward", "layers.affine.backward"], warned: []),
        "affine-dw-transposed": (failed: ["layers.affine.backward"], warned: []),
        "affine-db-not-summed": (failed: ["layers.affine.backward"], warned: []),
        "relu-leaky": (failed: ["layers.relu.forward", "layers.relu.backward"], warned: []),
        "sandwich-backward-skips-relu": (failed: ["layers.affine_relu.backward"], warned: []),
        "sandwich-forward-skips-relu": (failed: ["layers.affine_relu.forward", "layers.affine_relu.backward"], warned: []),
        "batchnorm-unbiased-variance": (failed: ["layers.batchnorm.forward_train", "layers.batchnorm.backward", "layers.batchnorm.backward_alt"], warned: []),
        "batchnorm-test-uses-batch-statistics": (failed: ["layers.batchnorm.forward_test"], warned: []),
        "batchnorm-running-not-updated": (failed: ["layers.batchnorm.forward_train"], warned: []),
        "batchnorm-alt-swaps-dgamma-dbeta": (failed: ["layers.batchnorm.backward_alt"], warned: []),
        "layernorm-over-batch-axis": (failed: ["layers.layernorm.forward", "layers.layernorm.backward"], warned: []),
        "layernorm-dgamma-wrong": (failed: ["layers.layernorm.backward"], warned: []),
        "dropout-not-inverted": (failed: ["layers.dropout.forward_train", "layers.dropout.backward"], warned: []),
        "dropout-p-is-drop-probability": (failed: ["layers.dropout.forward_train"], warned: []),
        "dropout-at-test-time": (failed: ["layers.dropout.forward_test"], warned: []),
        "dropout-backward-ignores-mask": (failed: ["layers.dropout.backward"], warned: []),
        "softmax-no-max-shift": (failed: ["losses.softmax.stability"], warned: []),
        "softmax-mutates-input": (failed: ["losses.softmax.inputs_untouched"], warned: []),
        "softmax-sum-not-mean": (failed: ["losses.softmax.value", "losses.softmax.gradient", "losses.softmax.stability"], warned: []),
        "softmax-dx-not-divided": (failed: ["losses.softmax.gradient", "losses.softmax.stability"], warned: []),
        "svm-counts-correct-class": (failed: ["losses.svm.value"], warned: []),
        "svm-mutates-input": (failed: ["losses.svm.inputs_untouched"], warned: []),
        "svm-dx-sign-flipped": (failed: ["losses.svm.gradient"], warned: []),
        "init-weights-unscaled": (failed: ["nets.two_layer.init", "nets.fc.init", "nets.fc.batchnorm"], warned: ["nets.fc.no_hidden_layers"]),
        "reg-without-half": (failed: ["nets.two_layer.loss", "nets.two_layer.gradients", "nets.fc.loss", "nets.fc.gradients", "nets.fc.batchnorm", "nets.fc.layernorm"], warned: ["nets.fc.no_hidden_layers", "nets.fc.dropout"]),
        "reg-skips-last-layer": (failed: ["nets.two_layer.loss", "nets.two_layer.gradients", "nets.fc.loss", "nets.fc.gradients", "nets.fc.batchnorm", "nets.fc.layernorm"], warned: ["nets.fc.no_hidden_layers", "nets.fc.dropout"]),
        "reg-gradient-missing": (failed: ["nets.two_layer.gradients", "nets.fc.loss", "nets.fc.gradients", "nets.fc.batchnorm", "nets.fc.layernorm", "nets.fc.dropout"], warned: ["nets.fc.no_hidden_layers"]),
        "scores-are-probabilities": (failed: ["nets.two_layer.scores"], warned: []),
        "sgd-ignores-learning-rate": (failed: ["optim.sgd.step", "optim.sgd.trajectory"], warned: []),
        "momentum-sign-flipped": (failed: ["optim.sgd_momentum.step", "optim.sgd_momentum.trajectory"], warned: []),
        "rmsprop-without-sqrt": (failed: ["optim.rmsprop.step", "optim.rmsprop.trajectory"], warned: []),
        "adam-no-bias-correction": (failed: ["optim.adam.step", "optim.adam.trajectory"], warned: []),
        "adam-never-increments-t": (failed: ["optim.adam.step", "optim.adam.trajectory"], warned: []),
        "adam-mutates-learning-rate": (failed: ["optim.adam.trajectory"], warned: []),
        "solver-never-updates": (failed: ["solver.overfit"], warned: []),
        "solver-history-misses-first-check": (failed: ["solver.history"], warned: []),
        "relu-gradient-at-zero": (failed: [], warned: ["layers.relu.backward"]),
        "batchnorm-eps-outside-sqrt": (failed: [], warned: ["layers.batchnorm.forward_train", "layers.batchnorm.forward_test"]),
        "adam-epsilon-hard-coded": (failed: [], warned: ["optim.adam.trajectory"]),
        "adam-efficient-form": (failed: [], warned: ["optim.adam.trajectory"]),
        "keepdims-row-shapes": (failed: [], warned: ["layers.affine.backward", "layers.batchnorm.forward_train", "layers.batchnorm.backward", "layers.batchnorm.backward_alt"]),
    ]

    @Test("the reference passes every check, without a warning")
    func referencePasses() {
        let results = Shared.grade(ReferenceImplementation())
        #expect(results.count == Catalog.checks.count)
        for r in results where r.outcome != .passed { Issue.record("\(r.id): \(r.outcome) \(r.message) \(r.warnings)") }
    }

    @Test("each mutant fails and warns on exactly its checks", arguments: MutationCatalog.all.map(\.id))
    func mutant(_ id: String) throws {
        let mutation = try #require(MutationCatalog.all.first { $0.id == id })
        let expected = try #require(Self.expected[id], "no expectation written for mutant \(id)")
        let results = Shared.grade(MutantImplementation(mutation))
        let failed = Set(results.filter { $0.outcome == .failed }.map(\.id))
        let warned = Set(results.filter { $0.outcome == .warned }.map(\.id))
        #expect(failed == expected.failed, "\(id): unexpectedly failed \(failed.subtracting(expected.failed).sorted()), unexpectedly passed \(expected.failed.subtracting(failed).sorted())")
        #expect(warned == expected.warned, "\(id): warned \(warned.sorted()), expected \(expected.warned.sorted())")
        for r in results where ![.passed, .warned, .failed].contains(r.outcome) { Issue.record("\(id): \(r.id) \(r.outcome) (a wrong answer must be a failure): \(r.message)") }
        for r in results where r.outcome == .failed { #expect(!r.message.isEmpty, "\(r.id) failed without a message") }
        for r in results where r.outcome == .warned { #expect(!r.warnings.isEmpty, "\(r.id) warned without a warning") }
        if mutation.kind == .deviation {
            #expect(failed.isEmpty, "a deviation the course accepts must not cost points")
            #expect(!warned.isEmpty, "a deviation must draw a warning somewhere")
        }
    }

    @Test("every check is failed by a mistake (an extra warned); every mutant has an expectation")
    func coverage() {
        let mistakes = MutationCatalog.all.filter { $0.kind == .mistake }.map(\.id)
        let covered = Set(mistakes.flatMap { Self.expected[$0]?.failed ?? [] })
        let warnedByAny = Set(Self.expected.values.flatMap(\.warned))
        let uncovered = Catalog.checks.filter { $0.extra ? !warnedByAny.contains($0.id) : !covered.contains($0.id) }.map(\.id)
        #expect(uncovered.isEmpty, "checks no mutant fails: \(uncovered)")
        #expect(Set(Self.expected.keys) == Set(MutationCatalog.all.map(\.id)))
        #expect(Set(Catalog.checks.map(\.id)).count == Catalog.checks.count, "check ids are unique")
    }
}
