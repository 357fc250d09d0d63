import Checks
import Grading
import Mutants
import ReferenceImplementation
import Testing

/// Every check can fail: for each realistic mistake, exactly these checks fail (and nothing
/// errors); the reference passes everything; no check escapes every mutant.
@Suite("Mutant matrix")
struct MutantMatrixTests {
    /// Which checks each mistake must fail. Written from what the mistake should break, then
    /// confirmed by running it.
    static let expected: [String: Set<String>] = [
        "affine-forgets-bias": ["layers.affine.forward", "layers.affine.backward"],
        "affine-dw-transposed": ["layers.affine.backward"],
        "affine-db-not-summed": ["layers.affine.backward"],
        "relu-gradient-at-zero": ["layers.relu.backward"],
        "relu-leaky": ["layers.relu.forward", "layers.relu.backward"],
        "sandwich-backward-skips-relu": ["layers.affine_relu.backward"],
        "sandwich-forward-skips-relu": ["layers.affine_relu.forward", "layers.affine_relu.backward"],
        "batchnorm-unbiased-variance": ["layers.batchnorm.forward_train", "layers.batchnorm.backward", "layers.batchnorm.backward_alt"],
        "batchnorm-test-uses-batch-statistics": ["layers.batchnorm.forward_test"],
        "batchnorm-running-not-updated": ["layers.batchnorm.forward_train"],
        "batchnorm-alt-swaps-dgamma-dbeta": ["layers.batchnorm.backward_alt"],
        "layernorm-over-batch-axis": ["layers.layernorm.forward", "layers.layernorm.backward"],
        "layernorm-dgamma-wrong": ["layers.layernorm.backward"],
        "dropout-not-inverted": ["layers.dropout.forward_train", "layers.dropout.backward"],
        "dropout-p-is-drop-probability": ["layers.dropout.forward_train"],
        "dropout-at-test-time": ["layers.dropout.forward_test"],
        "dropout-backward-ignores-mask": ["layers.dropout.backward"],
        "softmax-no-max-shift": ["losses.softmax.stability"],
        "softmax-mutates-input": ["losses.softmax.inputs_untouched"],
        "softmax-sum-not-mean": ["losses.softmax.value", "losses.softmax.gradient", "losses.softmax.stability"],
        "softmax-dx-not-divided": ["losses.softmax.gradient", "losses.softmax.stability"],
        "svm-counts-correct-class": ["losses.svm.value"],
        "svm-mutates-input": ["losses.svm.inputs_untouched"],
        "svm-dx-sign-flipped": ["losses.svm.gradient"],
        "init-weights-unscaled": ["nets.two_layer.init", "nets.fc.init"],
        "reg-without-half": ["nets.two_layer.loss", "nets.two_layer.gradients", "nets.fc.loss", "nets.fc.batchnorm", "nets.fc.layernorm", "nets.fc.dropout"],
        "reg-skips-last-layer": ["nets.two_layer.loss", "nets.two_layer.gradients", "nets.fc.loss", "nets.fc.batchnorm", "nets.fc.layernorm", "nets.fc.dropout"],
        "reg-gradient-missing": ["nets.two_layer.gradients", "nets.fc.loss", "nets.fc.gradients", "nets.fc.batchnorm", "nets.fc.layernorm", "nets.fc.dropout"],
        "scores-are-probabilities": ["nets.two_layer.scores"],
        "sgd-ignores-learning-rate": ["optim.sgd.step", "optim.sgd.trajectory"],
        "momentum-sign-flipped": ["optim.sgd_momentum.step", "optim.sgd_momentum.trajectory"],
        "rmsprop-without-sqrt": ["optim.rmsprop.step", "optim.rmsprop.trajectory"],
        "adam-no-bias-correction": ["optim.adam.step", "optim.adam.trajectory"],
        "adam-never-increments-t": ["optim.adam.step", "optim.adam.trajectory"],
        "adam-mutates-learning-rate": ["optim.adam.trajectory"],
        "solver-never-updates": ["solver.overfit"],
        "solver-history-misses-first-check": ["solver.history"],
    ]

    @Test("the reference passes every check")
    func referencePasses() {
        let results = Shared.grade(ReferenceImplementation())
        #expect(results.count == Catalog.checks.count)
        for r in results where r.outcome != .passed { Issue.record("\(r.id): \(r.outcome) \(r.message)") }
    }

    @Test("each mutant fails exactly its checks", arguments: MutationCatalog.all.map(\.id))
    func mutant(_ id: String) throws {
        let mutation = try #require(MutationCatalog.all.first { $0.id == id })
        let expected = try #require(Self.expected[id], "no expectation written for mutant \(id)")
        let results = Shared.grade(MutantImplementation(mutation))
        let failed = Set(results.filter { $0.outcome != .passed }.map(\.id))
        #expect(failed == expected, "\(id): unexpectedly failed \(failed.subtracting(expected).sorted()), unexpectedly passed \(expected.subtracting(failed).sorted())")
        for r in results where r.outcome == .errored { Issue.record("\(id): \(r.id) errored (a wrong answer must be a failure): \(r.message)") }
        for r in results where r.outcome == .failed { #expect(!r.message.isEmpty, "\(r.id) failed without a message") }
    }

    @Test("every check is failed by at least one mutant; every mutant has an expectation")
    func coverage() {
        let covered = Set(Self.expected.values.flatMap { $0 })
        let uncovered = Catalog.checks.map(\.id).filter { !covered.contains($0) }
        #expect(uncovered.isEmpty, "checks no mutant fails: \(uncovered)")
        #expect(Set(Self.expected.keys) == Set(MutationCatalog.all.map(\.id)))
        #expect(Set(Catalog.checks.map(\.id)).count == Catalog.checks.count, "check ids are unique")
    }
}
