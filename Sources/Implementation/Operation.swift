/// The operations of the assignment that an implementation under test may provide, named like
/// the course's functions. An implementation announces which it supports; a check whose
/// operation is missing is skipped ("not implemented"), never failed.
public enum Operation: String, Sendable, Codable, CaseIterable {
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
    /// Build a TwoLayerNet or FullyConnectedNet (weights drawn after seeding the implementation's
    /// random generator), returning a model handle.
    case makeModel = "make_model"
    case getParameters = "get_params"
    case setParameters = "set_params"
    /// `model.loss(X)` (scores) or `model.loss(X, y)` (loss and gradients).
    case modelLoss = "model_loss"
    /// One step of an update rule: `next_w, config = rule(w, dw, config)`.
    case update = "update"
    /// Train a model with the implementation's Solver; returns its histories and accuracy.
    case solverTrain = "solver_train"
}

extension Operation {
    /// Arguments the course's own code changes in place, so that an implementation doing the same
    /// is not worth a warning: the starter's `sgd` updates `w` (`w -= learning_rate * dw`), and the
    /// normalization and dropout layers write their `*_param` dicts.
    public var argumentsChangedByTheCourse: Set<String> {
        switch self {
        case .update: ["w", "config"]
        case .batchnormForward: ["bn_param"]
        case .layernormForward: ["ln_param"]
        case .dropoutForward: ["dropout_param"]
        case .modelLoss, .setParameters: ["model", "params"]
        case .solverTrain: ["model"]
        default: []
        }
    }
}
