import Checks
import Grading
import ReferenceImplementation
import Testing

@Suite("Profiles")
struct ProfileTests {
    func statuses(_ profile: Profile) -> [String: CheckStatus] {
        Dictionary(uniqueKeysWithValues: Catalog.checks.map { ($0.id, profile.status(of: $0)) })
    }

    func isProvided(_ s: CheckStatus?) -> Bool { if case .provided? = s { true } else { false } }
    func isNotApplicable(_ s: CheckStatus?) -> Bool { if case .notApplicable? = s { true } else { false } }

    @Test("2016: no layer norm; softmax, SVM, sgd, the sandwich layers and the Solver are course code")
    func y2016() {
        let s = statuses(.y2016)
        #expect(isNotApplicable(s["layers.layernorm.forward"]) && isNotApplicable(s["nets.fc.layernorm"]))
        for id in ["losses.softmax.value", "losses.svm.gradient", "optim.sgd.step", "layers.affine_relu.forward", "solver.history"] {
            #expect(isProvided(s[id]), "\(id): \(String(describing: s[id]))")
        }
        for id in ["layers.affine.forward", "nets.two_layer.loss", "nets.fc.batchnorm", "optim.adam.step", "solver.overfit"] {
            #expect(s[id] == .graded, "\(id)")
        }
        #expect(Profile.y2017.conventions.adamInitialT == 1 && Profile.y2016.conventions.adamInitialT == 0)
        #expect(Profile.y2016.conventions.dropoutP == .drop && Profile.y2016.conventions.otherDropoutPAccepted)
    }

    @Test("2021-2024 assignment 2: the layers, softmax, SVM and TwoLayerNet belong to assignment 1")
    func y2021() {
        let s = statuses(.y2021to2024)
        for id in ["layers.affine.forward", "layers.relu.backward", "losses.softmax.value", "losses.svm.value", "nets.two_layer.init"] {
            #expect(isNotApplicable(s[id]), "\(id)")
        }
        for id in ["nets.fc.loss", "layers.layernorm.backward", "optim.adam.trajectory", "solver.overfit"] { #expect(s[id] == .graded, "\(id)") }
        #expect(Profile.y2021to2024.conventions.dropoutArgument == "dropout_keep_ratio")
    }

    @Test("2025 splits the exercise: assignment 1 has the nets and update rules, assignment 2 normalization and dropout")
    func y2025() {
        let a1 = statuses(.y2025to2026a1), a2 = statuses(.y2025a2)
        for id in ["layers.batchnorm.forward_train", "layers.dropout.backward", "nets.fc.batchnorm", "losses.svm.value"] {
            #expect(isNotApplicable(a1[id]), "a1 \(id)")
        }
        for id in ["layers.affine.forward", "losses.softmax.value", "nets.two_layer.loss", "nets.fc.loss", "optim.adam.step", "solver.overfit"] {
            #expect(a1[id] == .graded, "a1 \(id)")
        }
        for id in ["layers.affine.forward", "nets.fc.loss", "solver.overfit", "nets.two_layer.init"] { #expect(isNotApplicable(a2[id]), "a2 \(id)") }
        for id in ["optim.adam.step", "optim.rmsprop.trajectory"] { #expect(isProvided(a2[id]), "a2 \(id)") }
        for id in ["layers.batchnorm.backward", "nets.fc.dropout", "layers.layernorm.forward"] { #expect(a2[id] == .graded, "a2 \(id)") }
        #expect(isNotApplicable(statuses(.y2026a2)["optim.adam.step"]))

        let plan = ProfilePlan([.y2025a2, .y2025to2026a1])
        #expect(plan.id == "2025-a1+a2")
        func part(_ id: String) -> Assignment {
            plan.parts[plan.assign(Catalog.checks.first { $0.id == id }!).part].assignment
        }
        #expect(part("layers.affine.forward") == .one)
        #expect(part("optim.adam.step") == .one, "graded in assignment 1 beats provided in assignment 2")
        #expect(part("layers.batchnorm.forward_train") == .two)
        #expect(part("nets.fc.dropout") == .two)
        #expect(plan.assign(Catalog.checks.first { $0.id == "losses.svm.value" }!).status != .graded)
    }

    @Test("the reference's profile grades everything; every function is somewhere the student's")
    func everything() {
        #expect(statuses(.everything).values.allSatisfy { $0 == .graded })
        let graded = Set(Profile.all.flatMap(\.studentFunctions))
        #expect(graded == Set(CourseFunction.allCases).subtracting([.affineReluForward, .affineReluBackward, .solver]))
        #expect(Set(Profile.all.map(\.id)).count == Profile.all.count)
        #expect(Profile.all.allSatisfy { !$0.provenance.isEmpty })
    }

    @Test("profile names: years, spans, assignments")
    func names() {
        #expect(Profile.named("2019") == .y2018to2020)
        #expect(Profile.named("2018-2020") == .y2018to2020)
        #expect(Profile.named("2023") == .y2021to2024)
        #expect(Profile.named("2023-a1") == .y2022to2024a1)
        #expect(Profile.named("2025") == .y2025to2026a1)
        #expect(Profile.named("2025/assignment2") == .y2025a2)
        #expect(Profile.named("2026-a2") == .y2026a2)
        #expect(Profile.named("2030") == nil)
        #expect(Profile.named("2019-a3") == nil)
        #expect(Profile.named("spring1819") == nil)
        #expect(Profile.y2025to2026a1.id == "2025-2026-a1" && Profile.y2016.id == "2016")
    }

    @Test("detection from evidence", arguments: [
        (ProfileEvidence(fullyConnectedNetArguments: ["hidden_dims", "dropout", "use_batchnorm"], python2Syntax: ["cs231n/solver.py"]), "2016"),
        (ProfileEvidence(fullyConnectedNetArguments: ["hidden_dims", "dropout", "use_batchnorm"], solverHasNumTrainSamples: true, adamDefaultT: 1), "2017"),
        (ProfileEvidence(fullyConnectedNetArguments: ["hidden_dims", "dropout", "normalization"], twoLayerNetArguments: ["hidden_dim"]), "2018-2020"),
        (ProfileEvidence(fullyConnectedNetArguments: ["hidden_dims", "dropout_keep_ratio", "normalization"], markers: ["start_of_your_code", "copy_over_from_assignment_1"]), "2021-2024"),
        (ProfileEvidence(notebooks: ["two_layer_net.ipynb", "knn.ipynb"], twoLayerNetArguments: ["hidden_dim"], layerFunctions: ["affine_forward", "svm_loss"]), "2021-a1"),
        (ProfileEvidence(notebooks: ["two_layer_net.ipynb"], twoLayerNetArguments: ["hidden_dim"], layerFunctions: ["affine_forward", "batchnorm_forward"]), "2022-2024-a1"),
        (ProfileEvidence(notebooks: ["FullyConnectedNets.ipynb", "knn.ipynb"], fullyConnectedNetArguments: ["dropout_keep_ratio"], twoLayerNetArguments: ["hidden_dim"]), "2025-2026-a1"),
        (ProfileEvidence(notebooks: ["BatchNormalization.ipynb", "Dropout.ipynb"], fullyConnectedNetArguments: ["dropout_keep_ratio"], implementedRules: ["sgd_momentum", "rmsprop", "adam"]), "2025-a2"),
        (ProfileEvidence(notebooks: ["BatchNormalization.ipynb"], fullyConnectedNetArguments: ["dropout_keep_ratio"], implementedRules: []), "2026-a2"),
        (ProfileEvidence(folderNames: ["cs231n-main", "assignment1"], fullyConnectedNetArguments: ["dropout_keep_ratio"], twoLayerNetArguments: ["hidden_dim"]), "2025-2026-a1"),
    ] as [(ProfileEvidence, String)])
    func detection(_ evidence: ProfileEvidence, _ expected: String) {
        let decision = ProfileDetector.decide(evidence)
        #expect(decision.profile.id == expected, "\(decision.reason)")
        #expect(!decision.reason.isEmpty)
    }

    @Test("the dropout docstring a submission states is followed, and the year narrows detection")
    func dropoutAndYear() {
        var e = ProfileEvidence(fullyConnectedNetArguments: ["hidden_dims", "dropout", "use_batchnorm"])
        e.dropoutDocstring = (.keep, "keep each neuron output with probability p")
        let d = ProfileDetector.decide(e, year: 2017)
        #expect(d.profile == .y2017 && d.dropoutP == .keep)
        #expect(d.reason.contains("year 2017 given") && d.reason.contains("keep each neuron"))
        #expect(ProfileDetector.decide(ProfileEvidence(), year: 2025, assignment: .two).profile == .y2025a2)
    }
}
