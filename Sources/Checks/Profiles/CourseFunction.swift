/// A piece of the course's starter code that the checks grade: a function of `cs231n/`, a class,
/// or a feature the notebooks ask students to add to one (normalization and dropout in
/// `FullyConnectedNet`). Each year's profile says whether the starter leaves it to the student,
/// ships it finished, or does not contain it.
public enum CourseFunction: String, Sendable, Codable, CaseIterable, Comparable {
    case affineForward = "affine_forward"
    case affineBackward = "affine_backward"
    case reluForward = "relu_forward"
    case reluBackward = "relu_backward"
    case affineReluForward = "affine_relu_forward"
    case affineReluBackward = "affine_relu_backward"
    case batchnormForward = "batchnorm_forward"
    case batchnormBackward = "batchnorm_backward"
    case batchnormBackwardAlt = "batchnorm_backward_alt"
    case layernormForward = "layernorm_forward"
    case layernormBackward = "layernorm_backward"
    case dropoutForward = "dropout_forward"
    case dropoutBackward = "dropout_backward"
    case softmaxLoss = "softmax_loss"
    case svmLoss = "svm_loss"
    case twoLayerNet = "TwoLayerNet"
    case fullyConnectedNet = "FullyConnectedNet"
    /// Batch and layer normalization inside `FullyConnectedNet` (the BatchNormalization notebook).
    case fullyConnectedNetNormalization = "FullyConnectedNet normalization"
    /// Dropout inside `FullyConnectedNet` (the Dropout notebook).
    case fullyConnectedNetDropout = "FullyConnectedNet dropout"
    case sgd
    case sgdMomentum = "sgd_momentum"
    case rmsprop
    case adam
    case solver = "Solver"

    public static func < (lhs: CourseFunction, rhs: CourseFunction) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The file of the course's layout that holds it.
    public var file: String {
        switch self {
        case .affineReluForward, .affineReluBackward: "cs231n/layer_utils.py"
        case .twoLayerNet, .fullyConnectedNet, .fullyConnectedNetNormalization, .fullyConnectedNetDropout:
            "cs231n/classifiers/fc_net.py"
        case .sgd, .sgdMomentum, .rmsprop, .adam: "cs231n/optim.py"
        case .solver: "cs231n/solver.py"
        default: "cs231n/layers.py"
        }
    }

    /// The name of the Python function or class that implements it (`FullyConnectedNet` for its
    /// features).
    public var definition: String {
        switch self {
        case .fullyConnectedNetNormalization, .fullyConnectedNetDropout: "FullyConnectedNet"
        default: rawValue
        }
    }
}
