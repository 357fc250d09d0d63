/// Every profile gradecheck knows, one per stretch of years whose starter code the checks cannot
/// tell apart. Read from the starter code of each year (the official 2016 tree, and unmodified
/// starter files in public student repositories for later years: each profile's `provenance` names
/// the repositories and commits it was read from).
extension Profile {
    public static let all: [Profile] = [
        y2016, y2017, y2018to2020, y2021to2024, y2021a1, y2022to2024a1, y2025to2026a1, y2025a2, y2026a2,
    ]

    // MARK: - Conventions

    static let dropDocstring = "We drop each neuron output with probability p."
    static let keepDocstring = "We keep each neuron output with probability p."
    static let keepRatioDocstring = "Here, p is the probability of keeping a neuron output"

    static let conventions2016 = Conventions(
        dropoutP: .drop, dropoutDocstring: dropDocstring, otherDropoutPAccepted: true,
        normalizationArgument: "use_batchnorm", dropoutArgument: "dropout", adamInitialT: 0)
    static let conventions2018 = Conventions(
        dropoutP: .keep, dropoutDocstring: keepDocstring, normalizationArgument: "normalization", dropoutArgument: "dropout")
    static let conventions2021 = Conventions(
        dropoutP: .keep, dropoutDocstring: keepRatioDocstring, normalizationArgument: "normalization",
        dropoutArgument: "dropout_keep_ratio")

    // MARK: - What the starters contain

    /// Shipped finished in every year that has them: the sandwich layers, `sgd` (except the 2021
    /// assignment 1) and the `Solver`.
    static let alwaysProvided: [CourseFunction: FunctionStatus] = [
        .affineReluForward: .provided, .affineReluBackward: .provided, .sgd: .provided, .solver: .provided,
    ]

    static let layerTodos: [CourseFunction: FunctionStatus] = [
        .affineForward: .student, .affineBackward: .student, .reluForward: .student, .reluBackward: .student,
    ]
    static let normalizationTodos: [CourseFunction: FunctionStatus] = [
        .batchnormForward: .student, .batchnormBackward: .student, .batchnormBackwardAlt: .student,
        .layernormForward: .student, .layernormBackward: .student,
        .dropoutForward: .student, .dropoutBackward: .student,
        .fullyConnectedNetNormalization: .student, .fullyConnectedNetDropout: .student,
    ]
    static let updateRuleTodos: [CourseFunction: FunctionStatus] = [
        .sgdMomentum: .student, .rmsprop: .student, .adam: .student,
    ]

    static func merged(_ tables: [CourseFunction: FunctionStatus]...) -> [CourseFunction: FunctionStatus] {
        tables.reduce(into: [:]) { $0.merge($1) { _, new in new } }
    }

    static let notebooks2016 = Set(["FullyConnectedNets.ipynb", "BatchNormalization.ipynb", "Dropout.ipynb", "ConvolutionalNetworks.ipynb"])
    static let notebooksA1 = Set(["knn.ipynb", "svm.ipynb", "softmax.ipynb", "two_layer_net.ipynb", "features.ipynb"])

    // MARK: - The profiles

    /// 2016 (winter 2015-16): Python 2 starter; `softmax_loss` and `svm_loss` finished; no layer norm.
    public static let y2016 = Profile(
        years: 2016...2016, assignment: .two, conventions: conventions2016,
        functions: merged(
            layerTodos, alwaysProvided, updateRuleTodos, normalizationTodos,
            [.softmaxLoss: .provided, .svmLoss: .provided, .twoLayerNet: .student, .fullyConnectedNet: .student],
            [:]).filter { $0.key != .layernormForward && $0.key != .layernormBackward },
        notebooks: notebooks2016,
        provenance: "cs231n/cs231n.github.io assignments2016/assignment2 at be39728 (official)")

    /// 2017 (spring 2016-17): as 2016 in Python 3, but `adam` defaults `t` to 1.
    public static let y2017 = Profile(
        years: 2017...2017, assignment: .two,
        conventions: Conventions(
            dropoutP: .drop, dropoutDocstring: dropDocstring, otherDropoutPAccepted: true,
            normalizationArgument: "use_batchnorm", dropoutArgument: "dropout", adamInitialT: 1),
        functions: y2016.functions,
        notebooks: notebooks2016.union(["PyTorch.ipynb", "TensorFlow.ipynb"]),
        provenance: "starter files in WeiChengTseng/cs231n-2017 (1a8b402) and alyssaq/cs231n-2017 (ba2bff2, 56e1a37)")

    /// 2018-2020: `p` is the keep probability, `normalization=`, layer norm added; softmax and
    /// SVM losses still finished.
    public static let y2018to2020 = Profile(
        years: 2018...2020, assignment: .two, conventions: conventions2018,
        functions: merged(
            layerTodos, alwaysProvided, updateRuleTodos, normalizationTodos,
            [.softmaxLoss: .provided, .svmLoss: .provided, .twoLayerNet: .student, .fullyConnectedNet: .student]),
        notebooks: notebooks2016.union(["PyTorch.ipynb"]),
        provenance: "starter files in Aneureka/cs231n-assignments-2018 (0824d43), Tina-Husky/CS231n-assignments-2019 (890d060), jvenepal/cs231n-spring2020 (088d55f)")

    /// 2021-2024 assignment 2: affine/ReLU/softmax are copied over from assignment 1, `svm_loss`
    /// and `TwoLayerNet` are in assignment 1, `dropout_keep_ratio`.
    public static let y2021to2024 = Profile(
        years: 2021...2024, assignment: .two, conventions: conventions2021,
        functions: merged(
            alwaysProvided, updateRuleTodos, normalizationTodos,
            [.affineForward: .otherAssignment(.one), .affineBackward: .otherAssignment(.one),
             .reluForward: .otherAssignment(.one), .reluBackward: .otherAssignment(.one),
             .softmaxLoss: .otherAssignment(.one), .svmLoss: .otherAssignment(.one),
             .twoLayerNet: .otherAssignment(.one), .fullyConnectedNet: .student]),
        notebooks: notebooks2016.union(["PyTorch.ipynb"]),
        provenance: "starter files in Ouroboros5664/cs231n-assignment-2021spring (25b48f3), karltan0328/cs231n-spring-2023-assignments (0800e1c), gitookie/cs231n_2024_spring_implementation (5d8ce2e)")

    /// 2021 assignment 1 (`two_layer_net.ipynb`): affine/ReLU/SVM/softmax, `TwoLayerNet`, and
    /// `sgd` as a TODO; the rest of the exercise is in assignment 2.
    public static let y2021a1 = Profile(
        years: 2021...2021, assignment: .one, conventions: conventions2021,
        functions: merged(
            layerTodos, alwaysProvided, a1LeavesToA2,
            [.softmaxLoss: .student, .svmLoss: .student, .twoLayerNet: .student, .sgd: .student]),
        notebooks: notebooksA1.subtracting(["features.ipynb"]),
        provenance: "starter files in Ouroboros5664/cs231n-assignment-2021spring (9e59070)")

    /// 2022-2024 assignment 1: as 2021 with `sgd` finished (its layers.py and optim.py also hold
    /// the assignment-2 stubs, which are not part of it).
    public static let y2022to2024a1 = Profile(
        years: 2022...2024, assignment: .one, conventions: conventions2021,
        functions: merged(
            layerTodos, alwaysProvided, a1LeavesToA2,
            [.softmaxLoss: .student, .svmLoss: .student, .twoLayerNet: .student]),
        notebooks: notebooksA1,
        provenance: "starter files in yjb6/CS231n-2022 (96c401c), karltan0328/cs231n-spring-2023-assignments (b8989aa), FengRanfi/assignment1_cs231n_2024 (bd16c3e)")

    static let a1LeavesToA2: [CourseFunction: FunctionStatus] = merged(
        normalizationTodos.mapValues { _ in .otherAssignment(.two) },
        updateRuleTodos.mapValues { _ in .otherAssignment(.two) },
        [.fullyConnectedNet: .otherAssignment(.two)])

    /// 2025-2026 assignment 1: `FullyConnectedNets.ipynb` moved here (affine, ReLU, softmax,
    /// `TwoLayerNet`, `FullyConnectedNet` without normalization, the update rules); no SVM; the
    /// batchnorm and dropout stubs in its layers.py belong to assignment 2.
    public static let y2025to2026a1 = Profile(
        years: 2025...2026, assignment: .one, conventions: conventions2021,
        functions: merged(
            layerTodos, alwaysProvided, updateRuleTodos,
            normalizationTodos.mapValues { _ in .otherAssignment(.two) },
            [.softmaxLoss: .student, .twoLayerNet: .student, .fullyConnectedNet: .student]),
        notebooks: ["knn.ipynb", "softmax.ipynb", "two_layer_net.ipynb", "features.ipynb", "FullyConnectedNets.ipynb"],
        provenance: "starter files in Kang-Jay/CS231n-2025 (059a33d), Erix8/cs231n-assignments-2026 (9a51ad1), MuQY1818/cs231n-2026-zh (9c5ede7)")

    /// What assignment 2 leaves to assignment 1 from 2025: the layers, softmax and the plain net.
    static let a2LeavesToA1: [CourseFunction: FunctionStatus] = merged(
        layerTodos.mapValues { _ in .otherAssignment(.one) },
        [.softmaxLoss: .otherAssignment(.one), .twoLayerNet: .otherAssignment(.one), .fullyConnectedNet: .otherAssignment(.one)])

    /// 2025 assignment 2: batch/layer normalization and dropout; its optim.py ships the update
    /// rules finished (Adam in the paper's "efficient" form).
    public static let y2025a2 = Profile(
        years: 2025...2025, assignment: .two, conventions: conventions2021,
        functions: merged(
            alwaysProvided, normalizationTodos, a2LeavesToA1,
            [.sgdMomentum: .provided, .rmsprop: .provided, .adam: .provided]),
        notebooks: ["BatchNormalization.ipynb", "Dropout.ipynb", "ConvolutionalNetworks.ipynb", "PyTorch.ipynb", "RNN_Captioning_pytorch.ipynb"],
        provenance: "starter files in Kang-Jay/CS231n-2025 (059a33d), lllllliuji/cs231n-2025-assignment, OlajuwonDele/cs231n_2025")

    /// 2026 assignment 2: as 2025, but optim.py is left as TODO stubs again (graded in assignment 1).
    public static let y2026a2 = Profile(
        years: 2026...2026, assignment: .two, conventions: conventions2021,
        functions: merged(alwaysProvided, normalizationTodos, a2LeavesToA1, updateRuleTodos.mapValues { _ in .otherAssignment(.one) }),
        notebooks: y2025a2.notebooks,
        provenance: "starter files in MuQY1818/cs231n-2026-zh (9c5ede7), Erix8/cs231n-assignments-2026 (a509b31)")

    /// The profiles of `year` (one, or one per assignment).
    public static func of(year: Int) -> [Profile] { all.filter { $0.years.contains(year) } }

    /// The profile named `id` (`2018-2020`, `2021-2024-a1`), or for a year (`2019`), or a year
    /// and an assignment (`2025-a1`, `2023/assignment1`): a year alone picks the assignment that
    /// holds the plain FullyConnectedNet that year. Nil for an unknown year or a malformed id.
    public static func named(_ id: String) -> Profile? {
        if let exact = all.first(where: { $0.id == id.lowercased() }) { return exact }
        guard let (year, assignment) = parse(id) else { return nil }
        let candidates = of(year: year)
        if let assignment { return candidates.first { $0.assignment == assignment } }
        return candidates.first { $0.functions[.fullyConnectedNet] == .student } ?? candidates.first
    }

    /// `2025-a1` as (2025, assignment 1); `2019` as (2019, nil). Years 2016 ... 2026.
    public static func parse(_ text: String) -> (year: Int, assignment: Assignment?)? {
        let lowered = text.lowercased()
        guard lowered.count >= 4, let year = Int(lowered.prefix(4)), (2016...2026).contains(year) else { return nil }
        var rest = String(lowered.dropFirst(4)).replacingOccurrences(of: "assignment", with: "a")
        while let first = rest.first, "-/_ ".contains(first) { rest.removeFirst() }
        switch rest {
        case "": return (year, nil)
        case "a1", "1": return (year, .one)
        case "a2", "2": return (year, .two)
        default: return nil
        }
    }

    /// Every course function left to the student, with the 2018+ conventions: how the reference
    /// engine and the built-in mutants are graded (and `--profile all`, for staff who want
    /// everything scored). Not a course year: detection never picks it.
    public static let everything = Profile(
        years: 2018...2020, assignment: .two, conventions: conventions2018,
        functions: Dictionary(uniqueKeysWithValues: CourseFunction.allCases.map { ($0, FunctionStatus.student) }),
        notebooks: [], provenance: "not a course year: every function is graded", name: "all")
}
