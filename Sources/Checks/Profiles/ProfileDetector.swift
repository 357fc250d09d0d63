/// Chooses the profile of a submission from its evidence, and says why. The year (or year and
/// assignment) a TA gives with `--profile` narrows the choice; the rest comes from the
/// submission: first the assignment (the notebooks beside `cs231n/`, the folder's name), then the
/// stretch of years (the `FullyConnectedNet` signature and the starter's markers).
public enum ProfileDetector {
    public struct Decision: Sendable, Equatable {
        public var profile: Profile
        public var reason: String
        /// What `p` means for this submission: the year's docstring, or what the submission's own
        /// docstring says when it states the other meaning.
        public var dropoutP: Conventions.DropoutP

        public init(profile: Profile, reason: String, dropoutP: Conventions.DropoutP) {
            self.profile = profile
            self.reason = reason
            self.dropoutP = dropoutP
        }
    }

    /// The profile for `evidence`, optionally restricted to `year` and `assignment`.
    public static func decide(_ evidence: ProfileEvidence, year: Int? = nil, assignment: Assignment? = nil) -> Decision {
        var reasons: [String] = []
        var candidates = Profile.all
        if let year {
            candidates = candidates.filter { $0.years.contains(year) }
            reasons.append("year \(year) given")
        }
        if let assignment {
            candidates = candidates.filter { $0.assignment == assignment }
            reasons.append("\(assignment) given")
        }
        if candidates.isEmpty { candidates = Profile.all }

        // 1. Which assignment, from the folder.
        if assignment == nil, let (found, why) = assignmentFromFolder(evidence) {
            let narrowed = candidates.filter { found.assignment == $0.assignment && found.years.overlaps($0.years) }
            if !narrowed.isEmpty {
                candidates = narrowed
                reasons.append(why)
            }
        }
        // 2. Which years, from the code.
        for (test, why) in codeRules(evidence) {
            let narrowed = candidates.filter(test)
            if !narrowed.isEmpty, narrowed.count < candidates.count {
                candidates = narrowed
                reasons.append(why)
            }
        }
        // 3. What is left: the profile whose assignment holds the plain net, latest first among
        // equals only when nothing told them apart.
        let profile = candidates.first { $0.functions[.fullyConnectedNet] == .student } ?? candidates[0]
        if candidates.count > 1 {
            reasons.append("nothing told \(candidates.map(\.id).joined(separator: ", ")) apart; \(profile.id) assumed")
        }
        var dropoutP = profile.conventions.dropoutP
        if let said = evidence.dropoutDocstring {
            dropoutP = said.convention
            if said.convention != profile.conventions.dropoutP {
                reasons.append("dropout_forward's docstring says '\(said.phrase)', so p is taken as \(said.convention.phrase)")
            }
        }
        return Decision(profile: profile, reason: reasons.isEmpty ? "default" : reasons.joined(separator: "; "), dropoutP: dropoutP)
    }

    /// The assignment and span of years the notebooks (or the folder's name) point to.
    static func assignmentFromFolder(_ e: ProfileEvidence) -> (Profile, String)? {
        let nb = e.notebooks
        let a1Notebooks = nb.intersection(["knn.ipynb", "svm.ipynb", "softmax.ipynb", "two_layer_net.ipynb", "features.ipynb"])
        if nb.contains("FullyConnectedNets.ipynb"), !a1Notebooks.isEmpty {
            return (Profile.y2025to2026a1, "FullyConnectedNets.ipynb sits beside \(a1Notebooks.sorted()[0]): the 2025+ assignment 1")
        }
        if nb.contains("FullyConnectedNets.ipynb") {
            return (Profile(years: 2016...2024, assignment: .two, conventions: Profile.conventions2018, functions: [:], notebooks: [], provenance: ""),
                    "FullyConnectedNets.ipynb sits beside \(nb.contains("BatchNormalization.ipynb") ? "BatchNormalization.ipynb" : "cs231n/"): assignment 2 of 2016-2024")
        }
        if nb.contains("BatchNormalization.ipynb") || nb.contains("Dropout.ipynb") {
            return (Profile(years: 2025...2026, assignment: .two, conventions: Profile.conventions2021, functions: [:], notebooks: [], provenance: ""),
                    "BatchNormalization.ipynb without FullyConnectedNets.ipynb: the 2025+ assignment 2")
        }
        if nb.contains("two_layer_net.ipynb") {
            return (Profile(years: 2021...2024, assignment: .one, conventions: Profile.conventions2021, functions: [:], notebooks: [], provenance: ""),
                    "two_layer_net.ipynb without FullyConnectedNets.ipynb: assignment 1 of 2021-2024")
        }
        for name in e.folderNames {
            for assignment in Assignment.allCases where name == assignment.folderName || name.hasSuffix("_" + assignment.folderName) || name.hasSuffix("-" + assignment.folderName) {
                let span = assignment == .one ? 2021...2026 : 2016...2026
                return (Profile(years: span, assignment: assignment, conventions: Profile.conventions2021, functions: [:], notebooks: [], provenance: ""),
                        "the folder is named \(name)")
            }
        }
        return nil
    }

    /// Tests on the code, each narrowing the candidates when it applies, with its reason.
    static func codeRules(_ e: ProfileEvidence) -> [((Profile) -> Bool, String)] {
        var rules: [((Profile) -> Bool, String)] = []
        if let arguments = e.fullyConnectedNetArguments {
            if arguments.contains("dropout_keep_ratio") {
                // Every 2021+ fc_net.py has it, but for the 2021-2024 assignment 1 (TwoLayerNet only).
                rules.append(({ $0.years.lowerBound >= 2021 && !($0.assignment == .one && $0.years.upperBound <= 2024) },
                              "FullyConnectedNet.__init__ takes dropout_keep_ratio (2021+)"))
            } else if arguments.contains("normalization") {
                rules.append(({ $0.years.overlaps(2018...2020) }, "FullyConnectedNet.__init__ takes normalization and dropout (2018-2020)"))
            } else if arguments.contains("use_batchnorm") {
                rules.append(({ $0.years.upperBound <= 2017 }, "FullyConnectedNet.__init__ takes use_batchnorm (2016-2017)"))
            }
        } else if e.twoLayerNetArguments != nil {
            rules.append(({ $0.assignment == .one && $0.years.upperBound <= 2024 }, "fc_net.py has TwoLayerNet but no FullyConnectedNet: assignment 1 of 2021-2024"))
        }
        if e.fullyConnectedNetArguments != nil {
            if e.twoLayerNetArguments != nil {
                rules.append(({ $0.functions[.twoLayerNet] == .student }, "fc_net.py has both TwoLayerNet and FullyConnectedNet"))
            } else {
                rules.append(({ $0.functions[.twoLayerNet] != .student }, "fc_net.py has FullyConnectedNet but no TwoLayerNet"))
            }
        }
        if e.twoLayerNetArguments != nil, e.fullyConnectedNetArguments == nil {
            if !e.layerFunctions.isEmpty, !e.layerFunctions.contains("batchnorm_forward") {
                rules.append(({ $0 == .y2021a1 }, "layers.py holds only affine, ReLU and the losses (2021 assignment 1)"))
            } else if e.layerFunctions.contains("batchnorm_forward") {
                rules.append(({ $0 == .y2022to2024a1 }, "layers.py also holds the batch-norm stubs (2022-2024 assignment 1)"))
            }
        }
        if e.markers.contains("copy_over_from_assignment_1") {
            rules.append(({ $0.assignment == .two && $0.years.lowerBound >= 2021 }, "layers.py says to copy the layers over from assignment 1 (2021+ assignment 2)"))
        }
        if e.markers.contains("start_of_your_code") {
            rules.append(({ $0.years.overlaps(2019...2024) }, "the starter's START OF YOUR CODE markers (2019-2024)"))
        } else if e.markers.contains("delete_line") {
            rules.append(({ $0.years.lowerBound >= 2025 }, "the starter's ~~DELETE LINE~~ marker (2025+)"))
        } else if e.fullyConnectedNetArguments?.contains("dropout_keep_ratio") ?? false {
            rules.append(({ $0.years.lowerBound >= 2025 }, "dropout_keep_ratio without the START OF YOUR CODE markers of 2019-2024 (2025+)"))
        }
        if !e.python2Syntax.isEmpty || e.markers.contains("python2_apis") && !e.markers.contains("from_builtins") {
            rules.append(({ $0 == .y2016 }, "Python 2 code (the 2016 starter)"))
        }
        if e.solverHasNumTrainSamples == false {
            rules.append(({ $0 == .y2016 }, "the Solver has no num_train_samples (2016)"))
        }
        if let t = e.adamDefaultT {
            // Only 2016 and 2017 differ here (0 and 1); later students sometimes change it.
            rules.append(({ $0.years.lowerBound > 2017 || $0.conventions.adamInitialT == t }, "adam's config.setdefault('t', \(t))"))
        }
        if let implemented = e.implementedRules {
            if implemented.isSuperset(of: ["sgd_momentum", "rmsprop", "adam"]) {
                rules.append(({ $0 != .y2026a2 }, "optim.py's update rules hold code"))
            } else if implemented.isDisjoint(with: ["sgd_momentum", "rmsprop", "adam"]) {
                rules.append(({ $0 != .y2025a2 }, "optim.py's update rules are still stubs"))
            }
        }
        return rules
    }
}
