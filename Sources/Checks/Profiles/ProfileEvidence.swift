/// What a submission shows about its year and assignment: gathered by the adapter (signatures,
/// docstrings, markers in the starter's files) and by the harness (the notebooks beside
/// `cs231n/`, the folder's name). `ProfileDetector` decides from it.
public struct ProfileEvidence: Sendable, Equatable {
    /// File names beside `cs231n/` (`FullyConnectedNets.ipynb`, ...).
    public var notebooks: Set<String>
    /// The folder holding `cs231n/` and its parent (`assignment1`), lowercased.
    public var folderNames: [String]
    /// `FullyConnectedNet.__init__`'s parameters; nil when there is no FullyConnectedNet.
    public var fullyConnectedNetArguments: Set<String>?
    /// `TwoLayerNet.__init__`'s parameters; nil when there is no TwoLayerNet.
    public var twoLayerNetArguments: Set<String>?
    /// Functions defined in `cs231n/layers.py` and `cs231n/optim.py`.
    public var layerFunctions: Set<String>
    public var optimFunctions: Set<String>
    /// Update rules of `optim.py` that hold code (not the starter's stub); nil if unknown.
    public var implementedRules: Set<String>?
    /// Whether `solver.py` mentions `num_train_samples` (absent from the 2016 Solver); nil
    /// without a solver.py.
    public var solverHasNumTrainSamples: Bool?
    /// Files with Python 2 syntax.
    public var python2Syntax: [String]
    /// What `dropout_forward`'s docstring says p is, and the words.
    public var dropoutDocstring: (convention: Conventions.DropoutP, phrase: String)?
    /// The value of `config.setdefault('t', ...)` in `adam`.
    public var adamDefaultT: Int?
    /// Starter markers found: `start_of_your_code` (2019-2024), `copy_over_from_assignment_1`
    /// (2021+ assignment 2), `delete_line` (2025+), `from_builtins` (2017+), `python2_apis`.
    public var markers: Set<String>

    public init(
        notebooks: Set<String> = [], folderNames: [String] = [], fullyConnectedNetArguments: Set<String>? = nil,
        twoLayerNetArguments: Set<String>? = nil, layerFunctions: Set<String> = [], optimFunctions: Set<String> = [],
        implementedRules: Set<String>? = nil, solverHasNumTrainSamples: Bool? = nil, python2Syntax: [String] = [],
        dropoutDocstring: (convention: Conventions.DropoutP, phrase: String)? = nil, adamDefaultT: Int? = nil,
        markers: Set<String> = []
    ) {
        self.notebooks = notebooks
        self.folderNames = folderNames
        self.fullyConnectedNetArguments = fullyConnectedNetArguments
        self.twoLayerNetArguments = twoLayerNetArguments
        self.layerFunctions = layerFunctions
        self.optimFunctions = optimFunctions
        self.implementedRules = implementedRules
        self.solverHasNumTrainSamples = solverHasNumTrainSamples
        self.python2Syntax = python2Syntax
        self.dropoutDocstring = dropoutDocstring
        self.adamDefaultT = adamDefaultT
        self.markers = markers
    }

    public static func == (lhs: ProfileEvidence, rhs: ProfileEvidence) -> Bool {
        lhs.notebooks == rhs.notebooks && lhs.folderNames == rhs.folderNames
            && lhs.fullyConnectedNetArguments == rhs.fullyConnectedNetArguments
            && lhs.twoLayerNetArguments == rhs.twoLayerNetArguments && lhs.layerFunctions == rhs.layerFunctions
            && lhs.optimFunctions == rhs.optimFunctions && lhs.implementedRules == rhs.implementedRules
            && lhs.solverHasNumTrainSamples == rhs.solverHasNumTrainSamples && lhs.python2Syntax == rhs.python2Syntax
            && lhs.dropoutDocstring?.convention == rhs.dropoutDocstring?.convention
            && lhs.dropoutDocstring?.phrase == rhs.dropoutDocstring?.phrase
            && lhs.adamDefaultT == rhs.adamDefaultT && lhs.markers == rhs.markers
    }
}
